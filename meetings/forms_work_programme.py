"""Forms of the forward work programme."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField
from partnership.services.common import long_date

from .models import Meeting, Purpose


def _planned_meetings(partnership):
    return Meeting.objects.filter(partnership=partnership, status="planned").order_by("date")


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title}, {long_date(obj.date)}"


class WorkItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, error_messages={"required": _("Enter what the item is")})
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=Purpose.choices, initial=Purpose.DECISION, widget=forms.RadioSelect
    )
    presenter = forms.CharField(max_length=200, required=False, label=_("Presenter (optional)"))
    due_by = DateField(label=_("To be considered by"), required_message=_("Enter the date it must be considered by"))
    meeting = MeetingChoice(
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("Not planned yet"),
        label=_("Planned for (optional)"),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = _planned_meetings(partnership)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("title"),
            Field.radios("purpose", legend_size="s"),
            Field.text("presenter"),
            "due_by",
            Field.select("meeting"),
            Button.primary("save", _("Add to the work programme")),
        )


class PlanForMeetingForm(forms.Form):
    meeting = MeetingChoice(queryset=Meeting.objects.none(), required=False, empty_label=_("Not planned yet"))

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = _planned_meetings(partnership)


class PlanYearForm(forms.Form):
    year = forms.IntegerField(min_value=2000, max_value=2100, error_messages={"required": _("Enter a year")})
