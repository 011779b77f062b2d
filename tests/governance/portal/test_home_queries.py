"""The home page, "Your home", reads a fixed number of queries whatever the number of meetings, papers,
actions, declarations, proposals or notifications: measured for a member, the chair and the
secretariat at two volumes, with the same ceiling."""

import pytest
from django.urls import reverse

from tests.helpers import signed_in

from .portal_support import scene

pytestmark = pytest.mark.django_db
HOME = reverse("governance:home")
# Session and user, the roles, the code-of-conduct middleware, then each panel's queries; the
# secretariat's compliance rules read a fixed set per partnership it runs.
CEILING = {"member": 19, "chair": 19, "secretariat": 27}


@pytest.mark.parametrize("volume", [2, 12])
@pytest.mark.parametrize("who", ["member", "chair", "secretariat"])
def test_home_reads_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, warwickshire, secretariat, chair, member, volume, who
):
    scene(warwickshire, secretariat=secretariat, chair=chair, member=member, volume=volume)
    user = {"member": member, "chair": chair, "secretariat": secretariat}[who]
    signed_in(client, user)
    with django_assert_max_num_queries(CEILING[who]):
        response = client.get(HOME)
    assert response.status_code == 200
