"""The meeting page a member reads is kept for their session (partnership/page_cache.py) and
served again without drawing it, until any record changes or the day turns; it is never anyone
else's page, and a change, a lost seat or a waiting message shows at once.

A page drawn afresh always differs from the last (its CSRF token is masked anew each time), so
"the same bytes" means "served from the cache" below, and "different bytes" "drawn afresh"."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from meetings.models import AgendaItem
from partnership import page_cache
from partnership.models import Member
from partnership.services.members import update_member
from tests.factories import MemberFactory, NominatingBodyFactory, PersonFactory, UserFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def today(time_machine):
    """Late May 2027: the June meeting is ahead."""
    time_machine.move_to(datetime.datetime(2027, 5, 20, 10, tzinfo=LONDON), tick=False)


def url(meeting, name="meeting", **kwargs):
    return reverse(f"meetings:{name}", kwargs={"slug": meeting.partnership.slug, "pk": meeting.pk, **kwargs})


def reader(user) -> Client:
    """A browser signed in as `user` that has read the page once, so it holds a CSRF cookie
    (the first page sets it, and a page that sets a cookie is not kept)."""
    return signed_in(Client(), user)


def kept_page(client, meeting):
    """Reads the page until it is kept; returns the kept page's HTML."""
    client.get(url(meeting))
    return client.get(url(meeting)).text


def test_a_members_next_reading_is_served_without_drawing_it(meeting, member, django_assert_max_num_queries):
    client = reader(member)
    kept = kept_page(client, meeting)
    with django_assert_max_num_queries(2):  # the session and the user: what signing in costs
        again = client.get(url(meeting))
    assert again.status_code == 200
    assert again.text == kept
    assert "Board meeting" in kept


def test_a_change_through_the_secretariats_form_shows_at_once(meeting, member, secretariat):
    client = reader(member)
    assert "Strategic assessment" not in kept_page(client, meeting)
    item = meeting.agenda_items.order_by("position").last()
    edit = url(meeting, "item-edit", item_pk=item.pk)
    changed = signed_in(Client(), secretariat).post(
        edit, {"title": "Strategic assessment", "purpose": "decision", "presenter": "", "leading_partners": ""}
    )
    assert changed.status_code == 302
    assert "Strategic assessment" in client.get(url(meeting)).text


def test_a_change_written_behind_the_models_back_shows_at_once(meeting, member):
    client = reader(member)
    kept_page(client, meeting)
    AgendaItem.objects.filter(meeting=meeting).update(title="Renamed by a queryset update")
    assert "Renamed by a queryset update" in client.get(url(meeting)).text


def test_a_member_whose_seat_ends_is_refused_at_once(meeting, member, secretariat):
    client = reader(member)
    kept_page(client, meeting)
    update_member(member=Member.objects.get(person__user=member), active=False, by=secretariat)
    assert client.get(url(meeting)).status_code == 404


def test_a_member_whose_seat_is_removed_is_refused_at_once(meeting, member):
    client = reader(member)
    kept_page(client, meeting)
    Member.objects.filter(person__user=member).delete()
    assert client.get(url(meeting)).status_code == 404


def test_staff_whose_rights_are_taken_away_are_refused_at_once(meeting, staff):
    client = reader(staff)
    kept_page(client, meeting)
    staff.is_staff = staff.is_superuser = False
    staff.save()
    assert client.get(url(meeting)).status_code == 404


def test_an_account_made_inactive_is_signed_out_at_once(meeting, member):
    client = reader(member)
    kept_page(client, meeting)
    member.is_active = False
    member.save()
    response = client.get(url(meeting))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_second_factor_required_since_is_asked_for_before_the_kept_page(meeting, secretariat, settings):
    client = reader(secretariat)
    kept_page(client, meeting)
    settings.TWO_FACTOR_REQUIRED = True
    response = client.get(url(meeting))
    assert response.status_code == 302
    assert "two-factor" in response.url


def test_another_language_is_another_page(meeting, member, settings):
    settings.WELSH_LANGUAGE = True
    settings.LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
    client = reader(member)
    kept = kept_page(client, meeting)
    assert 'lang="en-GB"' in kept
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    assert 'lang="cy"' in client.get(url(meeting)).text


def test_another_host_is_another_page(meeting, member, settings):
    settings.ALLOWED_HOSTS = ["testserver", "governance.example.org"]
    client = reader(member)
    kept = kept_page(client, meeting)
    assert client.get(url(meeting), HTTP_HOST="governance.example.org").text != kept


