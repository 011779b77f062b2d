"""Forms for decisions taken in writing: the chair's proposal, and a member's response.

Forms only check what was typed; whether the chair may open it, whether a response is still
taken, and what a prejudicial interest means are the services' to decide (services/writing.py)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Layout, Size
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField

from .models import InterestCategory, InterestKind, Response

NO_INTEREST = "none"


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    helper.layout = Layout(*fields, Button.primary("save", submit))
    return helper


class OpenProposalForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter a title for the proposal")}
    )
    proposal = forms.CharField(
        label=_("What the members are asked to agree"),
        help_text=_("As it would be minuted, for example: The partnership agrees to bid for the grant."),
        widget=forms.Textarea,
        error_messages={"required": _("Write what the members are asked to agree")},
    )
    why_now = forms.CharField(
        label=_("Why it cannot wait for the next meeting"),
        widget=forms.Textarea,
        error_messages={"required": _("Say why it cannot wait for the next meeting")},
    )
    respond_by = DateField(label=_("Members respond by"), required_message=_("Enter the date by which members respond"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"),
            Field.textarea("proposal", rows=5),
            Field.textarea("why_now", rows=3),
            "respond_by",
            submit=_("Put it to the members"),
        )


class RespondForm(forms.Form):
    """Interests first (ToR 7, the Code of Conduct), then the answer."""

    interest = forms.ChoiceField(
        label=_("Do you have an interest in this proposal?"),
        choices=[(NO_INTEREST, _("No interest to declare")), *InterestKind.choices],
        widget=forms.RadioSelect,
        help_text=_("With a prejudicial interest you take no part in the decision: your answer below is not counted."),
        error_messages={"required": _("Say whether you have an interest in this proposal")},
    )
    interest_category = forms.ChoiceField(
        label=_("What the interest touches (optional)"),
        choices=[("", _("Choose from the Code of Conduct's list")), *InterestCategory.choices],
        required=False,
    )
    interest_nature = forms.CharField(
        label=_("What the interest is"),
        help_text=_("Only if you have an interest."),
        widget=forms.Textarea,
        required=False,
    )
    response = forms.ChoiceField(
        label=_("Do you agree the proposal?"),
        choices=Response.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Leave it if you have a prejudicial interest."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            HTML(format_html('<h2 class="govuk-heading-m">{}</h2>', _("1. Declare any interest"))),
            Field.radios("interest", legend_size=Size.SMALL),
            Field.select("interest_category"),
            Field.textarea("interest_nature", rows=3),
            HTML(format_html('<h2 class="govuk-heading-m">{}</h2>', _("2. Your answer"))),
            Field.radios("response", legend_size=Size.SMALL),
            submit=_("Send my response"),
        )

    @staticmethod
    def initial_for(answer) -> dict:
        """The member's earlier response, to change while the proposal is open."""
        if answer is None:
            return {}
        return {
            "interest": answer.interest or NO_INTEREST,
            "interest_category": answer.interest_category,
            "interest_nature": answer.interest_nature,
            "response": answer.response,
        }

    def service_arguments(self) -> dict:
        """The cleaned answer in the terms respond_in_writing takes."""
        data = self.cleaned_data
        return {
            "interest": "" if data["interest"] == NO_INTEREST else data["interest"],
            "interest_category": data["interest_category"],
            "interest_nature": data["interest_nature"],
            "response": data["response"],
        }
