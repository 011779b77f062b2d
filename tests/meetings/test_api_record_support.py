"""Helpers the record and minutes API tests share (this module holds no tests): seats on the
board beside the cast's, and a meeting at which enough of them were present to be quorate."""

from meetings import services
from partnership.models import Member
from tests.factories import MemberFactory, NominatingBodyFactory


def seat_of(user) -> Member:
    return Member.objects.get(person__user=user)


def seats(partnership, count: int) -> list[Member]:
    """Members of `count` bodies of their own, so no body runs out of seats."""
    return [
        MemberFactory(nominating_body=NominatingBodyFactory(partnership=partnership, name=f"Body {n}"))
        for n in range(count)
    ]


def all_present(meeting, members) -> list[Member]:
    for seat in members:
        services.record_attendance(meeting=meeting, member=seat, status="present")
    return list(members)


def quorate_board(meeting, *users) -> list[Member]:
    """The cast's seats and four more, all present: six, over the partnership's quorum of five."""
    return all_present(meeting, [seat_of(user) for user in users] + seats(meeting.partnership, 4))
