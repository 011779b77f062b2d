"""Forms for the minutes, in GOV.UK style: the discussion of an item, and the later meeting at
which the board confirmed the minutes. Forms only read what was typed or chosen; the services
sanitise the HTML and decide what may be done."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.template.defaultfilters import linebreaks
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.services.common import long_date

from .models import Meeting

HAS_TAGS = ("<", ">")


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button.primary("save", submit))
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    return helper


class MinuteForm(forms.Form):
    """The discussion of one item. The editor sends HTML; without JavaScript the textarea sends
    plain text, whose paragraphs and line breaks are kept as HTML ones."""

    discussion = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label=_("What was discussed"),
        help_text=_("The points made and by whom. Declarations and decisions are filled in from the record."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.textarea("discussion", label_size="s", rows=12, data_minutes_editor="true"),
            submit=_("Save the minute"),
        )

    def clean_discussion(self) -> str:
        text = self.cleaned_data["discussion"].strip()
        if text and not any(mark in text for mark in HAS_TAGS):
            return linebreaks(text, autoescape=True)
        return text


class ConfirmMinutesForm(forms.Form):
    """The later meeting of the partnership at which the board confirmed the minutes."""

    at_meeting = forms.ModelChoiceField(
        queryset=Meeting.objects.none(),
        label=_("The meeting at which the board confirmed them"),
        help_text=_('The board confirms minutes under the "Minutes of the last meeting" item.'),
        empty_label=_("Choose a meeting"),
        error_messages={
            "required": _("Choose the meeting at which the board confirmed the minutes"),
            "invalid_choice": _("Choose a later meeting of the partnership"),
        },
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["at_meeting"]
        field.queryset = Meeting.objects.filter(partnership_id=meeting.partnership_id, date__gt=meeting.date).order_by(
            "date", "start_time"
        )
        field.label_from_instance = lambda later: f"{later.title}, {long_date(later.date)}"
        self.helper = _helper(Field.select("at_meeting"), submit=_("Record the confirmation"))


CURRENT_DRAFT = "current"


class CompareVersionsForm(forms.Form):
    """Two texts of the minutes to compare: approved versions, and the current draft while there is one."""

    earlier = forms.ChoiceField(label=_("Compare"), error_messages={"invalid_choice": _("Choose a version to compare")})
    later = forms.ChoiceField(
        label=_("With"), error_messages={"invalid_choice": _("Choose a version to compare it with")}
    )

    def __init__(self, *args, numbers: list[int], with_draft: bool, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(str(number), gettext("Version %(number)s") % {"number": number}) for number in numbers]
        if with_draft:
            choices.append((CURRENT_DRAFT, gettext("The current draft")))
        self.choices = choices
        for name in ("earlier", "later"):
            self.fields[name].choices = choices
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.select("earlier"), Field.select("later"), Button.secondary("compare", _("Compare"))
        )

    def default(self) -> tuple[str, str] | None:
        """The latest two, when there are two to compare."""
        if len(self.choices) < 2:
            return None
        return self.choices[-2][0], self.choices[-1][0]
