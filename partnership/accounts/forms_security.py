"""Django's password forms laid out with the GOV.UK Design System, with messages in plain words;
and the filter of the audit log page."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms
from django.contrib.auth.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from ..models_audit import AuditKind

NEW_PASSWORD_HINT = _(
    "At least 12 characters. Not a common password, not only numbers, and not like your name or username. "
    "A few random words together make a good one."
)
PASSWORDS_DIFFER = _("The two new passwords are different: type the same password in both boxes")
UNKNOWN_KIND = _("Choose what happened from the list")


def _helper(*fields, submit: str, method: str = "post", label: str | None = None) -> FormHelper:
    helper = FormHelper()
    helper.form_method = method
    helper.layout = Layout(
        *fields, Button.primary("save", submit) if method == "post" else Button.secondary("filter", submit)
    )
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    if label:
        helper.attrs["aria-label"] = label
    return helper


def _password(name: str, autocomplete: str):
    return Field.text(name, field_width=Fluid.TWO_THIRDS, autocomplete=autocomplete, spellcheck="false")


def _new_password_fields(form) -> None:
    form.fields["new_password1"].label = _("New password")
    form.fields["new_password1"].help_text = NEW_PASSWORD_HINT
    form.fields["new_password1"].error_messages["required"] = _("Enter a new password")
    form.fields["new_password2"].label = _("Confirm the new password")
    form.fields["new_password2"].help_text = ""
    form.fields["new_password2"].error_messages["required"] = _("Type the new password again")
    form.error_messages["password_mismatch"] = PASSWORDS_DIFFER


class GovukPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Your current password")
        self.fields["old_password"].error_messages["required"] = _("Enter your current password")
        self.error_messages["password_incorrect"] = _("Your current password is not right: type it again")
        _new_password_fields(self)
        self.helper = _helper(
            _password("old_password", "current-password"),
            _password("new_password1", "new-password"),
            _password("new_password2", "new-password"),
            submit=_("Change password"),
        )


class GovukSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _new_password_fields(self)
        self.helper = _helper(
            _password("new_password1", "new-password"),
            _password("new_password2", "new-password"),
            submit=_("Reset password"),
        )


class GovukPasswordResetForm(PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        email = self.fields["email"]
        email.label = _("Email address")
        email.help_text = _("The address the partnership's secretariat has for you")
        email.error_messages["required"] = _("Enter your email address")
        email.error_messages["invalid"] = _("Enter an email address in the correct format, like name@example.org")
        self.helper = _helper(
            Field.text("email", field_width=Fluid.TWO_THIRDS, spellcheck="false"),
            submit=_("Send the link"),
        )


class AuditLogFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened"),
        choices=[("", _("Anything")), *AuditKind.choices],
        required=False,
        error_messages={"invalid_choice": UNKNOWN_KIND},
    )
    username = forms.CharField(label=_("Username"), max_length=150, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.select("kind"),
            Field.text("username", field_width=Fluid.ONE_THIRD, spellcheck="false", autocomplete="off"),
            submit=_("Show"),
            method="get",
            label=_("Filter the audit log"),
        )
