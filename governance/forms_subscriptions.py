"""The one box a resident fills in to subscribe: their email address. The service checks it
again (services_subscriptions.py) and the view adds its message to the form."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from .services_subscriptions import BAD_EMAIL

EMAIL_REQUIRED = _("Enter your email address")


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We will email you a link to confirm your subscription. Your address is never published."),
        max_length=254,
        error_messages={"required": EMAIL_REQUIRED, "invalid": BAD_EMAIL, "max_length": BAD_EMAIL},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
        self.helper.layout = Layout(
            Field.text("email", field_width=20, autocomplete="email", spellcheck="false"),
            Button.primary("subscribe", _("Subscribe")),
        )
