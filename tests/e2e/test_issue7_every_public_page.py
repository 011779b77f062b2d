"""Every public page of the demo, as an anonymous visitor reaches it by following links from the
site's home (the same crawl as tests/governance/test_public_crawl.py), passes axe-core with no
WCAG 2.2 A or AA violation and reflows on a screen 320 CSS pixels wide with no sideways
scrolling."""

import pytest
from django.test import Client

from tests.e2e.axe import assert_accessible
from tests.governance.test_public_crawl import crawl

pytestmark = pytest.mark.e2e


@pytest.fixture
def public_pages(demo):
    found = crawl(Client())
    return sorted(path for path, body in found.items() if body.lstrip().lower().startswith("<!doctype html"))


def test_every_public_page_is_accessible_and_reflows_at_320_pixels(page, live_server, public_pages):
    assert len(public_pages) >= 20, public_pages
    page.set_viewport_size({"width": 320, "height": 640})
    for path in public_pages:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
        width, viewport = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport, f"{path} scrolls sideways at 320px: {width} > {viewport}"
