"""Conversation ids are stored as a keyed hash (HMAC-SHA256), never as the channel's user id."""

from __future__ import annotations

import hashlib
import hmac


def conversation_hash(sender_id: str, key: bytes) -> str:
    return hmac.new(key, sender_id.encode(), hashlib.sha256).hexdigest()
