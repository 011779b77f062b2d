"""The demo's standing registers (governance/demo/registers.py), loaded by load_demo after the
rest of the Warwickshire demo."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from governance.models import GiftOrHospitality, RegisteredInterest
from governance.selectors_registers import people_due_to_confirm_interests
from partnership.models import Partnership


@pytest.fixture
def demo(db, settings):
    settings.DEBUG = True
    call_command("load_demo")
    return Partnership.objects.get(slug="warwickshire-scp")


def test_the_demo_members_keep_registers(demo):
    assert RegisteredInterest.objects.filter(person__name="Cllr Helen Marsh").count() == 2
    assert RegisteredInterest.objects.filter(person__name="Ch Supt Mark Dunn").count() == 1
    gift = GiftOrHospitality.objects.get()
    assert (gift.person.name, gift.partnership, gift.accepted) == ("Ch Supt Mark Dunn", demo, True)


def test_the_yearly_prompt_asks_the_vice_chair_and_the_member_not_the_chair(demo):
    due = {person.name for person in people_due_to_confirm_interests(timezone.localdate())}

    assert {"Cllr David Okafor", "Ch Supt Mark Dunn"} <= due
    assert "Cllr Helen Marsh" not in due
