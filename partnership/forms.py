"""Forms for the secretariat's register pages, laid out with the GOV.UK Design System.

Forms only check what was typed; every rule of the terms of reference is the service's to
apply (services.py), and the view adds its RuleBroken message to the form."""

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fieldset, Layout, Size
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import (
    Member,
    NominatingBody,
    OfficeRole,
    Partnership,
    Person,
    Substitute,
    TermsOfReference,
    WithdrawalNotice,
)
from .services.members import MEMBER_FLAGS

DATE_EXAMPLE = _("For example, 27 3 2027")
EMAIL_MESSAGES = {
    "required": _("Enter the email address"),
    "invalid": _("Enter an email address in the correct format, like name@example.org"),
}


NUMBER_BOX = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false"})


def _model_field(model, name, **kwargs):
    """The form field a model field would make, with its label, help text and the model's own
    validators (a form field made this way does not carry them). Numbers are typed in a text
    box with a numeric keypad, as the GOV.UK Design System advises, not type=number."""
    model_field = model._meta.get_field(name)
    form_field = model_field.formfield(**kwargs)
    form_field.validators += [v for v in model_field.validators if v not in form_field.validators]
    if isinstance(form_field, forms.IntegerField):
        form_field.widget = NUMBER_BOX
    return form_field


class DateField(DateInputField):
    """A GOV.UK date input (day, month and year) whose errors say what to type."""

    def __init__(self, *, required_message: str, hint: str = DATE_EXAMPLE, **kwargs):
        kwargs.setdefault("require_all_fields", False)  # a part left blank is an error, not a blank date
        super().__init__(help_text=hint, **kwargs)
        self.error_messages["required"] = required_message
        day, month, year = self.fields
        day.validators = [RegexValidator(r"^[0-9]{1,2}$", _("The day must be a number, for example 27"))]
        month.validators = [RegexValidator(r"^[0-9]{1,2}$", _("The month must be a number, for example 3"))]
        year.validators = [RegexValidator(r"^[0-9]{4}$", _("The year must include 4 numbers, for example 2027"))]

    def compress(self, data_list):
        try:
            return super().compress(data_list)
        except ValidationError as error:
            raise ValidationError(
                format_lazy("{} {}", _("Enter a real date."), DATE_EXAMPLE), code="invalid"
            ) from error


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button.primary("save", submit))
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    return helper


def _checkboxes(*names):
    return [Field.checkbox(name) for name in names]


PARTNERSHIP_DETAILS = ["name", "slug", "nation", "secretariat_email", "aim", "objectives", "how_to_attend"]
PARTNERSHIP_RULES = [
    "agenda_notice_working_days",
    "minutes_working_days",
    "chair_term_years",
    "min_meetings_per_year",
    "min_public_meetings_per_year",
    "withdrawal_notice_months",
    "quorum",
    "absence_threshold",
]


