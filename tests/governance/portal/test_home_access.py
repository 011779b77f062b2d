"""Who reaches "Your home", and that nobody sees another partnership's private records there."""

import pytest
from django.urls import reverse

from tests.helpers import signed_in

from .portal_support import scene

pytestmark = pytest.mark.django_db
HOME = reverse("governance:home")


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signing_in_lands_on_your_home(client, member):
    member.set_password("a long passphrase 1")
    member.save()
    response = client.post(reverse("login"), {"username": "mo.member", "password": "a long passphrase 1"})
    assert response.status_code == 302
    assert response.url == HOME


def test_home_refuses_anything_but_reading(client, member):
    assert signed_in(client, member).post(HOME).status_code == 405


def test_home_answers_a_head_request(client, member):
    assert signed_in(client, member).head(HOME).status_code == 200


def test_outsider_sees_nothing_of_another_partnership(client, warwickshire, secretariat, chair, member, outsider):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member)
    page = signed_in(client, outsider).get(HOME).content.decode()
    assert "Your home" in page
    for private in (
        "Board meeting 0",
        "Paper 1",
        "Adopt the strategy",
        "Fund the project",
        "Late item",
        "Reduce reoffending",
    ):
        assert private not in page
    assert warwickshire.name not in page
    assert "Rugby Community Safety Partnership" in page  # their own compliance, labelled
