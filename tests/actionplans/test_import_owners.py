"""Who is responsible, as written, linked on import: words naming exactly one current member
(their full name, any case or spacing) or exactly one nominating body link it; anything else
stays words only, and the preview says which owners will be linked and why the others not."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actionplans.importing import import_plan, preview_import
from actionplans.importing.owners import NO_MATCH, match_owners
from actionplans.models import Action, ActionPlan
from partnership.models import WithdrawalNotice
from tests.factories import MemberFactory, PersonFactory
from tests.helpers import signed_in

TODAY = datetime.date(2026, 11, 25)


@pytest.fixture
def plan(warwickshire):
    return ActionPlan.objects.create(partnership=warwickshire, title="Partnership plan")


@pytest.fixture
def mo(member):
    return member.person.seats.get()


def test_a_members_full_name_in_any_case_and_spacing_links_the_member(warwickshire, mo):
    matches = match_owners(warwickshire.pk, ["Mo Member", "  mo\tMEMBER "], TODAY)
    assert [m.member for m in matches.values()] == [mo, mo]
    assert all(m.linked and m.body is None for m in matches.values())


def test_a_nominating_bodys_name_links_the_body(warwickshire, police):
    match = match_owners(warwickshire.pk, ["the police service"], TODAY)["the police service"]
    assert (match.member, match.body) == (None, police)


def test_words_naming_no_one_are_not_linked_with_the_reason(warwickshire, member):
    match = match_owners(warwickshire.pk, ["CSP Manager"], TODAY)["CSP Manager"]
    assert not match.linked
    assert match.reason == NO_MATCH


def test_two_current_members_of_the_same_name_link_neither(warwickshire, member, county_council, cdrp_chairs):
    MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Mo Member", email="mo2@example.org"))
    match = match_owners(warwickshire.pk, ["Mo Member"], TODAY)["Mo Member"]
    assert not match.linked
    assert match.reason == "2 current members have this name; choose one after the import."


def test_a_former_member_or_another_partnerships_is_never_linked(warwickshire, mo, outsider):
    mo.active = False
    mo.save()
    matches = match_owners(warwickshire.pk, ["Mo Member", "Oscar Outsider", "Rugby Borough Council"], TODAY)
    assert not any(match.linked for match in matches.values())


def test_a_withdrawn_body_is_not_linked(warwickshire, police):
    WithdrawalNotice.objects.create(
        nominating_body=police, given_on=datetime.date(2025, 1, 1), effective_on=datetime.date(2026, 1, 1)
    )
    assert not match_owners(warwickshire.pk, ["The Police Service"], TODAY)["The Police Service"].linked


def test_matching_is_two_queries_however_many_owners(warwickshire, member, police, django_assert_num_queries):
    with django_assert_num_queries(2):
        match_owners(warwickshire.pk, [f"Owner {n}" for n in range(50)] + ["Mo Member"], TODAY)
    with django_assert_num_queries(0):
        assert match_owners(warwickshire.pk, ["", "  "], TODAY) == {}


def test_the_import_links_the_owners_it_can_and_keeps_every_owners_words(plan, mo, police):
    rows = b"Issue,Who\nClarify roles,MO MEMBER\nAgree protocol,The Police Service\nPublish,CSP Manager\n"
    result = import_plan(plan, preview_import(rows, today=TODAY), today=TODAY)
    assert result.linked == 2
    saved = {a.title: (a.owner, a.owner_member, a.owner_body) for a in Action.objects.filter(plan=plan)}
    assert saved == {
        "Clarify roles": ("MO MEMBER", mo, None),
        "Agree protocol": ("The Police Service", None, police),
        "Publish": ("CSP Manager", None, None),
    }


def test_the_preview_page_says_which_owners_it_will_link(client, secretariat, plan, member, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    rows = b"Issue,Who\nClarify roles,Mo Member\nAgree protocol,The Police Service\nPublish,CSP Manager\n"
    signed_in(client, secretariat)
    response = client.post(
        reverse("actionplans:import", args=[plan.partnership.slug, plan.pk]),
        {"file": SimpleUploadedFile("plan.csv", rows, "text/csv")},
    )
    page = client.get(response.url).content.decode()
    assert "Will be linked to the member Mo Member, The Police Service" in page
    assert "Will be linked to the nominating body The Police Service" in page
    assert f"Not linked: {NO_MATCH}" in page
    assert not Action.objects.exists()
    response = client.post(response.url)
    page = client.get(response.url).content.decode()
    assert "3 actions imported. 2 linked to their owner on the register." in page
