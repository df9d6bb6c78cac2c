"""The demo site's two pages, the careers page (/chat) and the privacy notice (/chat/privacy): each
page's content (web/careers.html, web/privacy.html) inside the layout they share (web/layout.html:
the head, GOV.UK Frontend's header with the service navigation, and the footer)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from string import Template

from bot.paths import ROOT

WEB_DIR = ROOT / "web"
LAYOUT = WEB_DIR / "layout.html"
CAREERS_CONTENT = WEB_DIR / "careers.html"
PRIVACY_CONTENT = WEB_DIR / "privacy.html"
HOME = "/chat"
CAREERS_TITLE = "TechTrack digital apprenticeships – Civil Service Careers (demo)"
CAREERS_SCRIPTS = ("/chat/webchat.js", "/chat/careers.js")
PRIVACY_TITLE = "Privacy notice – TechTrack Assistant (demo)"


def page(content: str, title: str, scripts: Sequence[str] = (), on_home_page: bool = False) -> str:
    """A whole page: `content` (the inside of <main>) in the layout. The navigation's links go to
    the careers page's sections: within the page on it, to /chat from elsewhere."""
    return Template(LAYOUT.read_text(encoding="utf-8")).substitute(
        title=title,
        scripts="".join(f'  <script src="{src}" defer></script>\n' for src in scripts),
        nav_base="" if on_home_page else HOME,
        content=content,
    )


@cache
def careers_page() -> bytes:
    return page(CAREERS_CONTENT.read_text(encoding="utf-8"), CAREERS_TITLE, CAREERS_SCRIPTS,
                on_home_page=True).encode("utf-8")


def privacy_content(values: dict[str, str]) -> str:
    """The privacy notice's content with this server's values ($retention_days, $controller)."""
    return Template(PRIVACY_CONTENT.read_text(encoding="utf-8")).substitute(values)