def test_a_page_drawn_while_the_readers_rights_changed_is_not_kept(meeting, staff, monkeypatch):
    """The account is loaded before the version is read: rights taken away in between must not
    leave a page drawn with the old ones under the new version."""
    client = reader(staff)
    client.get(url(meeting))  # the CSRF cookie
    monkeypatch.setattr(page_cache, "account_as_loaded", lambda user: False)
    drawn = client.get(url(meeting)).text
    assert client.get(url(meeting)).text != drawn


def test_each_member_reads_a_page_of_their_own(meeting, member, warwickshire):
    first = reader(member)
    kept_page(first, meeting)
    other_user = UserFactory(username="olu.other")
    fire = NominatingBodyFactory(partnership=warwickshire, name="Warwickshire Fire and Rescue Service")
    MemberFactory(nominating_body=fire, person=PersonFactory(name="Olu Other", user=other_user))
    second = reader(other_user)
    html = kept_page(second, meeting)
    assert "olu.other" in html
    assert "mo.member" not in html


def test_the_csrf_token_in_a_kept_page_is_the_readers_own(meeting, member):
    client = reader(member)
    client.handler.enforce_csrf_checks = True
    kept = kept_page(client, meeting)
    assert client.get(url(meeting)).text == kept
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', kept).group(1)
    signed_out = client.post(reverse("logout"), {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302
    assert client.get(url(meeting)).status_code == 302  # to sign in: the session is over


def test_a_waiting_message_is_shown_once_and_never_kept(meeting, chair):
    client = reader(chair)
    kept = kept_page(client, meeting)
    agreed = client.post(url(meeting, "agenda-agree"), follow=True)
    assert "Agenda agreed" in agreed.text
    assert agreed.text != kept
    assert "Agenda agreed" not in client.get(url(meeting)).text


def test_the_day_turning_draws_the_page_afresh(meeting, member, time_machine):
    client = reader(member)
    kept = kept_page(client, meeting)
    time_machine.move_to(datetime.datetime(2027, 5, 21, 10, tzinfo=LONDON), tick=False)
    assert client.get(url(meeting)).text != kept


def test_a_new_session_does_not_read_the_last_ones_page(meeting, member):
    client = reader(member)
    kept = kept_page(client, meeting)
    before = client.session.session_key
    client.logout()
    signed_in(client, member)  # signed in again: a new session
    assert client.session.session_key != before, "not a new session"
    assert client.get(url(meeting)).text != kept


def test_another_address_is_another_page(meeting, member):
    client = reader(member)
    kept = kept_page(client, meeting)
    assert client.get(url(meeting) + "?from=email").text != kept


class UnreachableCache:
    def get_many(self, *args, **kwargs):
        raise ConnectionError("Redis is restarting")

    get = set = add = get_many


def test_an_unreachable_cache_draws_the_page(meeting, member, monkeypatch):
    client = reader(member)
    kept = kept_page(client, meeting)
    monkeypatch.setattr(page_cache, "cache", UnreachableCache())
    from partnership import records_version

    monkeypatch.setattr(records_version, "cache", UnreachableCache())
    response = client.get(url(meeting))
    assert response.status_code == 200
    assert response.text != kept
    assert "Board meeting" in response.text


def test_a_kept_page_is_stored_for_minutes_not_for_ever(meeting, member):
    client = reader(member)
    kept_page(client, meeting)
    keys = [key for key in cache._cache if "session-page" in key]  # the test's own memory cache
    assert len(keys) == 1
    assert 0 < cache._expire_info[keys[0]] - __import__("time").time() <= page_cache.CACHE_SECONDS


def test_the_secretariats_buttons_are_kept_with_a_working_token(meeting, secretariat):
    client = reader(secretariat)
    client.handler.enforce_csrf_checks = True
    kept = kept_page(client, meeting)
    assert client.get(url(meeting)).text == kept
    item = meeting.agenda_items.order_by("position").last()
    form = re.search(
        r'action="'
        + re.escape(url(meeting, "item-move", item_pk=item.pk))
        + r'".*?name="csrfmiddlewaretoken" value="([^"]+)"',
        kept,
        re.S,
    )
    moved = client.post(
        url(meeting, "item-move", item_pk=item.pk), {"csrfmiddlewaretoken": form.group(1), "direction": "up"}
    )
    assert moved.status_code == 302
