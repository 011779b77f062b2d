"""The decision log's search and filters, read from the query string. The form only checks what
was typed; the query is selectors_decisions.decision_log."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import DecisionMethod, Outcome
from ..selectors_decisions import LogFilter


class DecisionLogFilterForm(forms.Form):
    q = forms.CharField(label=_("Words in the decision"), max_length=200, required=False)
    year = forms.TypedChoiceField(
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": _("Choose one of the years in the log")},
    )
    method = forms.ChoiceField(
        choices=[("", _("Any way")), *DecisionMethod.choices],
        required=False,
        label=_("How it was decided"),
        error_messages={"invalid_choice": _("Choose by consensus or by a vote")},
    )
    outcome = forms.ChoiceField(
        choices=[("", _("Any outcome")), *Outcome.choices],
        required=False,
        error_messages={"invalid_choice": _("Choose agreed, carried or lost")},
    )

    def __init__(self, data, *, years: list[int]):
        super().__init__(data)
        self.fields["year"].choices = [("", _("Any year")), *((year, str(year)) for year in years)]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": "", "role": "search", "aria-label": _("Search the decision log")}
        self.helper.layout = Layout(
            Field.text("q", field_width=20),
            Field.select("year"),
            Field.select("method"),
            Field.select("outcome"),
            Button.secondary("filter", _("Search")),
        )

    def wanted(self) -> LogFilter:
        """What was asked for, leaving out any filter that was not one the log knows."""
        self.is_valid()
        data = self.cleaned_data
        return LogFilter(
            words=data.get("q", ""),
            year=data.get("year"),
            method=data.get("method", ""),
            outcome=data.get("outcome", ""),
        )
