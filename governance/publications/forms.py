"""The public search form: words to look for, and optionally one kind of publication."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models_publications import PublicationKind
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

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""
