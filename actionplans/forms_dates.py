"""The "Check the dates" page's forms: one row per action whose date needs checking, each its
own prefix so every field has its own id, prefilled with the date its words suggest."""

import datetime

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.forms import DateField

from .dates import find_date_in
from .models import Action

SUGGESTED = _("Suggested from the words")


def suggested_due(action: Action) -> datetime.date | None:
    """The one date "by when" mentions, or failing that the milestone as written."""
    return find_date_in(action.due_text) or find_date_in(action.milestone_text)


class ActionDatesForm(forms.Form):
    due = DateField(label=_("Due by"), required=False, required_message=_("Enter the date the action is due by"))
    is_ongoing = forms.BooleanField(label=_("Ongoing (no date)"), required=False)

    def __init__(self, *args, action: Action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        # Every row's date has the same words; the hidden ones say which action it is (escaped: labels render as HTML).
        self.fields["due"].label = format_html(
            '{}<span class="govuk-visually-hidden">, {}</span>',
            gettext("Due by"),
            gettext("action %(action)s") % {"action": action},
        )
        if self.initial.get("due"):
            self.fields["due"].help_text = SUGGESTED
        self.helper = FormHelper()
        self.helper.form_tag = False  # one form for every row, one button
        self.helper.layout = Layout("due", Field.checkbox("is_ongoing"))


class BaseActionDatesFormSet(forms.BaseFormSet):
    """One form per action given, however many the submitted page had: an action flagged since
    the page was shown comes back empty, so it stays flagged."""

    def __init__(self, data=None, *, actions: list[Action], **kwargs):
        self.actions = actions
        initial = [{"due": suggested_due(action)} for action in actions]
        super().__init__(data, initial=initial, prefix="dates", **kwargs)

    def total_form_count(self) -> int:
        return len(self.actions)

    def add_prefix(self, index) -> str:
        if isinstance(index, int):
            return f"action-{self.actions[index].pk}"
        return super().add_prefix(index)

    def get_form_kwargs(self, index) -> dict:
        return {"action": self.actions[index]}

    def dues(self) -> dict[Action, tuple[datetime.date | None, bool]]:
        """What the valid rows settle: a date, or ongoing. A row left empty keeps its flag."""
        given = ((form.action, form.cleaned_data["due"], form.cleaned_data["is_ongoing"]) for form in self.forms)
        return {action: (due, is_ongoing) for action, due, is_ongoing in given if due is not None or is_ongoing}


ActionDatesFormSet = forms.formset_factory(ActionDatesForm, formset=BaseActionDatesFormSet, extra=0)
