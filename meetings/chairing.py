"""Who chaired a meeting: whoever was named to preside in the chair's absence (ToR 5.4), or else
the member in the chair's office on the meeting's day. Only they approve its minutes (ToR 5.8)."""

from partnership.models import Member, Office, OfficeRole
from partnership.roles import chair_partnership_ids

from .models import Meeting


def chair_on(partnership_id: int, day) -> Member | None:
    """The member in the chair's office on that day, if any."""
    office = (
        Office.objects.filter(
            partnership_id=partnership_id, role=OfficeRole.CHAIR, starts_on__lte=day, ends_on__gte=day
        )
        .select_related("member__person", "member__nominating_body")
        .first()
    )
    return office.member if office else None


def is_chair_on(user, partnership_id: int, day) -> bool:
    """Asked of the roles the permission rules already read (and cache per user)."""
    return user.is_authenticated and partnership_id in chair_partnership_ids(user, day)


def who_chaired(meeting: Meeting) -> Member | None:
    """Cached on the meeting object: the rules and the page both ask."""
    if "_who_chaired" not in meeting.__dict__:
        if meeting.presiding_member_id is not None:
            chaired = meeting.presiding_member
        else:
            chaired = chair_on(meeting.partnership_id, meeting.date)
        meeting.__dict__["_who_chaired"] = chaired
    return meeting.__dict__["_who_chaired"]


def chaired_by_user(meeting: Meeting, user) -> bool:
    member = who_chaired(meeting)
    return member is not None and user.is_authenticated and member.person.user_id == user.pk
