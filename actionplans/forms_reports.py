"""The quarter a quarterly report is asked for, chosen from those the partnership's plans cover."""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.errors import RuleBroken
from partnership.models import Partnership

from .models import ActionPlan
from .reporting.quarters import Quarter, parse_quarter, quarters_from


def quarters_on_offer(partnership: Partnership, today: datetime.date) -> list[Quarter]:
    """From the quarter of the first plan's start (or its making, if earlier) to this quarter,
    latest first (one query)."""
    first = ActionPlan.objects.filter(partnership=partnership).aggregate(
        starts=Min("starts_on"), made=Min("created_at")
    )
    days = [today, first["starts"], first["made"] and timezone.localdate(first["made"])]
    return quarters_from(Quarter.containing(min(day for day in days if day)), Quarter.containing(today))


class QuarterForm(forms.Form):
    quarter = forms.CharField(
        label=_("Quarter"),
        help_text=_("Calendar quarters: Q1 is January to March."),
        error_messages={"required": _("Choose the quarter the report is for")},
    )

    def __init__(self, *args, quarters: list[Quarter], **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["quarter"]
        field.widget = forms.Select(choices=[(str(quarter), f"{quarter} ({quarter.months})") for quarter in quarters])
        field.initial = str(quarters[0])
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.layout = Layout(Field.select("quarter"), Button.primary("get", gettext("Get the report")))
        self.helper.attrs = {"novalidate": ""}

    def clean_quarter(self) -> Quarter:
        try:
            return parse_quarter(self.cleaned_data["quarter"])
        except RuleBroken as broken:
            raise forms.ValidationError(broken.message) from broken
