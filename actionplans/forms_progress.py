"""The form a member (or the secretariat) posts progress on an action with. It checks what was
typed; services.record_progress applies every rule."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField
from partnership.services.common import long_date

from .models import RECORDED_STATUSES, Milestone


class MilestoneChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if not obj.due:
            return obj.title
        return gettext("%(title)s, due %(day)s") % {"title": obj.title, "day": long_date(obj.due)}


class ProgressForm(forms.Form):
    text = forms.CharField(
        label=_("What progress was made"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what progress was made")},
    )
    reported_on = DateField(label=_("Date of the progress"), required_message=_("Enter the date of the progress"))
    evidence = forms.CharField(
        label=_("Evidence (optional)"),
        help_text=_("Where the evidence can be found: a report, minutes, a web page."),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    milestone = MilestoneChoice(
        queryset=Milestone.objects.none(),
        required=False,
        empty_label=_("Not about one milestone"),
        label=_("Milestone (optional)"),
    )
    status = forms.ChoiceField(
        choices=[("", _("No change")), *RECORDED_STATUSES],
        required=False,
        label=_("The milestone's status now"),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, action, today, **kwargs):
        kwargs.setdefault("initial", {"reported_on": today, "status": ""})
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = action.milestones.order_by("due", "pk")
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.textarea("text"),
            "reported_on",
            Field.textarea("evidence"),
            Field.select("milestone"),
            Field.radios("status", legend_size=Size.SMALL, small=True),
            Button.primary("save", gettext("Post progress")),
        )
