"""Who may see which conduct records."""

import rules

from partnership.personal_acts import personal_act
from partnership.rules import can_manage_register, is_chair_of, is_secretariat_of

# The secretariat sees who has acknowledged the codes; members see only their own.
rules.add_perm("governance.view_acknowledgements", can_manage_register)

# The standing registers of interests and of gifts and hospitality: the secretariat and the chair.
rules.add_perm("governance.view_registers", can_manage_register | is_chair_of)
# Breaches of the Code are confidential: the secretariat and the chair, not even a site
# administrator. The chair alone requires withdrawal and resolves (the Code's Compliance section).
personal_act("governance.view_breaches", is_secretariat_of | is_chair_of)
personal_act("governance.record_breach", is_secretariat_of | is_chair_of)
personal_act("governance.decide_on_breach", is_chair_of)

# The compliance dashboard and the annual statement: the secretariat who keep the rules, and
# the chair who answers for them to the Public Service Board.
rules.add_perm("governance.view_compliance", can_manage_register | is_chair_of)

# Every notification a partnership sent, with delivery errors: the secretariat who answer for
# them, and site administrators. Members see only their own (governance/access.py).
rules.add_perm("governance.view_partnership_notifications", can_manage_register)
