"""Who may see and do what with a partnership's meetings."""

import rules

from partnership.personal_acts import personal_act
from partnership.rules import can_manage_register, can_view_register, is_chair_of, is_member_of

from .chairing import chaired_by_user, chairs


@rules.predicate
def chairs_the_meeting(user, meeting):
    """The chair of the partnership today, or whoever presides at this meeting in the chair's
    absence (ToR 5.4): meetings.chairing.chairs."""
    return chairs(user, meeting)


@rules.predicate
def chaired_the_meeting(user, meeting):
    """Whoever chaired it: the member named to preside, or else the chair in office on its day.
    Not whoever is chair today, and not the vice chair while the chair was in the chair."""
    return meeting is not None and chaired_by_user(meeting, user)


@rules.predicate
def sits_on_the_meetings_partnership(user, meeting):
    return meeting is not None and is_member_of(user, meeting.partnership)


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
# The meeting's record: the secretariat records it; the chair records interests declared.
rules.add_perm("meetings.record_meeting", runs_the_meetings_partnership)
rules.add_perm("meetings.record_declarations", runs_the_meetings_partnership | chairs_the_meeting)
rules.add_perm("meetings.declare_own_interest", sits_on_the_meetings_partnership)
# Minutes: drafted and sent out by the secretariat, read in draft by whoever chaired.
rules.add_perm("meetings.draft_minutes", runs_the_meetings_partnership)
rules.add_perm("meetings.view_draft_minutes", runs_the_meetings_partnership | chaired_the_meeting)
rules.add_perm("meetings.return_minutes_to_draft", runs_the_meetings_partnership | chaired_the_meeting)
rules.add_perm("meetings.circulate_minutes", runs_the_meetings_partnership)
rules.add_perm("meetings.confirm_minutes", runs_the_meetings_partnership)
personal_act("meetings.approve_minutes", chaired_the_meeting)
# On a partnership: its decision log and attendance statistics; decisions in writing.
rules.add_perm("meetings.view_decision_log", can_view_register)
rules.add_perm("meetings.view_attendance_statistics", can_view_register)
personal_act("meetings.respond_in_writing", is_member_of)
personal_act("meetings.decide_in_writing", is_chair_of)
