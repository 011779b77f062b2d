"""Who may see which conduct records."""

import rules

from partnership.rules import can_manage_register

# The secretariat sees who has acknowledged the codes; members see only their own.
rules.add_perm("governance.view_acknowledgements", can_manage_register)
