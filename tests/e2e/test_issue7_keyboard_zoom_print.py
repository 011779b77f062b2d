"""Every page's layout works for a keyboard user, at 320 CSS pixels (a phone, or 1280 pixels at
400% zoom) and on paper: the public home, a public partnership page, a member's register and
the sign-in page."""

import pytest
from playwright.sync_api import expect

from tests.e2e.axe import assert_accessible

pytestmark = pytest.mark.e2e

PUBLIC_PAGES = ["/", "/p/warwickshire-scp/", "/accounts/login/"]
MEMBER_PAGE = "/partnerships/warwickshire-scp/"

# The focus styles of the element in front of the keyboard, to compare with the same element
# once it has lost focus.
FOCUS_STYLE = """el => {
  const s = getComputedStyle(el);
  return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor].join("|");
}"""

# Every link and button of the navigation bars a user can see, in the order of the page.
NAVIGATION_CONTROLS = """() => Array.from(
  document.querySelectorAll(".govuk-service-navigation a, .govuk-service-navigation button")
).filter(el => el.getClientRects().length > 0).map(el => el.outerHTML)"""


@pytest.fixture
def pages(page, live_server, log_in, warwickshire, chair, member):
    """Yields each page in turn, the member's page last, once signed in."""

    def visit():
        for path in PUBLIC_PAGES:
            page.goto(f"{live_server.url}{path}")
            yield path
        log_in("mo.member", next_path=MEMBER_PAGE)
        expect(page).to_have_url(f"{live_server.url}{MEMBER_PAGE}")
        yield MEMBER_PAGE

    return visit


def assert_landmarks(page):
    """One banner, one main and one contentinfo; every navigation bar named."""
    assert page.get_by_role("banner").count() == 1
    assert page.get_by_role("main").count() == 1
    assert page.get_by_role("contentinfo").count() == 1
    unnamed = page.evaluate(
        "() => Array.from(document.querySelectorAll('nav')).filter(n => !n.getAttribute('aria-label')).length"
    )
    assert unnamed == 0


def test_keyboard_skip_link_navigation_order_and_visible_focus(page, pages):
    for path in pages():
        page.wait_for_load_state("load")
        assert_landmarks(page)
        assert_accessible(page)

        page.keyboard.press("Tab")
        skip_link = page.get_by_role("link", name="Skip to main content")
        expect(skip_link).to_be_focused()
        expect(skip_link).to_be_visible()
        page.keyboard.press("Enter")
        expect(page.get_by_role("main")).to_be_focused()

        # From the top of the page, Tab reaches each navigation control, in the page's order,
        # and each shows a focus indicator it does not have unfocused.
        controls = page.evaluate(NAVIGATION_CONTROLS)
        assert controls, path
        page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")
        page.reload()
        page.wait_for_load_state("load")
        reached, focused_styles = [], []
        for _ in range(len(controls) + 10):
            page.keyboard.press("Tab")
            html = page.evaluate("() => document.activeElement.outerHTML")
            if html in controls:
                reached.append(html)
                focused_styles.append(page.evaluate(f"() => ({FOCUS_STYLE})(document.activeElement)"))
                page.evaluate("() => { (window.__reached = window.__reached || []).push(document.activeElement); }")
            if len(reached) == len(controls):
                break
        assert reached == controls, path
        page.evaluate("() => document.activeElement.blur()")
        unfocused_styles = page.evaluate(f"() => window.__reached.map({FOCUS_STYLE})")
        for control, focused, unfocused in zip(controls, focused_styles, unfocused_styles, strict=True):
            assert focused != unfocused, f"No visible focus on {control} at {path}"


def test_table_wrappers_scroll_by_keyboard_and_are_named(page, pages):
    for path in pages():
        page.wait_for_load_state("load")
        wrappers = page.locator(".app-table-wrapper")
        for index in range(wrappers.count()):
            wrapper = wrappers.nth(index)
            expect(wrapper).to_have_attribute("tabindex", "0")
            expect(wrapper).to_have_attribute("role", "region")
            assert wrapper.get_attribute("aria-label"), path
            wrapper.focus()
            focused = page.evaluate(f"() => ({FOCUS_STYLE})(document.activeElement)")
            page.evaluate("() => document.activeElement.blur()")
            assert focused != page.evaluate(f"el => ({FOCUS_STYLE})(el)", wrapper.element_handle()), path


