"""The history of every change to a partnership's register."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnership import services
from partnership.models import Member, NominatingBody
from tests.factories import MemberFactory, NominatingBodyFactory, SubstituteFactory, TermsOfReferenceFactory


def history_url(partnership, page=None):
    url = reverse("partnership:history", kwargs={"slug": partnership.slug})
    return f"{url}?page={page}" if page else url


def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire):
    response = client.get(history_url(warwickshire))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403), ("secretariat", 200), ("staff", 200)]
)
def test_who_may_read_the_history(client, request, warwickshire, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(history_url(warwickshire)).status_code == status


def test_a_change_made_on_a_page_says_who_what_and_how(client, secretariat, cdrp_chairs):
    client.force_login(secretariat)
    edit = reverse("partnership:body-edit", kwargs={"slug": "warwickshire-scp", "pk": cdrp_chairs.pk})
    client.post(edit, {"name": "CDRP chairs", "seats": "6", "is_responsible_authority": "on"})
    response = client.get(history_url(cdrp_chairs.partnership))
    newest = response.context["entries"][0]
    assert newest.who == "sam.secretariat"
    assert newest.record == "Nominating body: CDRP chairs"
    assert newest.kind == "Changed"
    assert [(c.field, c.old, c.new) for c in newest.changes] == [
        ("Name", "The Chair of each CDRP strategy group", "CDRP chairs"),
        ("Seats", "5", "6"),
        ("Is responsible authority", "No", "Yes"),
    ]
    assert "Seats: from 5 to 6" in response.text


def test_history_is_newest_first_and_covers_every_kind_of_record(client, secretariat, member, chair, warwickshire):
    mo = Member.objects.get(person__user=member)
    SubstituteFactory(member=mo, name="Sue Stand-in")
    TermsOfReferenceFactory(partnership=warwickshire, version="2026")
    services.give_withdrawal_notice(nominating_body=mo.nominating_body, given_on=datetime.date(2026, 1, 5))
    services.update_member(member=mo, role_in_body="Superintendent")
    client.force_login(secretariat)
    entries = client.get(history_url(warwickshire)).context["entries"]
    records = [entry.record for entry in entries]
    assert records[0] == "Member: Mo Member for The Police Service"
    assert entries[0].changes[0].field == "Role in body"
    assert records[1] == "Withdrawal notice of The Police Service"
    assert "Terms of reference, version 2026" in records
    assert "Substitute: Sue Stand-in, for Mo Member (The Police Service)" in records
    assert "Chair: Carol Chair (Warwickshire County Council)" in records
    assert "The partnership's details and rules" in records
    assert [entry.when for entry in entries] == sorted((entry.when for entry in entries), reverse=True)


def test_a_moved_member_shows_the_bodies_by_name(client, secretariat, member, cdrp_chairs, warwickshire):
    services.update_member(member=Member.objects.get(person__user=member), nominating_body=cdrp_chairs)
    client.force_login(secretariat)
    change = client.get(history_url(warwickshire)).context["entries"][0].changes[0]
    assert (change.field, change.old, change.new) == (
        "Nominating body",
        "The Police Service",
        "The Chair of each CDRP strategy group",
    )


def test_a_deleted_record_is_shown_as_deleted(client, secretariat, warwickshire):
    body = NominatingBodyFactory(partnership=warwickshire, name="Short-lived body")
    body.delete()
    client.force_login(secretariat)
    newest = client.get(history_url(warwickshire)).context["entries"][0]
    assert (newest.record, newest.kind, newest.who) == ("Nominating body: Short-lived body", "Deleted", "Not recorded")


def test_another_partnerships_changes_are_not_shown(client, secretariat, outsider, warwickshire, other_partnership):
    NominatingBodyFactory(partnership=other_partnership, name="Rugby Borough Council Housing")
    client.force_login(secretariat)
    text = client.get(history_url(warwickshire)).text
    assert "Rugby" not in text
    assert "Oscar" not in text


def test_history_is_paged_a_hundred_at_a_time(client, secretariat, warwickshire):
    for n in range(105):
        NominatingBodyFactory(partnership=warwickshire, name=f"Body {n:03}")
    client.force_login(secretariat)
    first = client.get(history_url(warwickshire))
    assert len(first.context["entries"]) == 100
    assert first.context["entries"][0].record == "Nominating body: Body 104"
    assert 'rel="next"' in first.text
    second = client.get(history_url(warwickshire, page=2))
    assert [entry.record for entry in second.context["entries"]][-1] == "The partnership's details and rules"
    assert len(second.context["entries"]) == 106 - 100


def _busy_register(partnership):
    for b in range(13):
        body = NominatingBodyFactory(partnership=partnership, seats=4)
        for _ in range(3):
            seat = MemberFactory(nominating_body=body)
            SubstituteFactory(member=seat)
            services.update_member(member=seat, role_in_body="Changed role")
        services.save_nominating_body(partnership=partnership, body=body, name=f"Renamed {b}", seats=5)
        services.give_withdrawal_notice(nominating_body=body, given_on=datetime.date(2026, 1, 5))
    for n in range(5):
        TermsOfReferenceFactory(partnership=partnership, version=f"v{n}")


def test_history_costs_a_fixed_number_of_queries(
    client, secretariat, chair, warwickshire, django_assert_max_num_queries
):
    client.force_login(secretariat)
    client.get(history_url(warwickshire))  # the first page of a session also checks conduct documents
    with CaptureQueriesContext(connection) as small:
        client.get(history_url(warwickshire))
    _busy_register(warwickshire)
    assert NominatingBody.objects.filter(partnership=warwickshire).count() == 13 + 1
    # Every kind of record is on a busy page, each read once more than on a quiet one.
    busy_limit = len(small) + 8
    with django_assert_max_num_queries(busy_limit):
        response = client.get(history_url(warwickshire))
    assert len(response.context["entries"]) == 100
    with django_assert_max_num_queries(busy_limit):
        client.get(history_url(warwickshire, page=2))


def test_a_members_new_email_shows_in_the_history(client, secretariat, county_council):
    seat = services.add_member(nominating_body=county_council, name="Helen Marsh", email="helen@example.org")
    client.force_login(secretariat)
    edit = reverse("partnership:member-edit", kwargs={"slug": "warwickshire-scp", "pk": seat.pk})
    response = client.post(
        edit,
        {
            "name": "Helen Marsh",
            "email": "helen.marsh@warwickshire.example.org",
            "nominating_body": county_council.pk,
            "active": "on",
            "is_senior": "on",
        },
    )
    assert response.status_code == 302
    entries = client.get(history_url(county_council.partnership)).context["entries"]
    person_change = next(entry for entry in entries if entry.record == "Name and email of Helen Marsh")
    assert person_change.who == "sam.secretariat"
    assert [(c.field, c.old, c.new) for c in person_change.changes] == [
        ("Email", "helen@example.org", "helen.marsh@warwickshire.example.org")
    ]
