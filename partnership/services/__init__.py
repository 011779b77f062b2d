"""What the secretariat does to the register, with the rules of the terms of reference.

Every web form, API endpoint, command and the demo call these; each runs in one transaction
and raises RuleBroken with a sentence a secretariat officer can read."""

from .accounts import create_account
from .bodies import give_withdrawal_notice, save_nominating_body
from .members import add_member, add_substitute, update_member, update_substitute
from .offices import appoint_to_office, change_office_term
from .terms import save_terms_of_reference

__all__ = [
    "add_member",
    "add_substitute",
    "appoint_to_office",
    "change_office_term",
    "create_account",
    "give_withdrawal_notice",
    "save_nominating_body",
    "save_terms_of_reference",
    "update_member",
    "update_substitute",
]
