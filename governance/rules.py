"""Who may see which conduct records."""

import rules
from django.utils import timezone

from partnership.personal_acts import personal_act
from partnership.roles import vice_chair_partnership_ids
from partnership.rules import can_manage_register, is_chair_of, is_secretariat_of

from .services_registers import refusal_to_decide


@rules.predicate
def is_vice_chair_of(user, partnership):
    return partnership is not None and partnership.pk in vice_chair_partnership_ids(user, timezone.localdate())


@rules.predicate
def decides_on(user, breach):
    """Whether the user decides on this breach: the rule is the service's, asked, not repeated."""
    return breach is not None and refusal_to_decide(breach, user, timezone.localdate()) is None


# The secretariat sees who has acknowledged the codes; members see only their own.
rules.add_perm("governance.view_acknowledgements", can_manage_register)

# The standing registers of interests and of gifts and hospitality: the secretariat and the chair.
rules.add_perm("governance.view_registers", can_manage_register | is_chair_of)
# Breaches of the Code are confidential: the secretariat and the chair, not even a site
# administrator. The chair alone requires withdrawal and resolves (the Code's Compliance section),
# except on a breach by the chair, where the vice chair does: the vice chair may reach the
# decisions, and sees the one breach they decide on (`decide_on_this_breach`), no other.
personal_act("governance.view_breaches", is_secretariat_of | is_chair_of)
personal_act("governance.record_breach", is_secretariat_of | is_chair_of)
personal_act("governance.decide_on_breach", is_chair_of | is_vice_chair_of)
personal_act("governance.decide_on_this_breach", decides_on)

# The compliance dashboard and the annual statement: the secretariat who keep the rules, and
# the chair who answers for them to the Public Service Board.
rules.add_perm("governance.view_compliance", can_manage_register | is_chair_of)

# Every notification a partnership sent, with delivery errors: the secretariat who answer for
# them, and site administrators. Members see only their own (governance/access.py).
rules.add_perm("governance.view_partnership_notifications", can_manage_register)
