"""A partnership's Atom feed (/p/<slug>/feed.atom): its 50 newest publications, newest first,
each with its title, summary, absolute link to its place (anchor and all) and dates; another
partnership's never; an unknown partnership is not found."""

import datetime
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils import timezone

from governance.models_publications import Publication
from tests.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(partnership) -> str:
    return reverse("publications:feed", kwargs={"slug": partnership.slug})


def publish(partnership, n, *, days_ago=0) -> Publication:
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return Publication.objects.create(
        partnership=partnership,
        kind="decision",
        key=f"decision:{partnership.slug}:{n}",
        title=f"Decision {n}: fund the patrols",
        summary=f"Decided under item {n}.",
        text="patrols",
        path=f"/p/{partnership.slug}/meetings/7/#decision-{n}",
        published_at=when,
        updated_at=when + datetime.timedelta(hours=1),
    )


def entries(response):
    root = ElementTree.fromstring(response.content)  # noqa: S314 - the feed this site just made
    return root, root.findall(f"{ATOM}entry")


def test_the_feed_lists_the_newest_publications_with_absolute_anchored_links(client, warwickshire):
    publish(warwickshire, 1, days_ago=3)
    publish(warwickshire, 2, days_ago=1)
    publish(PartnershipFactory(slug="rugby-csp"), 3)

    response = client.get(feed_url(warwickshire))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root, found = entries(response)
    assert root.findtext(f"{ATOM}title") == "Warwickshire Safer Communities Partnership: what is published"
    assert [entry.findtext(f"{ATOM}title") for entry in found] == [
        "Decision 2: fund the patrols",
        "Decision 1: fund the patrols",
    ]
    newest = found[0]
    assert newest.findtext(f"{ATOM}summary") == "Decided under item 2."
    assert newest.find(f"{ATOM}link").get("href") == "http://testserver/p/warwickshire-scp/meetings/7/#decision-2"
    assert newest.findtext(f"{ATOM}updated")
    assert newest.findtext(f"{ATOM}id") == "urn:x-publication:decision:warwickshire-scp:2"


@pytest.mark.parametrize("count", [5, 60])
def test_the_feed_holds_the_fifty_newest_in_fixed_queries(client, warwickshire, count, django_assert_max_num_queries):
    for n in range(count):
        publish(warwickshire, n, days_ago=n)

    with django_assert_max_num_queries(2):
        response = client.get(feed_url(warwickshire))

    _, found = entries(response)
    assert len(found) == min(count, 50)
    assert found[-1].findtext(f"{ATOM}title") == f"Decision {min(count, 50) - 1}: fund the patrols"


def test_an_unknown_partnership_has_no_feed(client, db):
    assert client.get(reverse("publications:feed", kwargs={"slug": "nowhere"})).status_code == 404
