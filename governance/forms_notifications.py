"""The status the partnership's notifications page is filtered by, given in the address
(?status=failed)."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from partnership.models import NotificationStatus

UNKNOWN_STATUS = _("Choose a status from the list: waiting to be sent, being sent, sent, or could not be sent.")


class NotificationStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *NotificationStatus.choices],
        required=False,
        error_messages={"invalid_choice": UNKNOWN_STATUS},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.attrs = {"novalidate": "", "aria-label": _("Filter the notifications")}
        self.helper.layout = Layout(Field.select("status"), Button.secondary("filter", _("Show")))
