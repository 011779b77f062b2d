"""Every approval of the minutes is kept as a version; readers of the minutes compare any two,
or a version with the current draft, with what was added and removed marked in words (not by
colour alone); members read and compare only the versions circulated to them; and the history
lists each step and edit."""

from html import unescape

import pytest

from meetings import services
from meetings.views_minutes.comparing import ADDED, CHANGED, REMOVED, SAME, compare, counts
from tests.helpers import signed_in
from tests.meetings.test_views_minutes_support import *  # noqa: F403
from tests.meetings.test_views_minutes_support import CORRECTION, OPEN_TITLE, minutes_url, write


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


# Members read and compare only the versions circulated to them.

NOT_CIRCULATED = "Members read the versions of the minutes that were circulated to them; version 1 was not circulated."


@pytest.fixture
def second_version_circulated(two_versions, secretariat):
    """Version 1 approved but never circulated; version 2, corrected, circulated."""
    return services.circulate_minutes(minutes=two_versions, by=secretariat)


def test_a_member_sees_only_the_versions_circulated(client, member, second_version_circulated):
    response = signed_in(client, member).get(minutes_url(second_version_circulated.meeting, "versions"))
    assert response.status_code == 200
    html = response.text
    assert "Versions circulated to members" in html
    assert "Version 2</a>" in html
    assert "Version 1</a>" not in html
    assert '<option value="1"' not in html
    assert "compared with" not in html  # one version: nothing to compare


def test_a_member_cannot_read_a_version_never_circulated(client, member, second_version_circulated):
    meeting = second_version_circulated.meeting
    response = signed_in(client, member).get(minutes_url(meeting, "version", number=1))
    assert response.status_code == 403
    assert NOT_CIRCULATED in unescape(response.text)
    assert client.get(minutes_url(meeting, "version", number=2)).status_code == 200


def test_a_member_cannot_compare_a_version_never_circulated(client, member, second_version_circulated):
    response = signed_in(client, member).get(
        minutes_url(second_version_circulated.meeting, "versions"), {"earlier": "1", "later": "2"}
    )
    assert response.status_code == 400
    assert "Choose a version to compare" in response.text
    assert "Police will lead." not in response.text


def test_the_secretariat_and_whoever_chaired_still_read_every_version(
    client, request, secretariat, chair, second_version_circulated
):
    meeting = second_version_circulated.meeting
    for user in (secretariat, chair):
        html = signed_in(client, user).get(minutes_url(meeting, "versions")).text
        assert "Version 1</a>" in html
        assert "Version 1 compared with version 2" in html
        assert client.get(minutes_url(meeting, "version", number=1)).status_code == 200


def test_while_corrected_a_member_compares_neither_the_draft_nor_an_uncirculated_version(
    client, member, chair, being_corrected
):
    corrected = services.approve_minutes(minutes=being_corrected, by=chair)  # version 2, not yet circulated
    services.return_minutes_to_draft(minutes=corrected)
    signed_in(client, member)
    page = client.get(minutes_url(corrected.meeting, "versions"))
    assert page.status_code == 200
    assert "Version 1</a>" in page.text
    assert "Version 2</a>" not in page.text
    assert "The current draft" not in page.text
    for wanted in ({"earlier": "1", "later": "current"}, {"earlier": "1", "later": "2"}):
        response = client.get(minutes_url(corrected.meeting, "versions"), wanted)
        assert response.status_code == 400
        assert CORRECTION not in response.text
    assert client.get(minutes_url(corrected.meeting, "version", number=2)).status_code == 403
    assert client.get(minutes_url(corrected.meeting, "version", number=1)).status_code == 200


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


def test_the_history_runs_a_fixed_number_of_queries(
    client, chair, secretariat, member, large_record, django_assert_max_num_queries
):
    """17 members, 16 items, 30 decisions; each item minuted, approved twice, circulated."""
    minutes = services.approve_minutes(minutes=large_record, by=chair)
    services.return_minutes_to_draft(minutes=minutes)
    for minute in minutes.items.all():
        services.write_minute(minute=minute, discussion="<p>Corrected.</p>")
    minutes = services.approve_minutes(minutes=minutes, by=chair)
    services.circulate_minutes(minutes=minutes, by=secretariat)
    url = minutes_url(minutes.meeting, "history")
    for user in (secretariat, member):
        signed_in(client, user)
        # Session, user, meeting, roles (two), minutes, the steps, the edits.
        with django_assert_max_num_queries(8):
            response = client.get(url)
        assert response.status_code == 200
        assert response.text.count("Performance report") == 20  # each of the ten written, then corrected


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
