"""What the secretariat and the chair do with meetings and agendas, with the rules of the
terms of reference (ToR 5.7). Every page, API endpoint and task calls these."""

from .actions_arising import add_action_arising, link_action, unlink_action
from .agenda import (
    accept_late_item,
    add_agenda_item,
    agree_agenda,
    move_agenda_item,
    remove_agenda_item,
    reorder_agenda,
    update_agenda_item,
)
from .circulation import circulate_agenda
from .minutes import (
    approve_minutes,
    circulate_minutes,
    confirm_minutes,
    return_minutes_to_draft,
    start_minutes,
    write_minute,
)
from .papers import add_paper, attach_file, remove_file, remove_paper, update_paper
from .record import (
    add_other_attendee,
    agree_participation,
    correct_decision,
    declare_interest,
    item_quorum,
    meeting_quorum,
    record_attendance,
    record_decision,
    remove_other_attendee,
    withdraw_declaration,
)
from .scheduling import reschedule_meeting, schedule_meeting
from .submissions import accept_submission, return_submission, submit_paper
from .work_programme import add_work_item, offered_for, plan_for_meeting, plan_year, put_on_agenda
from .writing import close_written_proposal, open_written_proposal, respond_in_writing, withdraw_written_proposal

__all__ = [
    "add_action_arising",
    "link_action",
    "unlink_action",
    "add_other_attendee",
    "agree_participation",
    "approve_minutes",
    "circulate_minutes",
    "close_written_proposal",
    "confirm_minutes",
    "correct_decision",
    "open_written_proposal",
    "remove_other_attendee",
    "respond_in_writing",
    "return_minutes_to_draft",
    "start_minutes",
    "withdraw_declaration",
    "withdraw_written_proposal",
    "write_minute",
    "declare_interest",
    "item_quorum",
    "meeting_quorum",
    "record_attendance",
    "record_decision",
    "accept_submission",
    "return_submission",
    "submit_paper",
    "add_work_item",
    "offered_for",
    "plan_for_meeting",
    "plan_year",
    "put_on_agenda",
    "accept_late_item",
    "add_agenda_item",
    "add_paper",
    "agree_agenda",
    "attach_file",
    "circulate_agenda",
    "remove_agenda_item",
    "remove_file",
    "remove_paper",
    "move_agenda_item",
    "reorder_agenda",
    "reschedule_meeting",
    "schedule_meeting",
    "update_agenda_item",
    "update_paper",
]
