"""The secretariat writes how to attend a public meeting on the partnership's form; the public
page shows it, and the partnership's history keeps each version."""

from django.urls import reverse

from partnership.models import Partnership
from tests.partnership.test_views_partnership_edit import details, edit_url

HOW_TO_ATTEND = "Meetings in public are at Shire Hall, Warwick.\n\nThere is step-free access from Northgate Street."


def public_url(partnership):
    return reverse("public:partnership", kwargs={"slug": partnership.slug})


def test_the_form_asks_how_to_attend_with_a_hint(client, secretariat, warwickshire):
    client.force_login(secretariat)

    html = " ".join(client.get(edit_url(warwickshire)).text.split())

    assert '<label for="id_how_to_attend" class="govuk-label"> How to attend a public meeting </label>' in html
    assert '<div id="id_how_to_attend_hint" class="govuk-hint">Shown on the partnership\'s public page.' in html
    assert '<textarea name="how_to_attend" cols="40" rows="6" aria-describedby="id_how_to_attend_hint"' in html


def test_staff_see_it_on_the_form_that_adds_a_partnership(client, staff):
    client.force_login(staff)

    assert 'name="how_to_attend"' in client.get(reverse("partnership:partnership-create")).text


def test_saving_it_keeps_history_and_shows_it_on_the_public_page(client, secretariat, warwickshire):
    client.force_login(secretariat)
    versions_before = warwickshire.history.count()

    response = client.post(edit_url(warwickshire), details(warwickshire, how_to_attend=HOW_TO_ATTEND), follow=True)

    assert "Partnership details saved" in response.text
    warwickshire.refresh_from_db()
    assert warwickshire.how_to_attend == HOW_TO_ATTEND
    assert warwickshire.history.count() == versions_before + 1
    latest = warwickshire.history.latest()
    assert latest.how_to_attend == HOW_TO_ATTEND
    assert latest.history_user == secretariat
    client.logout()
    html = client.get(public_url(warwickshire)).text
    assert "<p>Meetings in public are at Shire Hall, Warwick.</p>" in html
    assert "<p>There is step-free access from Northgate Street.</p>" in html


def test_what_was_written_is_escaped_on_the_public_page(client, secretariat, warwickshire):
    client.force_login(secretariat)
    client.post(edit_url(warwickshire), details(warwickshire, how_to_attend='<script>alert("x")</script>'))
    client.logout()

    html = client.get(public_url(warwickshire)).text

    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html


def test_a_form_with_errors_saves_nothing_of_it(client, secretariat, warwickshire):
    client.force_login(secretariat)

    response = client.post(edit_url(warwickshire), details(warwickshire, name="", how_to_attend=HOW_TO_ATTEND))

    assert response.status_code == 400
    assert "Enter the partnership&#x27;s name" in response.text
    assert Partnership.objects.get(pk=warwickshire.pk).how_to_attend == ""


def test_a_member_cannot_change_it(client, member, warwickshire):
    client.force_login(member)

    response = client.post(edit_url(warwickshire), details(warwickshire, how_to_attend=HOW_TO_ATTEND))

    assert response.status_code == 403
    assert Partnership.objects.get(pk=warwickshire.pk).how_to_attend == ""