def assert_no_sideways_scrolling(page, path):
    page.wait_for_load_state("load")
    fits = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert fits[0] <= fits[1], f"{path} scrolls sideways: {fits[0]}px of content in {fits[1]}px"


def test_pages_reflow_at_320_css_pixels(page, pages):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in pages():
        assert_no_sideways_scrolling(page, path)
        expect(page.get_by_role("main")).to_be_visible()
        assert_accessible(page)


def test_pages_reflow_at_400_percent_zoom(browser, page, live_server, log_in, warwickshire, chair, member):
    """1280 by 1024 pixels at 400% zoom is a viewport 320 CSS pixels wide at 4 device pixels
    to each: the session signed in on `page` is carried over."""
    log_in("mo.member", next_path=MEMBER_PAGE)
    expect(page).to_have_url(f"{live_server.url}{MEMBER_PAGE}")
    zoomed = browser.new_context(
        viewport={"width": 320, "height": 256}, device_scale_factor=4, storage_state=page.context.storage_state()
    )
    try:
        zoomed_page = zoomed.new_page()
        for path in [*PUBLIC_PAGES, MEMBER_PAGE]:
            zoomed_page.goto(f"{live_server.url}{path}")
            assert zoomed_page.evaluate("() => window.devicePixelRatio") == 4
            assert_no_sideways_scrolling(zoomed_page, path)
    finally:
        zoomed.close()


def test_pages_print_their_content_alone(page, pages):
    for path in pages():
        page.wait_for_load_state("load")
        page.emulate_media(media="print")
        expect(page.get_by_role("main")).to_be_visible()
        for hidden in [".govuk-skip-link", ".app-header", ".govuk-service-navigation", ".govuk-footer"]:
            for index in range(page.locator(hidden).count()):
                expect(page.locator(hidden).nth(index)).to_be_hidden()
        for index in range(page.locator("main .govuk-button").count()):
            expect(page.locator("main .govuk-button").nth(index)).to_be_hidden()
        colours = [
            page.locator("body").evaluate("el => getComputedStyle(el).backgroundColor"),
            page.locator("h1").evaluate("el => getComputedStyle(el).color"),
        ]
        assert colours == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"], path
        # Where each link of the content goes is printed after it.
        for link in page.locator("main a[href^='/']").all():
            assert link.evaluate("el => getComputedStyle(el, '::after').content").startswith('" ('), path
        assert page.pdf(format="A4").startswith(b"%PDF"), path
        page.emulate_media(media="screen")


# WCAG 1.4.12: the spacing a reader may set for themselves.
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""

# Elements that hide what overflows them and have more text than room (visually hidden text,
# the skip link until focused included, is clipped on purpose and left out).
CLIPPED = """() => Array.from(document.body.querySelectorAll("*")).filter(el => {
  if (el.closest(".govuk-visually-hidden, [hidden]")) return false;
  const s = getComputedStyle(el);
  if (s.clipPath !== "none" || (s.clip && s.clip !== "auto")) return false;
  const hides = ["hidden", "clip"].includes(s.overflowX) || ["hidden", "clip"].includes(s.overflowY);
  return hides && el.clientHeight > 0 && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
}).map(el => el.outerHTML.slice(0, 120))"""


def test_text_spacing_clips_nothing(page, pages):
    for path in pages():
        page.wait_for_load_state("load")
        # A constructed stylesheet, as a reader's own style: the Content-Security-Policy refuses a <style> tag.
        page.evaluate(
            "css => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
            " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
            TEXT_SPACING,
        )
        assert page.evaluate(CLIPPED) == [], path
        assert_no_sideways_scrolling(page, path)
