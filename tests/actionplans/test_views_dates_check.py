"""The "Check the dates" page of a plan (secretariat only): every action whose date the importer
flagged, each prefilled with the date its words suggest, settled in one go; bad input comes back
on its row with status 400 and saves nothing; a fixed number of queries however many rows."""

import datetime
import pathlib

import pytest
from django.urls import reverse

from actionplans.importing import import_plan, preview_import
from actionplans.models import Action
from actionplans.views.dates_check import said
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, SectionFactory
from tests.helpers import signed_in

DATA = pathlib.Path(__file__).with_name("data")
APRIL_2008 = datetime.date(2008, 4, 30)


@pytest.fixture
def plan(warwickshire):
    return ActionPlanFactory(partnership=warwickshire, title="Test Valley action plan")


def flagged(plan, title, position, due_text="To be approved by Community Safety Partnership by April 2008.", **more):
    return ActionFactory(
        plan=plan, position=position, reference="", title=title, due_text=due_text, due_needs_checking=True, **more
    )


@pytest.fixture
def protocol(plan):
    return flagged(plan, "Protocol to be signed", 1)


@pytest.fixture
def meeting(plan):
    return flagged(plan, "Public meeting to be held", 2, due_text="To be determined.", milestone_text="June 2008.")


@pytest.fixture
def guidance(plan):
    return flagged(plan, "Skills policy in place", 3, due_text="To be developed following publication of guidance.")


