"""The year the dashboard and the statement are for, given in the address (?year=2026)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _between() -> str:
    return gettext("Choose a year between %(earliest)s and %(latest)s.") % {
        "earliest": EARLIEST_YEAR,
        "latest": LATEST_YEAR,
    }


BETWEEN = lazy(_between, str)()


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"),
        help_text=_("A calendar year, 1 January to 31 December."),
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter the year, for example 2026."),
            "invalid": _("Give the year as four figures, for example 2026."),
            "min_value": BETWEEN,
            "max_value": BETWEEN,
        },
    )

    def __init__(self, *args, button: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("year", field_width=4), Button.secondary("show", button or _("Show the year"))
        )
