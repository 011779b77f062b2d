"""The public meeting page is served from the cache to anonymous visitors, and a change the
public may see (an item made confidential, minutes published) shows at once."""

from django.test import Client

from meetings import public_cache, services
from tests.helpers import signed_in
from tests.meetings.test_public_site_support import *  # noqa: F403
from tests.meetings.test_public_site_support import OPEN_TITLE, public_url


def test_a_second_visit_is_served_from_the_cache_without_a_query(client, published, django_assert_num_queries):
    meeting, _, _ = published
    first = client.get(public_url(meeting))
    with django_assert_num_queries(0):
        second = client.get(public_url(meeting))
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_an_item_made_confidential_through_the_service_is_gone_at_once(
    client, published, secretariat, django_capture_on_commit_callbacks
):
    meeting, _, _ = published
    assert OPEN_TITLE in client.get(public_url(meeting)).text
    item = meeting.agenda_items.get(title=OPEN_TITLE)
    with django_capture_on_commit_callbacks(execute=True):
        services.update_agenda_item(item=item, is_confidential=True, confidential_reason="personal")
    html = client.get(public_url(meeting)).text
    assert OPEN_TITLE not in html


def test_without_the_announcement_the_old_page_is_still_served(client, published, secretariat):
    """What the signal is for: the stored page stays until the meeting's version changes."""
    meeting, _, _ = published
    client.get(public_url(meeting))
    meeting.agenda_items.filter(title=OPEN_TITLE).update(title="Renamed behind the cache's back")
    assert OPEN_TITLE in client.get(public_url(meeting)).text
    public_cache.new_version(meeting.pk)
    assert "Renamed behind the cache&#x27;s back" in client.get(public_url(meeting)).text


def test_a_signed_in_visitor_is_never_served_the_stored_page(published, member):
    meeting, _, _ = published
    Client().get(public_url(meeting))
    html = signed_in(Client(), member).get(public_url(meeting)).text
    assert "Sign out" in html


def test_a_signed_in_visitors_page_is_not_stored_for_others(published, member):
    meeting, _, _ = published
    signed_in(Client(), member).get(public_url(meeting))
    anonymous = Client()
    html = anonymous.get(public_url(meeting)).text
    assert "Sign out" not in html


def test_a_page_with_a_csrf_token_is_not_stored(published, settings):
    """With Welsh offered, the footer's language switch is a form with a CSRF token, which is one
    visitor's: such a page is rendered for each visitor."""
    settings.WELSH_LANGUAGE = True
    settings.LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
    meeting, _, _ = published
    first = Client().get(public_url(meeting))
    assert "csrfmiddlewaretoken" in first.text
    second = Client().get(public_url(meeting))
    assert second.text != first.text  # a token of its own


def test_the_same_meeting_under_another_partnerships_address_is_not_found(client, published, other_partnership):
    meeting, _, _ = published
    client.get(public_url(meeting))
    assert client.get(f"/p/{other_partnership.slug}/meetings/{meeting.pk}/").status_code == 404


def test_minutes_published_give_the_meeting_a_new_page(client, published):
    from meetings.models import Meeting
    from meetings.signals import minutes_published

    meeting, _, _ = published
    client.get(public_url(meeting))
    meeting.agenda_items.filter(title=OPEN_TITLE).update(title="Heard at the meeting")
    minutes_published.send(sender=Meeting, meeting_id=meeting.pk)
    assert "Heard at the meeting" in client.get(public_url(meeting)).text


def test_the_public_minutes_pdf_is_drawn_once_per_version(client, published, monkeypatch):
    """Drawing it takes seconds: the public's copy, the same for everyone, is drawn once."""
    from meetings import views_public
    from meetings.models import Meeting
    from meetings.signals import minutes_published
    from tests.meetings.test_public_site_support import snapshot

    meeting, _, _ = published
    snapshot(meeting, [])
    drawn = []
    monkeypatch.setattr(views_public, "render_minutes_pdf", lambda pdf: drawn.append(pdf) or b"%PDF-1.7 minutes")
    url = public_url(meeting, "minutes-pdf")
    assert client.get(url).content == b"%PDF-1.7 minutes"
    assert client.get(url).content == b"%PDF-1.7 minutes"
    assert len(drawn) == 1
    minutes_published.send(sender=Meeting, meeting_id=meeting.pk)
    client.get(url)
    assert len(drawn) == 2


def test_with_the_cache_unreachable_the_page_is_rendered_afresh(client, published):
    """Redis restarting must not take the public meeting page (or a change to it) down."""
    from django.test import override_settings

    meeting, _, _ = published
    nowhere = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    with override_settings(CACHES=nowhere):
        response = client.get(public_url(meeting))
        public_cache.new_version(meeting.pk)  # what a publication does: logged, not raised
    assert response.status_code == 200
    assert OPEN_TITLE in response.text
