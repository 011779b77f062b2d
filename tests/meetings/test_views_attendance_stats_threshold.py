"""The secretariat sets the partnership's threshold for persistent failure to attend on the form
where its rule numbers are changed; the attendance statistics follow it."""

import pytest
from django.urls import reverse

from partnership.models import Partnership
from tests.helpers import signed_in
from tests.partnership.test_views_partnership_edit import details


def edit_url(partnership):
    return reverse("partnership:partnership-edit", kwargs={"slug": partnership.slug})


def test_the_form_offers_the_threshold_starting_from_the_partnerships_number(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    page = client.get(edit_url(warwickshire))
    assert page.context["form"]["absence_threshold"].value() == 3
    assert "Persistent absence, in meetings missed in 12 months" in page.text


def test_the_secretariat_changes_the_threshold(client, secretariat, warwickshire):
    signed_in(client, secretariat)
    response = client.post(edit_url(warwickshire), details(warwickshire, absence_threshold=2), follow=True)
    assert response.redirect_chain == [(warwickshire.get_absolute_url(), 302)]
    assert Partnership.objects.get(pk=warwickshire.pk).absence_threshold == 2
    stats = client.get(reverse("decisions:attendance", kwargs={"slug": warwickshire.slug})).text
    assert "sends apologies or is absent 2 times or more in 12 months" in stats


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0", "greater than or equal to 1"),
        ("13", "less than or equal to 12"),
        ("three", "Enter a whole number"),
        ("", "This field is required"),
    ],
)
def test_a_threshold_out_of_range_saves_nothing(client, secretariat, warwickshire, value, message):
    signed_in(client, secretariat)
    response = client.post(edit_url(warwickshire), details(warwickshire, absence_threshold=value, aim="Changed"))
    assert response.status_code == 400
    assert message in response.text
    partnership = Partnership.objects.get(pk=warwickshire.pk)
    assert (partnership.absence_threshold, partnership.aim) == (3, warwickshire.aim)


def test_a_member_cannot_change_the_threshold(client, member, warwickshire):
    signed_in(client, member)
    assert client.post(edit_url(warwickshire), details(warwickshire, absence_threshold=1)).status_code == 403
    assert Partnership.objects.get(pk=warwickshire.pk).absence_threshold == 3
