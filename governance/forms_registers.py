"""Forms for the standing registers and breaches of the Code of Conduct.

Forms only check what was typed; what may be registered, by whom and when is the services' to
decide (services_registers.py), and the view adds its RuleBroken message to the form."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.models import InterestCategory
from partnership.forms import DateField
from partnership.models import Partnership

from .models_registers import GiftKind

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    helper.layout = Layout(*fields, Button.primary("save", submit))
    return helper


def _yes_no(label: str, *, required: str, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda answer: answer == "yes",
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": required},
    )


class InterestForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What the interest touches"),
        choices=InterestCategory.choices,
        widget=forms.RadioSelect,
        help_text=_("The Code of Conduct's categories of personal interest."),
        error_messages={"required": _("Choose what the interest touches")},
    )
    description = forms.CharField(
        label=_("What the interest is"),
        widget=forms.Textarea,
        help_text=_("For example: Trustee of the Rugby Youth Trust."),
        error_messages={"required": _("Say what the interest is")},
    )
    organisation = forms.CharField(
        label=_("Organisation or person it is in (optional)"), max_length=200, required=False
    )
    registered_on = DateField(label=_("Since"), required_message=_("Enter the date the interest began"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.radios("category", legend_size=Size.SMALL),
            Field.textarea("description", rows=3),
            Field.text("organisation"),
            "registered_on",
            submit=_("Add to my register"),
        )


class EndInterestForm(forms.Form):
    ended_on = DateField(label=_("Ended on"), required_message=_("Enter the date the interest ended"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("ended_on", submit=_("Record that it ended"))


class GiftForm(forms.Form):
    partnership = forms.ModelChoiceField(
        label=_("In connection with the work of"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the partnership whose work it was offered in connection with")},
    )
    kind = forms.ChoiceField(
        label=_("Gift or hospitality"),
        choices=GiftKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether it was a gift or hospitality")},
    )
    offered_by = forms.CharField(
        label=_("Offered by"), max_length=200, error_messages={"required": _("Say who made the offer")}
    )
    description = forms.CharField(
        label=_("What was offered"), widget=forms.Textarea, error_messages={"required": _("Say what was offered")}
    )
    estimated_value = forms.DecimalField(
        label=_("Estimated value, in pounds"),
        max_digits=9,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false"}),
        help_text=_("For example 25.00; 0 if it had no value."),
        error_messages={
            "required": _("Enter the estimated value in pounds, 0 if it had none"),
            "invalid": _("Enter the estimated value as a number of pounds, for example 25.00"),
        },
    )
    offered_on = DateField(label=_("Offered on"), required_message=_("Enter the date of the offer"))
    accepted = _yes_no(_("Did you accept it?"), required=_("Say whether you accepted it"))
    registered_with_body = _yes_no(
        _("Have you declared and registered it with your nominating body?"),
        required=_("Say whether you have declared it to your nominating body"),
        help_text=_(
            "The Code of Conduct asks you to declare and register every gift and hospitality you accept "
            "with your own organisation."
        ),
    )

    def __init__(self, *args, seats, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        field.queryset = Partnership.objects.filter(pk__in=[seat.partnership_id for seat in seats])
        if len(seats) == 1:
            field.initial = seats[0].partnership_id
        self.helper = _helper(
            Field.radios("partnership", legend_size=Size.SMALL),
            Field.radios("kind", legend_size=Size.SMALL, inline=True),
            Field.text("offered_by"),
            Field.textarea("description", rows=3),
            Field.text("estimated_value", field_width=10),
            "offered_on",
            Field.radios("accepted", legend_size=Size.SMALL, inline=True),
            Field.radios("registered_with_body", legend_size=Size.SMALL, inline=True),
            submit=_("Record the offer"),
        )


class BreachForm(forms.Form):
    member = forms.ModelChoiceField(
        label=_("Member"),
        queryset=None,
        empty_label=_("Choose the member"),
        error_messages={"required": _("Choose the member the suspected breach is about")},
    )
    description = forms.CharField(
        label=_("What the suspected breach is"),
        widget=forms.Textarea,
        help_text=_("Which part of the Code it concerns, and what happened."),
        error_messages={"required": _("Say what the suspected breach is")},
    )
    reported_on = DateField(label=_("Reported on"), required_message=_("Enter the date it was reported"))

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        field.queryset = members
        field.label_from_instance = lambda member: f"{member.person.name}, {member.nominating_body.name}"
        self.helper = _helper(
            Field.select("member"),
            Field.textarea("description", rows=5),
            "reported_on",
            submit=_("Record the suspected breach"),
        )


class ResolveBreachForm(forms.Form):
    resolution = forms.CharField(
        label=_("The way forward the partners agreed"),
        widget=forms.Textarea,
        help_text=_("After the investigation, as the partners agreed it."),
        error_messages={"required": _("Record the way forward the partners agreed")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("resolution", rows=5), submit=_("Resolve the breach"))
