"""Offering a paper for a meeting."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms

from .models import Purpose


class SubmissionForm(forms.Form):
    title = forms.CharField(max_length=300, error_messages={"required": "Enter the paper's title"})
    purpose = forms.ChoiceField(
        choices=Purpose.choices, initial=Purpose.DISCUSSION, widget=forms.RadioSelect, label="What is it for?"
    )
    presenter = forms.CharField(max_length=200, required=False, label="Who will present it (optional)")
    summary = forms.CharField(
        widget=forms.Textarea, error_messages={"required": "Say in a few lines what the paper is about"}
    )
    recommendations = forms.CharField(widget=forms.Textarea, required=False, label="Recommendations (optional)")
    upload = forms.FileField(
        required=False,
        label="The paper (optional)",
        help_text="A PDF, Word (DOCX), Excel (XLSX) or OpenDocument text (ODT) file.",
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
            Button.primary("save", "Send to the secretariat"),
        )
