"""Leaving a socket.io conversation held over long-polling, for the clients that speak the web
chat's protocol (`make security`, the web chat and cluster tests)."""

from __future__ import annotations

from typing import Any


async def hang_up(client: Any) -> None:
    """Close the connection without waiting for the poll the server is holding open.

    python-engineio's client `disconnect()` waits for its pending long-poll GET to return, and the
    server answers it only at its next ping, up to 25 seconds later; aborting closes the same way
    (the server sees the close packet and ends the session) without the wait."""
    if client.connected:
        await client.eio.disconnect(abort=True)
