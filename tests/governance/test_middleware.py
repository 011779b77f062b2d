"""Members acknowledge their partnerships' codes before anything else: any page they open is
sent to the acknowledgement page until they have, except signing out, files and the API."""

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from governance.middleware import ConductAcknowledgementMiddleware
from governance.models import Acknowledgement, ConductDocumentKind
from governance.services import acknowledge_conduct_documents
from partnership.models import NominatingBody
from tests.factories import (
    PASSWORD,
    ConductDocumentFactory,
    MemberFactory,
    PersonFactory,
    SecretariatFactory,
    UserFactory,
)
from tests.helpers import sign_in_through_form

ACKNOWLEDGE = reverse("governance:acknowledge")
MINE = reverse("partnership:mine")


@pytest.fixture
def code_of_conduct(warwickshire):
    return ConductDocumentFactory(partnership=warwickshire)


@pytest.fixture
def behaviour_protocol(warwickshire):
    return ConductDocumentFactory(
        partnership=warwickshire, kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL, title="Partnership Behaviour Protocol"
    )


def test_member_who_has_not_acknowledged_is_sent_to_the_codes(client, member, code_of_conduct):
    client.force_login(member)

    response = client.get(MINE)

    assert response.status_code == 302
    assert response.url == f"{ACKNOWLEDGE}?next=%2Fpartnerships%2F"


def test_the_whole_address_comes_back_as_next(client, member, code_of_conduct):
    client.force_login(member)

    response = client.get("/p/warwickshire-scp/?a=1&b=2")

    assert response.url == f"{ACKNOWLEDGE}?next=%2Fp%2Fwarwickshire-scp%2F%3Fa%3D1%26b%3D2"


def test_chair_is_sent_too(client, chair, code_of_conduct):
    client.force_login(chair)

    assert client.get(MINE).url.startswith(ACKNOWLEDGE)


def test_the_acknowledgement_page_itself_is_shown(client, member, code_of_conduct):
    client.force_login(member)

    assert client.get(ACKNOWLEDGE).status_code == 200


def test_signing_out_is_allowed_before_acknowledging(client, member, code_of_conduct):
    client.force_login(member)

    response = client.post(reverse("logout"), {"next": "/"})

    assert response.status_code == 302
    assert response.url == "/"
    assert "_auth_user_id" not in client.session


def test_changes_wait_for_the_acknowledgement_too(client, secretariat, member, code_of_conduct, warwickshire):
    """Someone who is both secretariat and an unacknowledged member changes nothing first."""
    SecretariatFactory(partnership=warwickshire, user=member)
    client.force_login(member)
    before = NominatingBody.objects.count()

    response = client.post(
        reverse("partnership:body-add", kwargs={"slug": warwickshire.slug}), {"name": "Probation", "seats": "1"}
    )

    assert response.status_code == 302
    assert response.url.startswith(ACKNOWLEDGE)
    assert NominatingBody.objects.count() == before


@pytest.mark.parametrize(
    "path",
    ["/static/css/site.css", "/accounts/logout/", "/calendar/a-key.ics", "/api/v1/public/partnerships/x/meetings.ics"],
)
def test_exempt_paths_pass_through(rf, member, code_of_conduct, path):
    request = rf.get(path)
    request.user = member
    request.session = SessionStore()
    middleware = ConductAcknowledgementMiddleware(lambda request: HttpResponse("passed through"))

    response = middleware(request)

    assert response.content == b"passed through"


def test_anonymous_visitor_is_not_redirected(client, code_of_conduct):
    assert client.get("/").status_code == 200


def test_secretariat_officer_without_a_seat_is_not_redirected(client, secretariat, code_of_conduct):
    client.force_login(secretariat)

    assert client.get(MINE).status_code == 200


def test_member_of_another_partnership_is_not_asked_for_warwickshire_codes(client, outsider, code_of_conduct):
    client.force_login(outsider)

    assert client.get(MINE).status_code == 200


def test_former_member_is_not_asked(client, warwickshire, police, code_of_conduct):
    user = UserFactory(username="fay.former")
    MemberFactory(nominating_body=police, person=PersonFactory(user=user), active=False)
    client.force_login(user)

    assert client.get(MINE).status_code == 200


def test_no_redirect_after_acknowledging(client, member, code_of_conduct, behaviour_protocol):
    client.force_login(member)
    assert client.get(MINE).status_code == 302

    client.post(ACKNOWLEDGE, {"documents": [code_of_conduct.pk, behaviour_protocol.pk]})

    assert client.get(MINE).status_code == 200
    assert client.get("/p/warwickshire-scp/").status_code == 200


def test_member_who_acknowledged_earlier_is_not_redirected(client, member, code_of_conduct):
    acknowledge_conduct_documents(person=member.person, documents=[code_of_conduct])
    sign_in_through_form(client, "mo.member", PASSWORD)

    assert client.get(MINE).status_code == 200
    assert client.session["conduct_acknowledged"] is True


def test_acknowledging_only_some_keeps_asking(client, member, code_of_conduct, behaviour_protocol):
    client.force_login(member)

    client.post(ACKNOWLEDGE, {"documents": [code_of_conduct.pk]})

    assert client.get(MINE).url.startswith(ACKNOWLEDGE)


def test_a_new_version_asks_again_at_the_next_sign_in(client, member, warwickshire, code_of_conduct):
    acknowledge_conduct_documents(person=member.person, documents=[code_of_conduct])
    sign_in_through_form(client, "mo.member", PASSWORD)
    assert client.get(MINE).status_code == 200

    ConductDocumentFactory(
        partnership=warwickshire, version="2", in_force_from=timezone.localdate() - datetime.timedelta(days=1)
    )
    # Not in the middle of a session...
    assert client.get(MINE).status_code == 200

    client.logout()
    sign_in_through_form(client, "mo.member", PASSWORD)

    # ...but at the next sign in.
    response = client.get(MINE)
    assert response.status_code == 302
    assert response.url.startswith(ACKNOWLEDGE)
    html = client.get(ACKNOWLEDGE).content.decode()
    assert html.count('type="checkbox" name="documents"') == 1
    assert "Version 2" in html
    assert Acknowledgement.objects.filter(person=member.person).count() == 1


def test_calendar_feeds_are_not_sent_to_the_acknowledgement(client, member, code_of_conduct):
    client.force_login(member)

    response = client.get("/calendar/not-a-key.ics")

    assert response.status_code == 404


def test_a_signed_in_browser_is_held_back_from_the_api_too(client, member, code_of_conduct):
    client.force_login(member)

    response = client.get("/api/v1/members/")

    assert response.status_code == 403
    assert "Acknowledge the partnership's code of conduct first" in response.json()["detail"]


def test_a_token_client_is_not_held_back(client, member, code_of_conduct):
    token = Token.objects.create(user=member)

    response = client.get("/api/v1/members/", HTTP_AUTHORIZATION=f"Token {token.key}")

    assert response.status_code == 200
