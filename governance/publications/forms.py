"""The public search form: words to look for, and optionally one kind of publication."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models_publications import PublicationKind
from .clean_text import without_control_characters
from .search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Search for %(limit_value)d characters or fewer (you entered %(show_value)d).")
        },
    )
    kind = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("Everything published")), *PublicationKind.choices]
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "q" in data:  # control characters mean nothing; search.py marks matches with two
            data = data.copy()
            data["q"] = without_control_characters(data["q"])
        super().__init__(data, *args, **kwargs)

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""
