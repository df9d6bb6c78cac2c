"""Accessibility of the demo careers page and the chat widget, checked with axe-core in a real browser
(Debian's Chromium, driven by Playwright), on the page the running bot serves; and the page's GOV.UK
Frontend layout, with screenshots in reports/screenshots/.

axe-core is pinned in web/package.json (a development dependency, installed by `make setup`'s
`npm ci`; never from a CDN). The page's Content-Security-Policy lets only its own files run, so the
test does not add a <script> to the page: it hands axe's source to the browser through Playwright's
evaluate (the DevTools protocol, which the page's CSP does not govern). The page is checked as a
visitor gets it, CSP and all.

The rules: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. Each check lists every
violation it finds (rule, impact, the offending elements' selectors), on the page, in the open chat
after a question, with an FAQ answer's role buttons and after picking one, and on an eligibility
verdict, at desktop and phone widths.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Response, expect

from bot.channels.web import CONTENT_SECURITY_POLICY
from bot.corpus import FaqEntry
from bot.dev.serve import ServeConfig
from bot.paths import ROOT
from tests.helpers.browser import (
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    as_shown,
    ask,
    chromium,
    expect_shown,
    new_page,
    wait_for_reply_to,
)
from tests.helpers.channel_fakes import ChannelBot

AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """tags => axe.run(document, {
  runOnly: {type: 'tag', values: tags},
  resultTypes: ['violations'],
}).then(results => results.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.map(n => n.target.map(t => [].concat(t).join(' >>> ')).join(' '))
})))"""
# True once nothing on the page is still moving (looping animations, such as a typing indicator,
# never finish and are left out): axe measures colours and positions as they are at that moment.
SETTLED = """() => document.getAnimations().every(a =>
  a.playState !== 'running' || a.effect === null || a.effect.getTiming().iterations === Infinity)"""
VIEWPORTS = [pytest.param(DESKTOP, id="desktop"), pytest.param(PHONE, id="phone")]
ELIGIBILITY_QUESTION = (
    "Am I eligible? I'm 24, British, lived here all my life, interested in software development"
)
ELIGIBILITY_ANSWERS = ("no", "no", "no, my degree is in history", "yes, in Leeds")


@pytest.fixture(scope="module")
def server(channel_bot: ChannelBot) -> ServeConfig:
    """The session's running bot (tests/helpers/plugin.py), shared by the modules that only talk to it."""
    return channel_bot.config


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert AXE.exists(), f"axe-core is missing ({AXE}): run scripts/setup-web.sh"
    with chromium() as launched:
        yield launched


def settle(page: Page) -> None:
    page.wait_for_function(SETTLED, polling=100)


def audit(page: Page, state: str) -> list[str]:
    """axe's violations on the page as it is now, one line each: where, rule, impact, elements."""
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(AXE.read_text(encoding="utf-8"))
    settle(page)
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE, AXE_TAGS)
    return [
        f"{state}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
        for v in violations
    ]


