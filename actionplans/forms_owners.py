"""The "Link owners" page's form: one per way an owner is written, choosing the member and the
nominating body its actions are linked to. The choices are given, loaded once for the page."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from partnership.models import Member, NominatingBody


class OwnerLinkForm(forms.Form):
    owner = forms.CharField(
        widget=forms.HiddenInput,
        max_length=300,
        strip=False,
        error_messages={"required": _("Say whose actions to link: reload the page and try again.")},
    )
    member = forms.TypedChoiceField(
        label=_("Member"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose one of the partnership's current members")},
    )
    body = forms.TypedChoiceField(
        label=_("Nominating body"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose one of the partnership's nominating bodies")},
    )

    def __init__(self, *args, legend: str, members: list[Member], bodies: list[NominatingBody], index: int, **kwargs):
        super().__init__(*args, auto_id=f"owner-{index}-%s", **kwargs)
        self.members = {member.pk: member for member in members}
        self.bodies = {body.pk: body for body in bodies}
        self.fields["member"].choices = [("", gettext("Not linked to a member"))] + [
            (member.pk, f"{member.person.name}, {member.nominating_body.name}") for member in members
        ]
        self.fields["body"].choices = [("", gettext("Not linked to a body"))] + [
            (body.pk, body.name) for body in bodies
        ]
        self.helper = FormHelper()
        self.helper.form_tag = False  # the page writes the form and its button, naming the owner
        self.helper.layout = Layout(
            "owner", Fieldset(Field.select("member"), Field.select("body"), legend=legend, legend_size=Size.SMALL)
        )

    def clean_member(self):
        return self.members.get(self.cleaned_data["member"])

    def clean_body(self):
        return self.bodies.get(self.cleaned_data["body"])
