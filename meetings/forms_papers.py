"""Forms for papers, their cover sheet (seed 002) and their files, in GOV.UK style. Forms only
check what was typed or chosen; the services decide everything else (a file's kind by its
content, its size, a late paper's reason)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Paper, Purpose
from .uploads import megabytes

COVER_SHEET = (
    "title",
    "prepared_by",
    "presenting",
    "leading_partners",
    "summary",
    "recommendations",
    "financial_hr_implications",
    "equality_implications",
)
LABELS = {
    "title": _("Title of paper"),
    "prepared_by": _("Prepared by"),
    "presenting": _("Presenting at the meeting"),
    "leading_partners": _("Leading partner or partners"),
    "summary": _("Summary of content and issues raised"),
    "recommendations": _("Recommendations"),
    "financial_hr_implications": _("Financial and HR implications"),
    "equality_implications": _("Promotion of equality and diversity"),
}
HINTS = {
    "presenting": _("Who presents the paper, if someone does."),
    "leading_partners": _("For example, All, or Police and County Council."),
    "financial_hr_implications": _("Write None if there are none."),
    "equality_implications": _("Write None if there are none."),
}


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.layout = Layout(*fields, Button.primary("save", submit))
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    return helper


def _cover_field(name: str) -> forms.Field:
    field = Paper._meta.get_field(name).formfield(label=LABELS[name], help_text=HINTS.get(name, ""))
    if not field.required:
        field.label = _("%(label)s (optional)") % {"label": field.label}
    if name == "title":
        field.error_messages["required"] = _("Enter the title of the paper")
    return field


class PaperForm(forms.Form):
    """The cover sheet. `late` asks for the reason a paper is late (after the agenda went out)."""

    def __init__(self, *args, late: bool = False, submit: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in COVER_SHEET:
            self.fields[name] = _cover_field(name)
        self.fields["purpose"] = forms.ChoiceField(
            label=_("Purpose of paper"),
            choices=Purpose.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Select the purpose of the paper")},
        )
        late_fields = []
        if late:
            self.fields["late_reason"] = forms.CharField(
                label=_("Why is this paper late?"),
                help_text=_("The agenda and papers have gone out. Say why this paper could not go with them."),
                widget=forms.Textarea,
                error_messages={"required": _("Say why the paper is late")},
            )
            late_fields = [Field.textarea("late_reason", rows=3)]
        self.helper = _helper(
            *late_fields,
            Field.text("title"),
            Field.text("prepared_by", field_width=Fluid.TWO_THIRDS),
            Field.text("presenting", field_width=Fluid.TWO_THIRDS),
            Field.text("leading_partners", field_width=Fluid.TWO_THIRDS),
            Field.textarea("summary", rows=5),
            Field.textarea("recommendations", rows=4),
            Field.textarea("financial_hr_implications", rows=3),
            Field.textarea("equality_implications", rows=3),
            Field.radios("purpose", legend_size=Size.SMALL),
            submit=submit or _("Save the paper"),
        )


class PaperFileForm(forms.Form):
    file = forms.FileField(
        label=_("Upload a file"),
        error_messages={"required": _("Select a file"), "empty": _("The selected file is empty")},
    )

    def __init__(self, *args, max_bytes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A PDF, Word document (DOCX), Excel workbook (XLSX) or OpenDocument text (ODT), "
            "%(limit)s or smaller. PDFs are added to the agenda pack."
        ) % {"limit": megabytes(max_bytes)}
        self.helper = _helper(Field("file"), submit=_("Upload the file"))


class RemoveForm(forms.Form):
    """Nothing to fill in: the button says what it does."""

    def __init__(self, *args, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        helper = FormHelper()
        helper.layout = Layout(Button.warning("remove", submit))
        self.helper = helper
