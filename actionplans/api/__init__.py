"""The action plans API (API.md): plans, their import, actions and milestones."""