def dates_url(plan):
    return reverse("actionplans:dates-check", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def plan_url(plan):
    return reverse("actionplans:plan", kwargs={"slug": plan.partnership.slug, "pk": plan.pk})


def row(action, day="", month="", year="", ongoing=False) -> dict:
    prefix = f"action-{action.pk}"
    data = {f"{prefix}-due_0": day, f"{prefix}-due_1": month, f"{prefix}-due_2": year}
    if ongoing:
        data[f"{prefix}-is_ongoing"] = "on"
    return data


def posted(*rows) -> dict:
    data = {"dates-TOTAL_FORMS": str(len(rows)), "dates-INITIAL_FORMS": str(len(rows))}
    for given in rows:
        data |= given
    return data


def dates_of(plan):
    return [(a.title, a.due, a.is_ongoing, a.due_needs_checking) for a in Action.objects.filter(plan=plan)]


def test_every_flagged_action_is_listed_with_the_date_its_words_suggest(client, secretariat, plan, protocol, meeting):
    guessed = flagged(plan, "Liaison officer nominated", 3, due_text="To be confirmed in new protocol.")
    ActionFactory(plan=plan, position=4, title="Settled already", due=APRIL_2008)
    signed_in(client, secretariat)
    response = client.get(dates_url(plan))
    page = response.content.decode()
    assert response.status_code == 200
    assert '<span class="govuk-caption-l">Test Valley action plan</span>' in page
    assert '<h1 class="govuk-heading-l">Check the dates</h1>' in page
    assert "Settled already" not in page
    assert page.index(f'id="action-{protocol.pk}"') < page.index(f'id="action-{meeting.pk}"')
    assert page.index(f'id="action-{meeting.pk}"') < page.index(f'id="action-{guessed.pk}"')
    assert "By when, as written: To be approved by Community Safety Partnership by April 2008." in page
    # "by April 2008" in the words: 30 April 2008
    assert f'name="action-{protocol.pk}-due_0" value="30"' in page
    assert f'name="action-{protocol.pk}-due_1" value="4"' in page
    assert f'name="action-{protocol.pk}-due_2" value="2008"' in page
    # no date in the words: the milestone's
    assert f'name="action-{meeting.pk}-due_0" value="30"' in page
    assert f'name="action-{meeting.pk}-due_1" value="6"' in page
    # nothing to suggest: left empty, no hint
    assert f'name="action-{guessed.pk}-due_0" value=' not in page
    assert page.count("Suggested from the words") == 2
    assert page.count("Ongoing (no date)") == 3
    assert page.count("Save the dates") == 1


def test_each_rows_fields_are_its_own_and_their_legend_names_the_action(client, secretariat, plan, protocol, meeting):
    signed_in(client, secretariat)
    page = client.get(dates_url(plan)).content.decode()
    for action in (protocol, meeting):
        assert f'id="id_action-{action.pk}-due_0"' in page
        assert f'for="id_action-{action.pk}-is_ongoing"' in page
        assert f'Due by<span class="govuk-visually-hidden">, action {action.title}</span>' in page
        assert f'<h2 class="govuk-fieldset__heading">{action.title}</h2>' in page


def test_an_action_title_is_escaped_in_the_hidden_legend(client, secretariat, plan):
    flagged(plan, "<b>Bold</b> action", 1)
    signed_in(client, secretariat)
    page = client.get(dates_url(plan)).content.decode()
    assert "<b>Bold</b>" not in page
    assert ", action &lt;b&gt;Bold&lt;/b&gt; action</span>" in page


def test_the_test_valley_import_lists_all_twenty_rows(client, secretariat, plan):
    import_plan(plan, preview_import((DATA / "test_valley_plan.csv").read_bytes()))
    signed_in(client, secretariat)
    page = client.get(dates_url(plan)).content.decode()
    assert page.count('class="govuk-fieldset__heading"') == 20
    named = plan.actions.get(due_text__startswith="Named representatives")
    assert f'name="action-{named.pk}-due_1" value="4"' in page  # "... in April 2008."


def test_saving_sets_the_dates_given_and_keeps_the_rest_flagged(client, secretariat, plan, protocol, meeting, guidance):
    signed_in(client, secretariat)
    response = client.post(
        dates_url(plan), posted(row(protocol, "30", "4", "2008"), row(meeting, ongoing=True), row(guidance))
    )
    assert response.status_code == 302
    assert response.url == plan_url(plan)
    assert dates_of(plan) == [
        ("Protocol to be signed", APRIL_2008, False, False),
        ("Public meeting to be held", None, True, False),
        ("Skills policy in place", None, False, True),
    ]
    assert Action.history.filter(history_type="~", history_user=secretariat).count() == 2
    page = client.get(response.url).content.decode()
    assert "2 dates set. 1 still needs checking." in page
    assert "30 April 2008" in page
    assert page.count("Date needs checking") == 1
    assert "1 action needs a date checking" in page


def test_saving_every_row_says_no_more_need_checking(client, secretariat, plan, protocol):
    signed_in(client, secretariat)
    response = client.post(dates_url(plan), posted(row(protocol, "30", "4", "2008")))
    page = client.get(response.url).content.decode()
    assert "1 date set." in page
    assert "still need" not in page
    assert "Date needs checking" not in page
    assert "Check the dates" not in page


@pytest.mark.parametrize(
    ("settled", "remaining", "message"),
    [
        (1, 0, "1 date set."),
        (20, 0, "20 dates set."),
        (0, 3, "0 dates set. 3 still need checking."),
        (2, 1, "2 dates set. 1 still needs checking."),
    ],
)
def test_the_message_counts_in_words(settled, remaining, message):
    assert said(settled, remaining) == message


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"day": "31", "month": "2", "year": "2008"}, "Enter a real date. For example, 27 3 2027"),
        ({"day": "", "month": "4", "year": "2008"}, "Enter the day of the month"),
        ({"day": "1", "month": "4", "year": "08"}, "The year must include 4 numbers, for example 2027"),
        (
            {"day": "30", "month": "6", "year": "2008", "ongoing": True},
            "An action is either ongoing or due by a date, not both.",
        ),
        ({"day": "30", "month": "6", "year": "2999"}, "Give a date between 1900 and 2100."),
    ],
)
def test_bad_input_is_shown_at_its_row_and_saves_nothing(client, secretariat, plan, protocol, meeting, bad, message):
    signed_in(client, secretariat)
    response = client.post(dates_url(plan), posted(row(protocol, "30", "4", "2008"), row(meeting, **bad)))
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Check the dates" in page
    assert "There is a problem" in page
    assert f'<a href="#id_action-{meeting.pk}-due' in page  # the summary links to the row's date
    assert f"Public meeting to be held: {message}" in page
    assert f'id="id_action-{meeting.pk}-due_1_error"' in page  # beside the field
    assert f'<span class="govuk-visually-hidden">Error:</span> {message}' in page
    assert f'name="action-{protocol.pk}-due_0" value="30"' in page  # what was typed comes back
    assert dates_of(plan) == [
        ("Protocol to be signed", None, False, True),
        ("Public meeting to be held", None, False, True),
    ]
    assert not Action.history.filter(history_type="~").exists()


