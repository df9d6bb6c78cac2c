"""Sending a turn's replies to Teams or Slack: transient failures are tried again, a bounded number of
times with back-off, and no failure ever reaches Rasa.

Rasa sends each reply from inside the turn (rasa/core/processor.py, `_send_bot_messages`) and saves
the tracker only after the turn; an exception from an output channel would end the turn there, and
the person's message and everything the bot did would never be saved. So `Delivery.send` never
raises: it returns whether the reply was delivered, and logs why not (never the reply's text).

- Transient (tried again): 429 (after its Retry-After, when that is at most `retry_after_cap`
  seconds; a longer wait is given up on), 5xx, a connection error or a timeout. Waits grow from
  `first_delay`, doubling up to `max_delay`; at most `attempts` tries per reply.
- Permanent (not tried again): 401, 403, Slack's `ok: false` errors (`invalid_auth`,
  `channel_not_found`, ...), anything unexpected. Once a permanent failure is met, the rest of the
  turn's replies on that channel are not attempted either: they would fail the same way.
- All waits of one turn (one Delivery) add up to at most `budget` seconds, so that a struggling
  service cannot hold the conversation's lock for long (bot/dev/serve.py keeps the action timeout
  plus this budget below the lock's lifetime).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


class SendFailed(Exception):
    """One attempt to send failed: `reason` is safe to log (a status or an error code, never text);
    `transient` says whether trying again may help; `retry_after` is the wait the service asked for."""

    def __init__(self, reason: str, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.retry_after = retry_after


def retry_after_seconds(value: str | None) -> float | None:
    """A Retry-After header's delay in seconds (the delta-seconds form; an HTTP date is ignored)."""
    try:
        seconds = float(value) if value is not None else None
    except ValueError:
        return None
    return seconds if seconds is not None and 0 <= seconds < 86_400 else None


def http_failure(service: str, status: int, retry_after: str | None = None) -> SendFailed:
    """The failure for an HTTP status other than 2xx: 429 and 5xx are transient, the rest not."""
    transient = status == 429 or status >= 500
    return SendFailed(f"{service} answered {status}", transient,
                      retry_after_seconds(retry_after) if status == 429 else None)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4
    first_delay: float = 0.5
    max_delay: float = 4.0
    retry_after_cap: float = 10.0
    budget: float = 20.0


DEFAULT_POLICY = RetryPolicy()


class Delivery:
    """The sends of one turn on one channel."""

    def __init__(
        self, channel: str, policy: RetryPolicy = DEFAULT_POLICY,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
    ) -> None:
        self.channel = channel
        self.policy = policy
        self._sleep = sleep
        self.delivered = 0
        self.failed = 0
        self.waited = 0.0
        self.gave_up: str | None = None  # the permanent failure's reason, once there is one

    async def send(self, attempt: Callable[[], Awaitable[object]]) -> bool:
        """Run `attempt` until it succeeds, fails for good, or the tries or the budget run out."""
        if self.gave_up is not None:
            self.failed += 1
            logger.warning("Did not send a %s reply: an earlier one failed for good (%s).",
                           self.channel, self.gave_up)
            return False
        delay = self.policy.first_delay
        for number in range(1, self.policy.attempts + 1):
            try:
                await attempt()
            except asyncio.CancelledError:
                raise
            except SendFailed as failure:
                problem = failure
            except Exception as error:  # a bug, or an error nobody classified: not tried again
                problem = SendFailed(f"unexpected {type(error).__name__}", transient=False)
            else:
                self.delivered += 1
                return True
            wait = problem.retry_after if problem.retry_after is not None else delay
            if not problem.transient:
                self.gave_up = problem.reason
                return self._failed(problem, number, "not tried again")
            if problem.retry_after is not None and problem.retry_after > self.policy.retry_after_cap:
                return self._failed(problem, number, f"asked to wait {problem.retry_after:.0f} s, too long")
            if number == self.policy.attempts:
                return self._failed(problem, number, "no tries left")
            if self.waited + wait > self.policy.budget:
                return self._failed(problem, number, "this turn has waited long enough")
            logger.info("A %s reply failed (%s, try %d of %d); trying again in %.1f s.", self.channel,
                        problem.reason, number, self.policy.attempts, wait)
            await self._sleep(wait)
            self.waited += wait
            delay = min(delay * 2, self.policy.max_delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _failed(self, problem: SendFailed, tries: int, why: str) -> bool:
        self.failed += 1
        logger.error("Could not send a %s reply: %s after %d %s (%s).", self.channel, problem.reason,
                     tries, "try" if tries == 1 else "tries", why)
        return False
