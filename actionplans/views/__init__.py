"""The secretariat's action plan pages: the plans, a plan with its sections and actions, the
forms that change them, and the import of a plan from a spreadsheet through a preview."""
