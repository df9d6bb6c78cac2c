"""The demo site's pages: each page's content inside the one layout they share."""

from __future__ import annotations

from bot.privacy import PrivacySettings, privacy_page
from bot.web_pages import careers_page


def header_and_footer(page: str) -> tuple[str, str]:
    head_end = page.index('<a href="#main-content" class="govuk-skip-link"')
    return page[head_end:page.index("<main")], page[page.index("</main>"):]


def test_both_pages_have_the_same_header_and_footer_around_their_own_content() -> None:
    careers = careers_page().decode("utf-8")
    privacy = privacy_page(PrivacySettings.from_env())
    careers_header, careers_footer = header_and_footer(careers)
    privacy_header, privacy_footer = header_and_footer(privacy)
    assert careers_footer == privacy_footer
    assert 'href="/chat/privacy">Privacy notice</a>' in careers_footer
    # the navigation goes to the careers page's sections: in the page there, to /chat from elsewhere
    for section in ("roles", "apply", "ask"):
        careers_header = careers_header.replace(f'href="#{section}"', f'href="/chat#{section}"')
    assert careers_header == privacy_header
    assert "<h1 class=\"govuk-heading-xl\">TechTrack: Level 4 digital apprenticeships</h1>" in careers
    assert "<h1 class=\"govuk-heading-xl\">Privacy notice: TechTrack Assistant</h1>" in privacy


def test_only_the_careers_page_loads_the_chat_and_each_has_its_title() -> None:
    careers = careers_page().decode("utf-8")
    privacy = privacy_page(PrivacySettings.from_env())
    assert '<script src="/chat/webchat.js" defer></script>' in careers
    assert "webchat.js" not in privacy
    assert "<title>TechTrack digital apprenticeships – Civil Service Careers (demo)</title>" in careers
    assert "<title>Privacy notice – TechTrack Assistant (demo)</title>" in privacy
    assert "$" not in careers and "$" not in privacy  # every placeholder filled in