def test_an_action_flagged_after_the_page_was_shown_stays_flagged(client, secretariat, plan, protocol):
    signed_in(client, secretariat)
    later = flagged(plan, "Added meanwhile", 2)
    response = client.post(dates_url(plan), posted(row(protocol, "30", "4", "2008")))
    assert response.status_code == 302
    assert dates_of(plan)[1] == ("Added meanwhile", None, False, True)
    assert "1 still needs checking." in client.get(response.url).content.decode()
    assert later.pk


def test_with_nothing_flagged_the_page_says_so(client, secretariat, plan):
    ActionFactory(plan=plan, due=APRIL_2008)
    signed_in(client, secretariat)
    page = client.get(dates_url(plan)).content.decode()
    assert "No dates need checking." in page
    assert f'<a class="govuk-link" href="{plan_url(plan)}">Back to the plan</a>' in page
    assert "Save the dates" not in page


def test_the_plan_page_links_the_secretariat_to_check_the_dates(client, secretariat, member, plan, protocol):
    link = f'<a class="govuk-link" href="{dates_url(plan)}">Check the dates</a>'
    page = signed_in(client, secretariat).get(plan_url(plan)).content.decode()
    assert "1 action needs a date checking" in page
    assert link in page
    page = signed_in(client, member).get(plan_url(plan)).content.decode()
    assert "1 action needs a date checking" in page
    assert link not in page


@pytest.mark.parametrize(("who", "status"), [("outsider", 404), ("member", 403), ("chair", 403)])
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_the_secretariat_checks_the_dates(client, request, plan, protocol, who, status, method):
    signed_in(client, request.getfixturevalue(who))
    response = getattr(client, method)(dates_url(plan), posted(row(protocol, ongoing=True)))
    assert response.status_code == status
    assert dates_of(plan) == [("Protocol to be signed", None, False, True)]


def test_a_plan_of_another_partnership_is_not_found_under_this_one(client, secretariat, other_partnership):
    theirs = ActionPlanFactory(partnership=other_partnership)
    url = reverse("actionplans:dates-check", kwargs={"slug": "warwickshire-scp", "pk": theirs.pk})
    assert signed_in(client, secretariat).get(url).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, plan, protocol):
    for response in (client.get(dates_url(plan)), client.post(dates_url(plan), posted(row(protocol, ongoing=True)))):
        assert response.status_code == 302
        assert "/accounts/login/" in response.url
    assert dates_of(plan) == [("Protocol to be signed", None, False, True)]


def many_flagged(plan, count):
    sections = [SectionFactory(plan=plan, position=n, title=f"Section {n}") for n in (1, 2, 3)]
    return [
        flagged(plan, f"Action {n}", n, milestone_text="April 2008.", section=sections[n % 3]) for n in range(count)
    ]


@pytest.mark.parametrize("count", [20, 60])
def test_the_page_is_a_fixed_number_of_queries(client, secretariat, plan, count, django_assert_max_num_queries):
    many_flagged(plan, count)
    signed_in(client, secretariat)
    with django_assert_max_num_queries(5):
        response = client.get(dates_url(plan))
    assert response.content.decode().count('class="govuk-fieldset__heading"') == count


@pytest.mark.parametrize("count", [20, 60])
def test_saving_is_a_fixed_number_of_queries(client, secretariat, plan, count, django_assert_max_num_queries):
    actions = many_flagged(plan, count)
    signed_in(client, secretariat)
    data = posted(*[row(action, "30", "4", "2008") for action in actions])
    # 11; SQLite takes the 60 history rows in two batches (its 999 parameters), PostgreSQL in one
    with django_assert_max_num_queries(12):
        response = client.post(dates_url(plan), data)
    assert response.status_code == 302
    assert not Action.objects.filter(plan=plan, due_needs_checking=True).exists()
