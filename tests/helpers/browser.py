"""Driving the web chat in Debian's Chromium (/usr/bin/chromium; Playwright never downloads a
browser): launching it, a fresh page per conversation, typing and waiting for the bot's reply, and
screenshots into reports/screenshots/."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from bot.dev.serve import ServeConfig
from bot.paths import ROOT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "reports" / "screenshots"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
TIMEOUT_MS = 30_000


@contextmanager
def chromium() -> Iterator[Browser]:
    assert CHROMIUM.exists(), "Debian's chromium is missing: run make browser"
    playwright: Playwright
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            # As root Chromium needs --no-sandbox; the rest stop it calling home on a closed network.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


def new_page(browser: Browser, viewport: dict[str, int]) -> Page:
    """A page in a fresh context (its own sessionStorage, so its own conversation)."""
    page = browser.new_context(viewport=viewport).new_page()  # type: ignore[arg-type]
    page.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    return page


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled")


def as_shown(text: str) -> str:
    """Corpus text as the widget shows it: `- ` bullets become list items, whitespace collapses."""
    return " ".join(re.sub(r"^- ", "", text, flags=re.MULTILINE).split())


def conversation(page: Page) -> str:
    return " ".join(page.locator(".rw-messages-container").inner_text().split())


def expect_shown(page: Page, text: str) -> None:
    """Wait until the conversation shows `text` (whitespace collapsed): answers arrive a paragraph
    at a time."""
    try:
        page.wait_for_function(
            "t => { const c = document.querySelector('.rw-messages-container');"
            " return c && c.innerText.split(/\\s+/).join(' ').includes(t); }",
            arg=" ".join(text.split()),
        )
    except PlaywrightTimeoutError:
        pytest.fail(f"the page never showed {text!r}; it shows: {conversation(page)!r}")


# True once the bot has answered the latest message and nothing new has appeared for 0.8 s (the
# widget shows an answer's paragraphs 0.3 s apart).
ANSWERED = """n => {
  const count = document.querySelectorAll('.rw-response').length;
  const groups = document.querySelectorAll('.rw-group-message');
  const last = groups[groups.length - 1];
  if (count <= n || !last || !last.classList.contains('rw-from-response')) return false;
  if (window.testResponses !== count) { window.testResponses = count; window.testSince = Date.now(); }
  return Date.now() - window.testSince > 800;
}"""


def wait_for_reply_to(page: Page, send: Callable[[], None]) -> None:
    """Do `send` (type or click), then wait until the bot has finished answering it."""
    before = page.locator(".rw-response").count()
    send()
    page.wait_for_function(ANSWERED, arg=before, polling=100)


def ask(page: Page, text: str) -> None:
    def send() -> None:
        page.locator(".rw-new-message").fill(text)
        page.keyboard.press("Enter")

    wait_for_reply_to(page, send)


def open_chat(page: Page, server: ServeConfig) -> None:
    page.goto(f"{server.rasa_url}/chat")
    page.locator(".rw-launcher").click()
    expect(page.locator(".rw-messages-container")).to_contain_text("Hello! I'm TechTrack Assistant")
