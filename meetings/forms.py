"""Forms for scheduling meetings and building agendas, laid out with the GOV.UK Design System.

Forms only check what was typed; the rules of the terms of reference are the services' to
apply, and the view puts a service's RuleBroken message on the form."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Div, Field, Fluid, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField
from partnership.models import Member

from .models import ExemptionReason, Purpose

TIME_FORMATS = ["%H:%M", "%H.%M"]
# Plain text boxes: crispy-forms-gds styles (and marks in error) TextInput, not TimeInput or URLInput.
TIME_BOX = forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"})


def _time_field(*, label: str, required: bool = True):
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=TIME_FORMATS,
        widget=TIME_BOX,
        help_text=_("Use the 24-hour clock, for example 14:00"),
        error_messages={
            "required": _("Enter the time the meeting starts, for example 14:00"),
            "invalid": _("Enter a time using the 24-hour clock, for example 14:00"),
        },
    )


def _link_field(label: str):
    return forms.URLField(
        label=label,
        required=False,
        max_length=200,
        assume_scheme="https",
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "url"}),
        error_messages={"invalid": _("Enter a web address in the correct format, like https://example.org/meeting")},
    )


def _buttons(*buttons):
    return Div(*buttons, css_class="govuk-button-group")


class MeetingForm(forms.Form):
    """A meeting's details. 'Check the dates' shows the deadlines for the date without saving."""

    @staticmethod
    def initial_for(meeting) -> dict:
        """The form as the meeting stands, times written as they are typed (14:00)."""
        initial = {name: getattr(meeting, name) for name in MeetingForm.base_fields}
        for name in ("start_time", "end_time"):
            initial[name] = initial[name].strftime("%H:%M") if initial[name] else ""
        return initial

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("For example Board meeting, or Annual public meeting."),
        error_messages={"required": _("Enter the title of the meeting")},
    )
    group = forms.CharField(
        label=_("Board or sub-group"),
        max_length=120,
        initial="Board",
        help_text=_("The board itself, or one of its sub-groups."),
        error_messages={"required": _("Enter the board or the sub-group that meets")},
    )
    date = DateField(label=_("Date"), required_message=_("Enter the date of the meeting"))
    start_time = _time_field(label=_("Starts at"))
    end_time = _time_field(label=_("Ends at (optional)"), required=False)
    place = forms.CharField(
        label=_("Place (optional)"),
        max_length=300,
        required=False,
        help_text=_("Room and address, if it meets in person."),
    )
    online_link = _link_field(_("Link to join online (optional)"))
    webcast_link = _link_field(_("Link to the webcast (optional)"))
    is_public = forms.BooleanField(
        label=_("Held in public"),
        required=False,
        help_text=_("The public may attend, and the agenda is published without its confidential items."),
    )
    presiding_member = forms.ModelChoiceField(
        label=_("Presiding in the chair's absence (optional)"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("Nobody: the chair chairs"),
        help_text=_(
            "When the chair is absent the board may elect another member to preside (ToR 5.4). "
            "Whoever chaired approves the minutes."
        ),
        error_messages={"invalid_choice": _("Choose one of the partnership's current members")},
    )

    def __init__(self, *args, submit: str, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presiding_member"].queryset = Member.objects.filter(
            partnership=partnership, active=True
        ).select_related("person", "nominating_body")
        self.fields["presiding_member"].label_from_instance = lambda m: f"{m.person.name}, {m.nominating_body.name}"
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("title"),
            Field.text("group", field_width=Fluid.TWO_THIRDS),
            "date",
            Field.text("start_time", field_width=5),
            Field.text("end_time", field_width=5),
            Field.text("place"),
            Field.text("online_link"),
            Field.text("webcast_link"),
            Field.checkbox("is_public"),
            Field.select("presiding_member"),
            _buttons(Button.primary("save", submit), Button.secondary("check", _("Check the dates"))),
        )


class AgendaItemForm(forms.Form):
    """An agenda item. A late item (added once the agenda has gone out) also says why."""

    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the title of the item")}
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        choices=Purpose.choices,
        widget=forms.RadioSelect,
        initial=Purpose.DISCUSSION,
        error_messages={"required": _("Choose what the item is for")},
    )
    description = forms.CharField(label=_("Description (optional)"), required=False, widget=forms.Textarea)
    presenter = forms.CharField(label=_("Presented by (optional)"), max_length=200, required=False)
    leading_partners = forms.CharField(
        label=_("Leading partners (optional)"),
        max_length=300,
        required=False,
        help_text=_("The partners who lead on this item, for example Police and County Council."),
    )
    is_confidential = forms.BooleanField(
        label=_("Confidential: taken in private and left out of the public agenda"),
        required=False,
    )
    confidential_reason = forms.ChoiceField(
        label=_("Why it is exempt from publication"),
        choices=ExemptionReason.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only for a confidential item: the category of exempt information it falls in."),
    )
    late_reason = forms.CharField(
        label=_("Why it cannot wait for the next meeting"),
        required=False,
        widget=forms.Textarea,
    )

    def __init__(self, *args, late: bool, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        if not late:
            del self.fields["late_reason"]
        late_fields = [Field.textarea("late_reason", rows=4)] if late else []
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            *late_fields,
            Field.text("title"),
            Field.radios("purpose", legend_size=Size.SMALL),
            Field.textarea("description", rows=5),
            Field.text("presenter", field_width=Fluid.TWO_THIRDS),
            Field.text("leading_partners"),
            Field.checkbox("is_confidential"),
            Field.radios("confidential_reason", legend_size=Size.SMALL, small=True),
            Button.primary("save", submit),
        )

    def item_fields(self) -> dict:
        """What the agenda services take, without the late reason."""
        return {name: value for name, value in self.cleaned_data.items() if name != "late_reason"}
