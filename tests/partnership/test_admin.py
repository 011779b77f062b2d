"""The admin shows the register and its history, but changes go through the register's pages."""

import pytest
from django.urls import reverse

from partnership.models import NominatingBody
from tests.factories import MemberFactory, OfficeFactory


@pytest.mark.parametrize("model", ["nominatingbody", "member", "office", "person", "termsofreference"])
def test_staff_read_the_register_in_the_admin(client, staff, county_council, model):
    OfficeFactory(member=MemberFactory(nominating_body=county_council))
    client.force_login(staff)
    assert client.get(reverse(f"admin:partnership_{model}_changelist")).status_code == 200
    assert client.get(reverse(f"admin:partnership_{model}_add")).status_code == 403


def test_a_body_cannot_be_changed_in_the_admin(client, staff, county_council):
    client.force_login(staff)
    url = reverse("admin:partnership_nominatingbody_change", args=[county_council.pk])
    client.post(url, {"name": "Renamed", "seats": "0", "partnership": county_council.partnership_id})
    county_council.refresh_from_db()
    assert county_council.name == "Warwickshire County Council"
    assert NominatingBody.objects.count() == 1


def test_the_history_of_a_body_shows_in_the_admin(client, staff, county_council):
    client.force_login(staff)
    response = client.get(reverse("admin:partnership_nominatingbody_history", args=[county_council.pk]))
    assert response.status_code == 200
