"""Who may see and do what with a partnership's meetings."""

import rules

from partnership.personal_acts import personal_act
from partnership.rules import can_manage_register, can_view_register, is_chair_of


@rules.predicate
def chairs_the_meeting(user, meeting):
    """The chair of the partnership today, or whoever presides at this meeting in the chair's
    absence (ToR 5.4)."""
    if meeting is None or not user.is_authenticated:
        return False
    if is_chair_of(user, meeting.partnership):
        return True
    presiding = meeting.presiding_member
    return presiding is not None and presiding.person.user_id == user.pk


@rules.predicate
def in_the_meetings_partnership(user, meeting):
    return meeting is not None and can_view_register(user, meeting.partnership)


@rules.predicate
def runs_the_meetings_partnership(user, meeting):
    return meeting is not None and can_manage_register(user, meeting.partnership)


# On a partnership: reading its meetings, and scheduling them.
rules.add_perm("meetings.view_meetings", can_view_register)
rules.add_perm("meetings.manage_meetings", can_manage_register)
# On a meeting.
rules.add_perm("meetings.view_meeting", in_the_meetings_partnership)
rules.add_perm("meetings.change_agenda", runs_the_meetings_partnership)
rules.add_perm("meetings.circulate_agenda", runs_the_meetings_partnership)
personal_act("meetings.agree_agenda", chairs_the_meeting)
personal_act("meetings.accept_late_item", chairs_the_meeting)
