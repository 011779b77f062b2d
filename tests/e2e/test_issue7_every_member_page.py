"""Every page a member and the chair of the demo reach by following links from their home
passes axe-core with no WCAG 2.2 A or AA violation and reflows on a screen 320 CSS pixels wide
with no sideways scrolling. The pages are found by a crawl with Django's test client (GET only,
so nothing is changed), then each is opened in Chromium, signed in as the same person."""

from collections import deque

import pytest
from django.test import Client
from django.utils import timezone

from governance.selectors import documents_awaiting
from governance.services import acknowledge_conduct_documents
from partnership.models import User
from tests.e2e.axe import assert_accessible
from tests.governance.test_public_crawl import site_links
from tests.helpers import sign_in_through_form

pytestmark = pytest.mark.e2e

PASSWORD = "partnership-demo-2026"
NOT_FOLLOWED = ("/accounts/", "/admin/", "/api/", "/static/", "/i18n/", "/p/", "/search/", "/subscriptions/")
LIMIT = 120


@pytest.fixture
def codes_acknowledged(demo):
    for user in User.objects.filter(username__in=["member", "chair"]).select_related("person"):
        acknowledge_conduct_documents(
            person=user.person, documents=list(documents_awaiting(user.person, timezone.localdate()))
        )


def member_pages(username: str) -> list[str]:
    """The HTML pages reachable from the person's home, following links on this site."""
    client = Client()
    sign_in_through_form(client, username, PASSWORD)
    seen: dict[str, bool] = {}
    queue = deque(["/home/"])
    while queue and len(seen) < LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path)
        is_page = response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")
        seen[path] = is_page
        if not is_page:
            continue
        for target in site_links(response.content.decode()):
            if not target.startswith(NOT_FOLLOWED) and target not in seen:
                queue.append(target)
    return sorted(path for path, is_page in seen.items() if is_page)


@pytest.mark.parametrize("username", ["member", "chair"])
def test_every_page_a_member_reaches_is_accessible_and_reflows(page, live_server, codes_acknowledged, log_in, username):
    paths = member_pages(username)
    assert len(paths) >= 10, paths
    log_in(username, password=PASSWORD, next_path="/home/")
    page.set_viewport_size({"width": 320, "height": 640})
    for path in paths:
        page.goto(f"{live_server.url}{path}")
        assert_accessible(page)
        width, viewport = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width <= viewport, f"{path} scrolls sideways at 320px: {width} > {viewport}"