class PartnershipForm(forms.ModelForm):
    """A partnership's details and its rule numbers: all single-row rules, kept by the model."""

    class Meta:
        model = Partnership
        fields = PARTNERSHIP_DETAILS + PARTNERSHIP_RULES + ["count_clear_days"]
        labels = {
            "slug": _("Web address"),
            "nation": _("Bank holidays of"),
            "agenda_notice_working_days": _("Agenda notice, in working days"),
            "minutes_working_days": _("Minutes circulated within, in working days"),
            "chair_term_years": _("Chair and vice chair term, in years"),
            "min_meetings_per_year": _("Meetings a year, at least"),
            "min_public_meetings_per_year": _("Public meetings a year, at least"),
            "withdrawal_notice_months": _("Notice of withdrawal, in months"),
            "quorum": _("Quorum, in members present"),
            "absence_threshold": _("Persistent absence, in meetings missed in 12 months"),
            "count_clear_days": _("Count clear days"),
            "how_to_attend": _("How to attend a public meeting"),
        }
        help_texts = {
            "how_to_attend": _(
                "Shown on the partnership's public page. Say where public meetings are usually held, "
                "how to get there, how a resident can ask a question, and who to contact about access "
                "needs. Do not give anyone's email address. Leave blank to show a general paragraph."
            ),
        }
        widgets = {"nation": forms.RadioSelect} | dict.fromkeys(PARTNERSHIP_RULES, NUMBER_BOX)
        error_messages = {
            "name": {
                "required": _("Enter the partnership's name"),
                "unique": _("A partnership with this name already exists"),
            },
            "slug": {
                "required": _("Enter the web address"),
                "unique": _("Another partnership already has this web address"),
            },
            "secretariat_email": EMAIL_MESSAGES,
        }

    submit_label = _("Add the partnership")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        details = [Field.text(name) for name in ("name", "slug", "secretariat_email") if name in self.fields]
        self.helper = _helper(
            Fieldset(
                *details,
                Field.radios("nation"),
                Field.textarea("aim", rows=4),
                Field.textarea("objectives", rows=8),
                Field.textarea("how_to_attend", rows=6),
                legend=_("About the partnership"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            Fieldset(
                *[Field.text(name, field_width=3) for name in PARTNERSHIP_RULES],
                Field.checkbox("count_clear_days"),
                legend=_("Rules from the terms of reference"),
                legend_size=Size.MEDIUM,
                legend_tag="h2",
            ),
            submit=self.submit_label,
        )


class PartnershipDetailsForm(PartnershipForm):
    """The same, once the partnership exists: its web address stays as it is."""

    class Meta(PartnershipForm.Meta):
        fields = [name for name in PARTNERSHIP_DETAILS if name != "slug"] + PARTNERSHIP_RULES + ["count_clear_days"]

    submit_label = _("Save the details")


class TermsOfReferenceForm(forms.Form):
    version = _model_field(
        TermsOfReference, "version", error_messages={"required": _("Enter the version, for example 2026")}
    )
    adopted_on = DateField(label=_("Adopted on"), required_message=_("Enter the date the terms were adopted"))
    next_review_on = DateField(
        label=_("Next review"),
        required=False,
        required_message=_("Enter the date of the next review"),
        hint=format_lazy("{} {}", _("Leave blank for a year after adoption (ToR 10)."), DATE_EXAMPLE),
    )
    text = _model_field(TermsOfReference, "text", label=_("Text of the terms of reference"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("version", field_width=10),
            "adopted_on",
            "next_review_on",
            Field.textarea("text", rows=15),
            submit=_("Save the terms of reference"),
        )


class NominatingBodyForm(forms.Form):
    name = _model_field(NominatingBody, "name", error_messages={"required": _("Enter the name of the nominating body")})
    seats = _model_field(NominatingBody, "seats", error_messages={"required": _("Enter how many seats the body has")})
    is_responsible_authority = _model_field(
        NominatingBody, "is_responsible_authority", label=_("Responsible authority")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("name"),
            Field.text("seats", field_width=3),
            *_checkboxes("is_responsible_authority"),
            submit=_("Save the nominating body"),
        )


class _MemberFields(forms.Form):
    name = _model_field(
        Person, "name", label=_("Full name"), error_messages={"required": _("Enter the member's full name")}
    )
    email = _model_field(Person, "email", label=_("Email address"), error_messages=EMAIL_MESSAGES)
    nominating_body = forms.ModelChoiceField(
        queryset=NominatingBody.objects.none(),
        empty_label=_("Choose a body"),
        error_messages={
            "required": _("Choose the nominating body"),
            "invalid_choice": _("Choose one of this partnership's nominating bodies"),
        },
    )
    role_in_body = _model_field(Member, "role_in_body", label=_("Role in the nominating body"))
    is_senior = _model_field(Member, "is_senior", label=_("Senior officer or board member"))
    is_elected_member = _model_field(Member, "is_elected_member", label=_("Elected member"))
    is_designated_liaison_officer = _model_field(
        Member, "is_designated_liaison_officer", label=_("Designated liaison officer")
    )

    flags = MEMBER_FLAGS
    submit_label = _("Add the member")

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominating_body"].queryset = NominatingBody.objects.filter(partnership=partnership)
        self.helper = _helper(
            Field.text("name"),
            Field.text("email", spellcheck="false", autocomplete="off"),
            Field.select("nominating_body"),
            Field.text("role_in_body"),
            *_checkboxes("is_senior", "is_elected_member", "is_designated_liaison_officer"),
            *_checkboxes(*[name for name in ("active",) if name in self.fields]),
            submit=self.submit_label,
        )

    def flag_values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.flags}


class MemberAddForm(_MemberFields):
    """A new seat: the person is found by email address, or added."""


class MemberEditForm(_MemberFields):
    active = _model_field(Member, "active", label=_("Active member"), help_text=_("Untick when the seat is given up."))

    submit_label = _("Save the member")


class SubstituteForm(forms.ModelForm):
    class Meta:
        model = Substitute
        fields = ["name", "email", "role_in_body", "active"]
        labels = {
            "name": _("Full name"),
            "email": _("Email address (optional)"),
            "role_in_body": _("Role in the nominating body (optional)"),
            "active": _("Active substitute"),
        }
        error_messages = {"name": {"required": _("Enter the substitute's full name")}, "email": EMAIL_MESSAGES}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("name"),
            Field.text("email", spellcheck="false", autocomplete="off"),
            Field.text("role_in_body"),
            Field.checkbox("active"),
            submit=_("Save the substitute"),
        )


class OfficeTermForm(forms.Form):
    starts_on = DateField(label=_("Term starts on"), required_message=_("Enter the date the term starts"))
    ends_on = DateField(
        label=_("Term ends on"),
        required=False,
        required_message=_("Enter the date the term ends"),
        hint=format_lazy("{} {}", _("Leave blank for a full term."), DATE_EXAMPLE),
    )

    submit_label = _("Save the term")

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        years = partnership.chair_term_years
        full_term = ngettext(
            "Leave blank for a full term of %(years)s year (ToR 5.2).",
            "Leave blank for a full term of %(years)s years (ToR 5.2).",
            years,
        ) % {"years": years}
        self.fields["ends_on"].help_text = f"{full_term} {DATE_EXAMPLE}"
        self.helper = _helper(*self.layout_fields(), submit=self.submit_label)

    def layout_fields(self):
        return ["starts_on", "ends_on"]


class OfficeAppointForm(OfficeTermForm):
    member = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        empty_label=_("Choose a member"),
        error_messages={
            "required": _("Choose a member"),
            "invalid_choice": _("Choose one of the partnership's members"),
        },
    )
    role = forms.ChoiceField(
        choices=OfficeRole.choices,
        widget=forms.RadioSelect,
        label=_("Office"),
        error_messages={"required": _("Choose chair or vice chair")},
    )

    field_order = ["role", "member", "starts_on", "ends_on"]

    submit_label = _("Appoint")

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, partnership=partnership, **kwargs)
        members = Member.objects.filter(partnership=partnership, active=True).select_related(
            "person", "nominating_body"
        )
        self.fields["member"].queryset = members.order_by("person__name")
        self.fields["member"].help_text = gettext("Chair and vice chair are elected from the members (ToR 5.2).")

    def layout_fields(self):
        return [Field.radios("role"), Field.select("member"), *super().layout_fields()]


class WithdrawalNoticeForm(forms.Form):
    given_on = DateField(label=_("Notice given on"), required_message=_("Enter the date notice was given"))
    effective_on = DateField(
        label=_("Takes effect on"),
        required=False,
        required_message=_("Enter the date the withdrawal takes effect"),
    )
    notes = _model_field(WithdrawalNotice, "notes")

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        months = partnership.withdrawal_notice_months
        after_notice = ngettext(
            "Leave blank for %(months)s month after notice is given (ToR 9).",
            "Leave blank for %(months)s months after notice is given (ToR 9).",
            months,
        ) % {"months": months}
        self.fields["effective_on"].help_text = f"{after_notice} {DATE_EXAMPLE}"
        self.helper = _helper(
            "given_on", "effective_on", Field.textarea("notes", rows=5), submit=_("Record the notice")
        )
