"""Forms for the secretariat's action plan pages, laid out with the GOV.UK Design System.

Forms only check what was typed; the plan's rules are the services' to apply, and the view
puts a service's RuleBroken message on the form."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField
from partnership.models import Member, NominatingBody

from .importing.reading import MAX_BYTES
from .models import RECORDED_STATUSES, Section


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button.primary("save", submit))
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    return helper


def _optional_date(label: str, message: str) -> DateField:
    return DateField(label=label, required=False, required_message=message)


class PlanForm(forms.Form):
    title = forms.CharField(
        max_length=300,
        label=_("Title"),
        help_text=_("For example, Partnership action plan 2026 to 2029."),
        error_messages={"required": _("Enter the title of the plan")},
    )
    description = forms.CharField(label=_("Description (optional)"), required=False, widget=forms.Textarea)
    starts_on = _optional_date(_("Starts on (optional)"), _("Enter the day the plan starts"))
    ends_on = _optional_date(_("Ends on (optional)"), _("Enter the day the plan ends"))

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"), Field.textarea("description", rows=4), "starts_on", "ends_on", submit=submit
        )


class SectionForm(forms.Form):
    code = forms.CharField(
        label=_("Letter or number (optional)"),
        max_length=20,
        required=False,
        help_text=_("For example, B."),
    )
    title = forms.CharField(
        max_length=300,
        label=_("Title"),
        help_text=_("For example, Relationships, or Lead and Guide."),
        error_messages={"required": _("Enter the title of the section")},
    )

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.text("code", field_width=5), Field.text("title"), submit=submit)


def _text(label: str, max_length: int | None = None, *, textarea: bool = True, help_text: str = ""):
    widget = forms.Textarea if textarea else forms.TextInput
    return forms.CharField(label=label, max_length=max_length, required=False, widget=widget, help_text=help_text)


class ActionForm(forms.Form):
    """One row of the plan, in the columns of both seeds. The date is read from "by when"."""

    section = forms.ModelChoiceField(
        label=_("Section (optional)"),
        queryset=Section.objects.none(),
        required=False,
        empty_label=_("No section"),
        error_messages={"invalid_choice": _("Choose one of the plan's sections")},
    )
    reference = _text(
        _("Reference (optional)"), 30, textarea=False, help_text=_("Its number in the plan, such as (a).")
    )
    title = forms.CharField(
        label=_("Improvement needed, or the issue"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the improvement needed, or the issue")},
    )
    method = _text(_("How it will be achieved, or the action (optional)"))
    owner = _text(
        _("Who is responsible, as written (optional)"), 300, textarea=False, help_text=_("For example, CSP Manager.")
    )
    owner_member = forms.ModelChoiceField(
        label=_("Owner on the register (optional)"),
        queryset=Member.objects.none(),
        required=False,
        empty_label=_("Not linked to a member"),
        help_text=_("The member who reports progress on it."),
        error_messages={"invalid_choice": _("Choose one of the partnership's current members")},
    )
    owner_body = forms.ModelChoiceField(
        label=_("Owning body (optional)"),
        queryset=NominatingBody.objects.none(),
        required=False,
        empty_label=_("Not linked to a body"),
        error_messages={"invalid_choice": _("Choose one of the partnership's nominating bodies")},
    )
    resources = _text(_("Resources (optional)"))
    due_text = _text(
        _("By when (optional)"),
        300,
        textarea=False,
        help_text=_("As the plan writes it: April 2027 means the end of April; Ongoing means no date."),
    )
    outcomes = _text(_("Outcomes (optional)"))
    evaluation = _text(_("Evaluation (optional)"))
    wp_reference = _text(_("Work programme reference (optional)"), 200, textarea=False)
    milestone_text = _text(_("Milestone, as written (optional)"))

    def __init__(self, *args, plan, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = Section.objects.filter(plan=plan).order_by("position", "pk")
        self.fields["owner_member"].queryset = Member.objects.filter(
            partnership=plan.partnership, active=True
        ).select_related("person", "nominating_body")
        self.fields["owner_member"].label_from_instance = lambda m: f"{m.person.name}, {m.nominating_body.name}"
        self.fields["owner_body"].queryset = NominatingBody.objects.filter(partnership=plan.partnership)
        self.helper = _helper(
            Field.select("section"),
            Field.text("reference", field_width=10),
            Field.textarea("title", rows=3),
            Field.textarea("method", rows=3),
            Field.text("owner"),
            Field.select("owner_member"),
            Field.select("owner_body"),
            Field.textarea("resources", rows=2),
            Field.text("due_text", field_width=Fluid.TWO_THIRDS),
            Field.textarea("outcomes", rows=2),
            Field.textarea("evaluation", rows=2),
            Field.text("wp_reference", field_width=Fluid.TWO_THIRDS),
            Field.textarea("milestone_text", rows=2),
            submit=submit,
        )


class ActionDueForm(forms.Form):
    """The secretariat settles when an action is due: a date, or ongoing."""

    due = _optional_date(_("Due by"), _("Enter the date the action is due by"))
    is_ongoing = forms.BooleanField(label=_("Ongoing: it has no date"), required=False)
    due_text = _text(
        _("By when, as written (optional)"),
        300,
        textarea=False,
        help_text=_("Leave it as the plan wrote it, or write it again."),
    )

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper("due", Field.checkbox("is_ongoing"), Field.text("due_text"), submit=submit)


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=300, error_messages={"required": _("Enter the title of the milestone")}
    )
    due = _optional_date(_("Due by (optional)"), _("Enter the date the milestone is due by"))
    status = forms.ChoiceField(
        label=_("Status"),
        choices=RECORDED_STATUSES,
        widget=forms.RadioSelect,
        initial=RECORDED_STATUSES[0][0],
        help_text=_("Overdue is worked out from the due date."),
        error_messages={"required": _("Choose the milestone's status")},
    )
    completed_on = _optional_date(_("Completed on (optional)"), _("Enter the day the milestone was done"))

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("title"), "due", Field.radios("status", legend_size=Size.SMALL), "completed_on", submit=submit
        )


def megabytes(size: int) -> str:
    return gettext("%(count)s MB") % {"count": size // (1024 * 1024)}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Upload the plan"),
        error_messages={
            "required": _("Select a CSV file or an Excel workbook"),
            "empty": _("The selected file is empty"),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "A CSV file or an Excel workbook (.xlsx), %(size)s or smaller, its first row naming the columns."
        ) % {"size": megabytes(MAX_BYTES)}
        self.helper = _helper(Field("file"), submit=gettext("Preview the import"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                gettext("The selected file must be smaller than %(size)s") % {"size": megabytes(MAX_BYTES)}
            )
        return upload


class ConfirmImportForm(forms.Form):
    """Nothing to fill in: the button says how many actions it imports."""

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(submit=submit)
