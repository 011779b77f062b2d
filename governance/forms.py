"""Forms for what a member does about the partnership's codes."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class AcknowledgementForm(forms.Form):
    """One checkbox per conduct document awaiting the member. Whether enough were ticked is the
    service's rule (acknowledge_conduct_documents), not the form's."""

    documents = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "govuk-checkboxes__input"}),
        label=gettext_lazy("Confirm you have read each code"),
    )

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["documents"]
        field.queryset = documents
        field.label_from_instance = lambda document: (
            _("I have read the %(title)s and will follow it") % {"title": document.title}
        )
