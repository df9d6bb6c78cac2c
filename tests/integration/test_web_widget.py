"""The web chat in a real browser: Debian's Chromium, driven by Playwright, on the demo careers page
served by the running bot (both servers started as `make run` starts them).

Screenshots go to reports/screenshots/. Chromium comes from `make browser` (run by
`make integration`); Playwright never downloads a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from bot.channels.web import CONTENT_SECURITY_POLICY
from bot.corpus import FaqEntry
from bot.dev.serve import ServeConfig
from tests.helpers.browser import (
    DESKTOP,
    PHONE,
    as_shown,
    ask,
    chromium,
    conversation,
    expect_shown,
    new_page,
    open_chat,
    screenshot,
    wait_for_reply_to,
)
from tests.helpers.support import local_config, running_servers

# The route to a person is configurable text the bot says; this one tries to smuggle in a live link
# and HTML, which the page must show as text.
ROUTE = (
    'Write to the test desk [here](javascript:window.pwned=3) <img src=x onerror="window.pwned=4"> '
    "<javascript://%0Awindow.pwned=5>"
)
SCRIPT_MESSAGE = "<script>window.pwned=1</script>"
IMG_MESSAGE = '<img src=x onerror="window.pwned=2">'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServeConfig]:
    config = local_config(tmp_path_factory.mktemp("logs"), {"TECHTRACK_HUMAN_ROUTE": ROUTE})
    with running_servers(config):
        yield config


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def test_ask_click_a_button_reload_and_carry_on(
    server: ServeConfig, browser: Browser, corpus: dict[str, FaqEntry]
) -> None:
    page = new_page(browser, DESKTOP)
    response = page.goto(f"{server.rasa_url}/chat")
    assert response is not None and response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    expect(page.get_by_role("heading", level=1)).to_have_text("TechTrack: Level 4 digital apprenticeships")
    page.locator(".rw-launcher").click()
    expect(page.locator(".rw-messages-container")).to_contain_text("Hello! I'm TechTrack Assistant")

    ask(page, "how long is the apprenticeship?")
    expect(page.locator(".rw-messages-container")).to_contain_text("Which role are you asking about?")
    wait_for_reply_to(page, page.locator(".rw-reply", has_text="DevOps Engineer").click)
    duration = as_shown(corpus["duration"].answers["devops_engineer"])
    expect_shown(page, duration)
    screenshot(page, "web-answer-after-button")

    page.reload()
    # The widget remembers that the chat was open and opens it again.
    expect(page.locator(".rw-launcher")).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".rw-client", has_text="how long is the apprenticeship?")).to_be_visible()
    assert duration in conversation(page)
    screenshot(page, "web-history-after-reload")

    # Same conversation on the server after the reload: the role chosen before is remembered, and
    # the reply reaches the page through the session's room.
    ask(page, "and how is it assessed?")
    expect_shown(page, as_shown(corpus["assessment"].answers["devops_engineer"]))


def test_typed_html_and_html_in_bot_text_are_shown_not_run(server: ServeConfig, browser: Browser) -> None:
    page = new_page(browser, DESKTOP)
    open_chat(page, server)
    for text in (SCRIPT_MESSAGE, IMG_MESSAGE):
        ask(page, text)
        expect(page.locator(".rw-client").last).to_have_text(text)

    ask(page, "can I speak to a real person please")
    expect_shown(page, ROUTE)
    screenshot(page, "web-html-shown-as-text")

    messages = page.locator(".rw-messages-container")
    assert messages.locator("script, img[src='x'], a[href^='javascript']").count() == 0
    assert page.evaluate("typeof window.pwned") == "undefined"
    # Defence in depth: the page's Content-Security-Policy stops inline script from running at all.
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 6';"
        " document.body.appendChild(s); }"
    )
    assert page.evaluate("typeof window.pwned") == "undefined"


def test_keyboard_only_with_labels_for_screen_readers(
    server: ServeConfig, browser: Browser, corpus: dict[str, FaqEntry]
) -> None:
    page = new_page(browser, DESKTOP)
    page.goto(f"{server.rasa_url}/chat")
    launcher = page.get_by_role("button", name="Open the TechTrack Assistant chat")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('rw-launcher')"):
            break
    else:
        pytest.fail("Tab never reached the chat launcher")
    page.keyboard.press("Enter")

    question = page.get_by_role("textbox", name="Your question")
    expect(question).to_be_focused()
    expect(page.get_by_role("log", name="Conversation with the TechTrack Assistant")).to_contain_text(
        "Hello! I'm TechTrack Assistant"
    )
    expect(page.locator(".rw-launcher")).to_have_attribute("aria-expanded", "true")
    wait_for_reply_to(page, lambda: page.keyboard.type("how is it assessed?\n"))

    # The reply buttons come just before the question box: Shift+Tab reaches "All roles".
    all_roles = page.get_by_role("button", name="All roles")
    expect(all_roles).to_be_visible()
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
        if all_roles.evaluate("e => e === document.activeElement"):
            break
    expect(all_roles).to_be_focused()
    screenshot(page, "web-keyboard-focus-on-reply")
    wait_for_reply_to(page, lambda: page.keyboard.press("Enter"))
    expect_shown(page, as_shown(corpus["assessment"].answer))

    page.keyboard.press("Escape")
    expect(page.locator(".rw-conversation-container")).to_have_count(0)
    expect(page.get_by_role("button", name="Open the TechTrack Assistant chat")).to_be_focused()


def test_a_long_answer_reads_from_its_start_on_a_phone(
    server: ServeConfig, browser: Browser, corpus: dict[str, FaqEntry]
) -> None:
    page = new_page(browser, PHONE)
    page.goto(f"{server.rasa_url}/chat")
    expect(page.locator(".rw-launcher")).to_be_visible()
    screenshot(page, "web-phone-page")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_role("button", name="Chat with the TechTrack Assistant").click()  # the page's own button
    expect(page.get_by_role("textbox", name="Your question")).to_be_focused()
    ask(page, "how is the training structured?")
    wait_for_reply_to(page, page.locator(".rw-reply", has_text="All roles").click)
    screenshot(page, "web-phone-long-answer")

    answer = corpus["structure"].answer
    expect_shown(page, as_shown(answer))
    first_line = page.locator(".rw-response").last.get_by_text(answer.splitlines()[0])
    expect(first_line).to_be_in_viewport()
    bubble = page.locator(".rw-response").last.bounding_box()
    assert bubble is not None and bubble["x"] >= 0 and bubble["x"] + bubble["width"] <= PHONE["width"]


def test_a_verdict_on_a_phone_keeps_its_lists_apart_and_says_all_my_life(
    server: ServeConfig, browser: Browser
) -> None:
    page = new_page(browser, PHONE)
    page.goto(f"{server.rasa_url}/chat")
    expect(page.locator(".rw-launcher")).to_be_visible()  # the widget is ready for the page's button
    page.get_by_role("button", name="Chat with the TechTrack Assistant").click()
    expect(page.locator(".rw-messages-container")).to_contain_text("Hello! I'm TechTrack Assistant")
    ask(page, "Am I eligible? I'm 24, British, lived here all my life, interested in software development")
    expect_shown(page, "From what you said, I've noted:")
    for answer in ("no", "no", "no, my degree is in history", "yes, in Leeds"):
        ask(page, answer)
    expect_shown(page, "you meet the TechTrack eligibility criteria")
    screenshot(page, "web-phone-verdict")
    shown = conversation(page)
    assert "Years living in the UK: all my life" in shown
    # Only the bot's words: the page also shows its own address, whose random port may hold "99".
    replies = " ".join(page.locator(".rw-response").all_inner_texts())
    assert not re.search(r"\b99\b", replies), replies
    # The last bullet of a list is its own list item, never run into the next sentence.
    items = page.locator(".rw-response li").all_inner_texts()
    assert any(item.strip() == "Working in England: Yes" for item in items), items
    bubble = page.locator(".rw-response").last.bounding_box()
    assert bubble is not None and bubble["x"] + bubble["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
