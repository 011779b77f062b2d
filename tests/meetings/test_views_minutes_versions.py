"""Every approval of the minutes is kept as a version; readers of the minutes compare any two,
or a version with the current draft, with what was added and removed marked in words (not by
colour alone); and the history lists each step and edit."""

from html import unescape

import pytest

from meetings import services
from meetings.views_minutes.comparing import ADDED, CHANGED, REMOVED, SAME, compare, counts
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import OPEN_TITLE, minutes_url, write


@pytest.fixture
def two_versions(approved, chair):
    """Approved, returned to draft, corrected and approved again."""
    services.return_minutes_to_draft(minutes=approved)
    write(approved, OPEN_TITLE, "<p>The board discussed the plan at length.</p><p>Police will lead.</p>")
    return services.approve_minutes(minutes=approved, by=chair)


def test_the_versions_are_listed_and_the_latest_two_compared(client, chair, two_versions):
    response = signed_in(client, chair).get(minutes_url(two_versions.meeting, "versions"))
    assert response.status_code == 200
    html = response.text
    assert "Version 1</a>" in html
    assert "Version 2</a>" in html
    assert "Version 1 compared with version 2" in html
    assert 'the plan<ins><span class="govuk-visually-hidden">added: </span> at length</ins>.' in html
    assert '<ins><span class="govuk-visually-hidden">added: </span>Police will lead.</ins>' in html
    assert "1 line added, 0 removed and 1 changed." in html


def test_a_version_is_compared_with_the_current_draft(client, secretariat, two_versions):
    services.return_minutes_to_draft(minutes=two_versions)
    write(two_versions, OPEN_TITLE, "<p>The board discussed the plan.</p>")
    response = signed_in(client, secretariat).get(
        minutes_url(two_versions.meeting, "versions"), {"earlier": "2", "later": "current"}
    )
    assert response.status_code == 200
    html = response.text
    assert "Version 2 compared with the current draft" in html
    assert 'the plan<del><span class="govuk-visually-hidden">removed: </span> at length</del>.' in html
    assert '<del><span class="govuk-visually-hidden">removed: </span>Police will lead.</del>' in html


def test_the_current_draft_is_no_choice_once_approved(client, chair, two_versions):
    response = signed_in(client, chair).get(
        minutes_url(two_versions.meeting, "versions"), {"earlier": "1", "later": "current"}
    )
    assert response.status_code == 400
    assert "<title>Error: " in response.text
    assert "Choose a version to compare it with" in response.text


def test_an_unknown_version_is_refused(client, chair, two_versions):
    response = signed_in(client, chair).get(
        minutes_url(two_versions.meeting, "versions"), {"earlier": "9", "later": "2"}
    )
    assert response.status_code == 400
    assert "Choose a version to compare" in response.text


def test_a_version_is_read_as_it_was_approved(client, chair, two_versions):
    response = signed_in(client, chair).get(minutes_url(two_versions.meeting, "version", number=1))
    assert response.status_code == 200
    assert "The board discussed the plan." in response.text
    assert "at length" not in response.text
    assert "Approved by carol.chair" in response.text or "Approved by Carol Chair" in response.text
    assert signed_in(client, chair).get(minutes_url(two_versions.meeting, "version", number=3)).status_code == 404


def test_a_member_reads_versions_only_once_circulated(client, member, secretariat, two_versions):
    assert signed_in(client, member).get(minutes_url(two_versions.meeting, "versions")).status_code == 403
    assert client.get(minutes_url(two_versions.meeting, "version", number=1)).status_code == 403
    services.circulate_minutes(minutes=two_versions, by=secretariat)
    assert client.get(minutes_url(two_versions.meeting, "versions")).status_code == 200


def test_someone_from_another_partnership_is_told_nothing(client, outsider, two_versions):
    assert signed_in(client, outsider).get(minutes_url(two_versions.meeting, "versions")).status_code == 404


def test_no_versions_before_approval(client, secretariat, started):
    page = signed_in(client, secretariat).get(minutes_url(started.meeting, "versions"))
    assert page.status_code == 200
    assert "there are no versions" in page.text


def test_the_versions_page_runs_a_fixed_number_of_queries(client, chair, two_versions, django_assert_max_num_queries):
    for _ in range(8):
        services.return_minutes_to_draft(minutes=two_versions)
        services.approve_minutes(minutes=two_versions, by=chair)
    url = minutes_url(two_versions.meeting, "versions")
    signed_in(client, chair)
    # Session, user, meeting, roles, minutes, who chaired, the versions, the two compared.
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200


# The history.


def test_the_history_lists_each_step_and_edit(client, secretariat, two_versions):
    response = signed_in(client, secretariat).get(minutes_url(two_versions.meeting, "history"))
    assert response.status_code == 200
    html = unescape(response.text)
    assert "Approved by the chair" in html
    assert f"5. {OPEN_TITLE}" in html


def test_a_member_reads_the_history_only_once_circulated(client, member, started):
    assert signed_in(client, member).get(minutes_url(started.meeting, "history")).status_code == 403


# Comparing, on its own.


def test_a_line_rewritten_shows_the_words_changed():
    (line,) = compare("The board agreed the plan.", "The board adopted the plan.")
    assert line.kind == CHANGED
    assert [(segment.kind, segment.text) for segment in line.segments] == [
        (SAME, "The board "),
        (REMOVED, "agreed"),
        (ADDED, "adopted"),
        (SAME, " the plan."),
    ]


def test_lines_added_and_removed_are_whole():
    lines = compare("Present\nApologies\nItem 1", "Present\nItem 1\nItem 2 was added entirely")
    assert [line.kind for line in lines] == [SAME, REMOVED, SAME, ADDED]
    assert counts(lines) == {ADDED: 1, REMOVED: 1, CHANGED: 0}


def test_a_line_replaced_by_another_altogether_is_one_removed_and_one_added():
    lines = compare("Alpha beta gamma", "Something else entirely")
    assert [line.kind for line in lines] == [REMOVED, ADDED]
