"""Refusals and missing pages are explained in the site's own pages."""

from django.test import override_settings
from django.urls import reverse


def test_a_member_refused_a_change_is_told_why(client, member, warwickshire):
    client.force_login(member)
    response = client.get(reverse("partnership:body-add", kwargs={"slug": warwickshire.slug}))
    assert response.status_code == 403
    html = response.content.decode()
    assert "You cannot do this" in html
    assert "Only the partnership&#x27;s secretariat can change its register." in html


@override_settings(DEBUG=False)
def test_a_missing_page_says_so(client, db):
    response = client.get("/p/no-such-partnership/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