def fail_on(found: list[str], viewport: dict[str, int]) -> None:
    if found:
        pytest.fail(f"axe found {len(found)} violation(s) at {viewport['width']}x{viewport['height']}:\n"
                    + "\n".join(found), pytrace=False)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violations_on_the_page_in_the_chat_and_on_an_faq_answer_with_buttons(
    server: ServeConfig, browser: Browser, corpus: dict[str, FaqEntry], viewport: dict[str, int]
) -> None:
    page = new_page(browser, viewport)
    page.goto(f"{server.rasa_url}/chat")
    expect(page.locator(".rw-launcher")).to_be_visible()
    found = audit(page, "the careers page")

    page.locator(".rw-launcher").click()
    expect(page.locator(".rw-messages-container")).to_contain_text("Hello! I'm TechTrack Assistant")
    ask(page, "how long is the apprenticeship?")
    expect(page.locator(".rw-messages-container")).to_contain_text("Which role are you asking about?")
    expect(page.locator(".rw-reply", has_text="Software Developer")).to_be_visible()
    found += audit(page, "the open chat after a question, with the role buttons")

    wait_for_reply_to(page, page.locator(".rw-reply", has_text="Software Developer").click)
    expect_shown(page, as_shown(corpus["duration"].answers["software_developer"]))
    found += audit(page, "an FAQ answer after picking a role")
    fail_on(found, viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_no_axe_violations_on_an_eligibility_verdict(
    server: ServeConfig, browser: Browser, viewport: dict[str, int]
) -> None:
    page = new_page(browser, viewport)
    page.goto(f"{server.rasa_url}/chat")
    expect(page.locator(".rw-launcher")).to_be_visible()  # the widget is ready for the page's button
    page.get_by_role("button", name="Chat with the TechTrack Assistant").click()
    expect(page.get_by_role("textbox", name="Your question")).to_be_focused()
    # The greeting first, so that waiting for the reply to the question waits for that reply.
    expect(page.locator(".rw-messages-container")).to_contain_text("Hello! I'm TechTrack Assistant")
    ask(page, ELIGIBILITY_QUESTION)
    expect_shown(page, "From what you said, I've noted:")
    for answer in ELIGIBILITY_ANSWERS:
        ask(page, answer)
    expect_shown(page, "you meet the TechTrack eligibility criteria")
    fail_on(audit(page, "an eligibility verdict"), viewport)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_page_is_built_with_govuk_frontend_served_by_the_bot(
    server: ServeConfig, browser: Browser, viewport: dict[str, int]
) -> None:
    page = new_page(browser, viewport)
    failed: list[str] = []

    def check(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{response.status} {response.url}")

    page.on("response", check)
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    page.on("console", lambda message: failed.append(message.text) if message.type == "error" else None)
    response = page.goto(f"{server.rasa_url}/chat")
    assert response is not None and response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    expect(page.locator(".rw-launcher")).to_be_visible()

    # GOV.UK Frontend's styles and script are the bot's own copies, and they work.
    for name in ("govuk-frontend.css", "govuk-frontend.js"):
        served = page.request.get(f"{server.rasa_url}/chat/{name}")
        assert served.ok, f"/chat/{name} is not served ({served.status}): see bot/channels/web.py FILES"
    expect(page.locator("body")).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))
    expect(page.locator(".govuk-generic-header")).to_have_css("background-color", "rgb(11, 12, 12)")
    expect(page.locator(".govuk-phase-banner")).to_contain_text(
        "Demo: This is not the real Civil Service Careers site"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("TechTrack: Level 4 digital apprenticeships")
    expect(page.get_by_role("contentinfo")).to_contain_text("Not an official government website")
    # Not on GOV.UK, so no crown and no GDS Transport (GOV.UK only): Arial, as GOV.UK Frontend falls
    # back to.
    assert page.locator(".govuk-header, .govuk-footer__crown, .govuk-logo-dot").count() == 0
    family = page.locator("h1").evaluate("e => getComputedStyle(e).fontFamily")
    assert "GDS Transport" not in family and "arial" in family.lower(), family
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    settle(page)
    name = "govuk-page-desktop" if viewport == DESKTOP else "govuk-page-phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, animations="disabled")
    assert failed == [], failed



@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_chat_opens_with_the_privacy_notice_and_its_page_passes_axe(
    server: ServeConfig, browser: Browser, viewport: dict[str, int]
) -> None:
    page = new_page(browser, viewport)
    page.goto(f"{server.rasa_url}/chat")
    page.locator(".rw-launcher").click()
    messages = page.locator(".rw-messages-container")
    expect(messages).to_contain_text("Hello! I'm TechTrack Assistant")
    expect(messages).to_contain_text("Before we start: this chat keeps what you type for 90 days")
    notice_first = messages.inner_text().index("Before we start")
    assert notice_first < messages.inner_text().index("Hello! I'm TechTrack Assistant")
    link = messages.get_by_role("link", name=f"{server.rasa_url}/chat/privacy")
    expect(link).to_have_attribute("href", f"{server.rasa_url}/chat/privacy")

    response = page.goto(f"{server.rasa_url}/chat/privacy")
    assert response is not None and response.ok
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy notice: TechTrack Assistant")
    expect(page.locator("main")).to_contain_text("deleted once it is 90 days old")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    found = audit(page, "the privacy page")
    settle(page)
    name = "privacy-page-desktop" if viewport == DESKTOP else "privacy-page-phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True, animations="disabled")
    fail_on(found, viewport)
