"""The one box two-factor pages ask for: the 6-digit code from an authenticator app. The form
checks only what was typed; whether the code is right is two_factor.py's to say."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("The 6-digit code the app shows for this service, for example 123456."),
        error_messages={"required": _("Enter the 6-digit code from your authenticator app")},
        max_length=20,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}),
    )

    def clean_code(self):
        # Apps show the code as "123 456"; people copy it with the space, or type a dash.
        code = re.sub(r"[\s-]", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise ValidationError(_("The code must be 6 digits, for example 123456"), code="invalid")
        return code
