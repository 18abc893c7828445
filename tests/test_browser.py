"""The dashboard in a real browser: headless Chromium (Debian's) driven by Playwright.

A user opens the overview, filters the claims by Seoul, opens one, copies its link,
opens that link in a fresh browser and lands on the same claim, then follows it to the
article, where the claim is highlighted. Screenshots go to tests/screenshots/.
This test never skips: without Chromium it fails and says how to install it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from app.web import create_app
from tests.servers import chromium, serving

SCREENSHOTS = Path(__file__).parent / "screenshots"
CONSOLE: dict[int, list[str]] = {}  # console messages of each open page
WIDTHS = (390, 1280)


@pytest.fixture(scope="module")
def base_url(loaded_db: str) -> Iterator[str]:
    """The app served by a real uvicorn server on a free localhost port."""
    with serving(create_app(loaded_db)) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as launched:
        yield launched


def new_page(browser: Browser, width: int = 1280, clipboard: bool = False) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900})
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    messages = CONSOLE.setdefault(id(page), [])
    page.on("console", lambda message: messages.append(message.text))
    return page


def close(page: Page) -> None:
    """Close a page's context, failing if the browser reported a policy violation."""
    blocked = [m for m in CONSOLE.pop(id(page), []) if "Content Security Policy" in m]
    page.context.close()
    assert not blocked, blocked


def test_filter_open_copy_share_and_find_the_claim_in_the_article(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser, clipboard=True)
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Who claims what")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Claims").click()
    page.get_by_label("Source name").fill("Seoul")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(base_url + "/claims?source=seoul")
    cards = page.locator(".claim-list .claim-card")
    assert cards.count() > 0
    for index in range(cards.count()):
        sources = cards.nth(index).locator(".sources a").all_inner_texts()
        assert "Seoul" in sources, sources

    first = cards.first.locator("h3 a")
    assertion = first.inner_text()
    first.click()
    expect(page.locator("h1.assertion")).to_have_text(assertion)
    claim_url = page.url
    claim_id = claim_url.rsplit("/", 1)[1]

    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".copy-status")).to_have_text("Link copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == claim_url

    colleague = new_page(browser)
    colleague.goto(copied)
    expect(colleague.locator("h1.assertion")).to_have_text(assertion)
    assert colleague.url == claim_url
    close(colleague)

    page.get_by_role("link", name="See it in the article").click()
    assert page.url.endswith(f"#claim-{claim_id}")
    target = page.locator(":target")
    expect(target).to_have_attribute("id", f"claim-{claim_id}")
    expect(target).to_be_in_viewport()
    highlighted = target.evaluate("element => getComputedStyle(element).outlineStyle")
    assert highlighted == "solid"
    other = page.locator("mark.claim-mark[id]:not(:target)").first
    assert other.evaluate("element => getComputedStyle(element).outlineStyle") == "none"
    close(page)


def test_copy_link_selects_the_url_where_the_clipboard_is_not_allowed(
    browser: Browser, base_url: str
) -> None:
    page = new_page(browser)
    page.goto(base_url + "/claims?source=nato")
    page.locator(".claim-list .claim-card h3 a").first.click()
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".copy-status")).to_contain_text("Link selected")
    selected = page.evaluate("window.getSelection().toString() || document.activeElement.value")
    assert selected == page.url
    close(page)


def test_api_docs_work_under_the_content_security_policy(browser: Browser, base_url: str) -> None:
    page = new_page(browser)
    page.goto(base_url + "/docs")
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible(timeout=15_000)
    expect(page.locator(".swagger-ui")).to_contain_text("/api/claims")
    close(page)


def test_screenshots_at_phone_and_desktop_widths(browser: Browser, base_url: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        page = new_page(browser, width)
        page.goto(base_url + "/claims?source=nato")
        claim_path = page.locator(".claim-list .claim-card h3 a").first.get_attribute("href")
        assert claim_path
        for name, path in (
            ("overview", "/"),
            ("nato", "/claims?source=nato"),
            ("claim", claim_path),
        ):
            page.goto(base_url + path)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{path} is wider than the {width} px screen ({scroll} px)"
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
        close(page)
    assert len(list(SCREENSHOTS.glob("*.png"))) >= 6
