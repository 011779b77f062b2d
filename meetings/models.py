"""Built in a later issue; the app exists so the layout of DESIGN.md holds from the start."""
