"""The year the dashboard and the statement are for, given in the address (?year=2026)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

EARLIEST_YEAR, LATEST_YEAR = 2000, 2100
BETWEEN = f"Choose a year between {EARLIEST_YEAR} and {LATEST_YEAR}."


class YearForm(forms.Form):
    year = forms.IntegerField(
        label="Year",
        help_text="A calendar year, 1 January to 31 December.",
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": "Enter the year, for example 2026.",
            "invalid": "Give the year as four figures, for example 2026.",
            "min_value": BETWEEN,
            "max_value": BETWEEN,
        },
    )

    def __init__(self, *args, button: str = "Show the year", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(Field.text("year", field_width=4), Button.secondary("show", button))
