"""Settings read from the environment (never secrets in files), with their defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass

from bot.nlu.faq_decision import Thresholds

DEFAULT_HUMAN_ROUTE = (
    "I can't put you through to a person from this chat. For anything I can't answer, please "
    "contact the TechTrack admissions team. If you have applied for the Software Developer or "
    "DevOps Engineer role, the Makers Admissions team will keep you informed as your application "
    "goes through."
)


@dataclass(frozen=True)
class Settings:
    human_route: str
    faq_thresholds: Thresholds


def _float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(f"{name} must be a number between 0 and 1, not {raw!r}") from exc
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, not {value}")
    return value


def load_settings() -> Settings:
    return Settings(
        human_route=os.environ.get("TECHTRACK_HUMAN_ROUTE", "").strip() or DEFAULT_HUMAN_ROUTE,
        faq_thresholds=Thresholds(
            answer=_float("TECHTRACK_FAQ_ANSWER_CONFIDENCE", Thresholds.answer),
            margin=_float("TECHTRACK_FAQ_ANSWER_MARGIN", Thresholds.margin),
            clarify=_float("TECHTRACK_FAQ_MIN_CONFIDENCE", Thresholds.clarify),
        ),
    )
