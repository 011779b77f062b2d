"""Forms for actions arising from a decision: a new action on one of the partnership's plans,
or an action already on one, linked. The choices are the partnership's own plans, sections,
actions and current members; the rules (a lost decision, a link made twice) are the services'.
Every choice is a select, whose options Django escapes."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Fluid, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from actionplans.models import Action, ActionPlan, Section
from partnership.forms import DateField
from partnership.models import Member, Partnership

TITLE_LENGTH = 90


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    helper.layout = Layout(*fields, Button.primary("save", submit))
    return helper


def _short(text: str) -> str:
    return text if len(text) <= TITLE_LENGTH else f"{text[: TITLE_LENGTH - 1]}…"


class LabelledChoiceField(forms.ModelChoiceField):
    """A select of rows, each labelled by `label_of(row)`."""

    def __init__(self, *args, label_of, **kwargs):
        self.label_of = label_of
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.label_of(obj)


def _section_label(section: Section) -> str:
    return f"{section.plan.title}: {section}"


def _action_label(action: Action) -> str:
    return f"{action.plan.title}: {action.reference} {_short(action.title)}".replace("  ", " ")


def _member_label(member: Member) -> str:
    return f"{member.person.name}, {member.nominating_body.name}"


class ActionArisingForm(forms.Form):
    plan = LabelledChoiceField(
        queryset=ActionPlan.objects.none(),
        label=_("Action plan"),
        label_of=lambda plan: plan.title,
        empty_label=_("Choose a plan"),
        error_messages={
            "required": _("Choose the action plan"),
            "invalid_choice": _("Choose one of the partnership's plans"),
        },
    )
    section = LabelledChoiceField(
        queryset=Section.objects.none(),
        label=_("Section (optional)"),
        label_of=_section_label,
        required=False,
        empty_label=_("No section"),
        help_text=_("A section of the plan chosen above."),
        error_messages={"invalid_choice": _("Choose one of the plans' sections")},
    )
    title = forms.CharField(
        label=_("The action"),
        widget=forms.Textarea,
        help_text=_("What is to be done. It starts as the words of the decision; change them to the action."),
        error_messages={"required": _("Say what the action is")},
    )
    owner_member = LabelledChoiceField(
        queryset=Member.objects.none(),
        label=_("Owner on the board (optional)"),
        label_of=_member_label,
        required=False,
        empty_label=_("Nobody on the board"),
        help_text=_("A member who owns it can report its progress."),
        error_messages={"invalid_choice": _("Choose one of the partnership's current members")},
    )
    owner = forms.CharField(
        label=_("Who is responsible, as written (optional)"),
        max_length=300,
        required=False,
        help_text=_("For example, CSP Manager. Left empty, it is the owner's name."),
    )
    due = DateField(
        label=_("Due by (optional)"), required=False, required_message=_("Enter the date the action is due by")
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = ActionPlan.objects.filter(partnership=partnership).order_by("title", "pk")
        self.fields["section"].queryset = (
            Section.objects.filter(plan__partnership=partnership)
            .select_related("plan")
            .order_by("plan__title", "position", "pk")
        )
        self.fields["owner_member"].queryset = (
            Member.objects.filter(partnership=partnership, active=True)
            .select_related("person", "nominating_body")
            .order_by("person__name", "pk")
        )
        self.helper = _helper(
            Field.select("plan"),
            Field.select("section"),
            Field.textarea("title", rows=4),
            Field.select("owner_member"),
            Field.text("owner", field_width=Fluid.TWO_THIRDS),
            "due",
            submit=_("Add the action"),
        )


class LinkActionForm(forms.Form):
    action = LabelledChoiceField(
        queryset=Action.objects.none(),
        label=_("Action"),
        label_of=_action_label,
        empty_label=_("Choose an action"),
        error_messages={
            "required": _("Choose the action"),
            "invalid_choice": _("Choose an action on one of the plans"),
        },
    )

    def __init__(self, *args, partnership: Partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = (
            Action.objects.filter(plan__partnership=partnership)
            .select_related("plan")
            .order_by("plan__title", "position", "pk")
        )
        self.helper = _helper(Field.select("action"), submit=_("Link the action"))
