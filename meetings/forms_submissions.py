"""Offering a paper for a meeting."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Purpose


class SubmissionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, error_messages={"required": _("Enter the paper's title")})
    purpose = forms.ChoiceField(
        choices=Purpose.choices, initial=Purpose.DISCUSSION, widget=forms.RadioSelect, label=_("What is it for?")
    )
    presenter = forms.CharField(max_length=200, required=False, label=_("Who will present it (optional)"))
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea,
        error_messages={"required": _("Say in a few lines what the paper is about")},
    )
    recommendations = forms.CharField(widget=forms.Textarea, required=False, label=_("Recommendations (optional)"))
    upload = forms.FileField(
        required=False,
        label=_("The paper (optional)"),
        help_text=_("A PDF, Word (DOCX), Excel (XLSX) or OpenDocument text (ODT) file."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            Field.text("title"),
            Field.radios("purpose", legend_size="s"),
            Field.text("presenter"),
            Field.textarea("summary", rows=5),
            Field.textarea("recommendations", rows=4),
            Field("upload"),
            Button.primary("save", _("Send to the secretariat")),
        )
