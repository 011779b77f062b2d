"""Forms for the meeting's record: attendance, others attending, declarations of interest and
decisions, laid out with the GOV.UK Design System.

Forms only check what was typed or chosen; the rules (who may vote, when attendance can be
recorded, what a substitute needs) are the services', and the views put a service's refusal on
the form. crispy-forms-gds writes labels and hints unescaped, so names typed into the
register are escaped here before they become one.

Follow-up answers (a substitute's name, a vote's counts, why the board let a member take part)
are shown always rather than revealed under a radio: GOV.UK Frontend marks a revealing radio
`aria-expanded`, which a radio may not carry (axe, WCAG 4.1.2). What is typed goes to the
service as typed, and the service says when it does not fit the answer."""

from dataclasses import dataclass

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import HTML, Button, Field, Fieldset, Fluid, Layout, Size
from django import forms
from django.utils.html import escape
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from partnership.models import Member

from .models import AttendanceStatus, DecisionMethod, InterestCategory, InterestKind, OtherAttendeeRole

MAX_VOTES = 999  # a board counts its votes in tens; this only stops a typing slip
# A text box for a number, as GOV.UK advises (and as crispy-forms-gds styles it).
NUMBER_BOX = forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"})


def _helper(*fields, submit: str) -> FormHelper:
    helper = FormHelper()
    helper.attrs = {"novalidate": ""}  # the GOV.UK error summary explains, not the browser's pop-ups
    helper.layout = Layout(*fields, Button.primary("save", submit))
    return helper


def seat_label(member: Member) -> str:
    return escape(f"{member.person.name}, {member.nominating_body.name}")


# Attendance.

SEAT_BREAK = '<hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible">'


@dataclass(frozen=True)
class AttendanceChange:
    member: Member
    status: str
    substitute_name: str


class AttendanceForm(forms.Form):
    """One question per seat: present, apologies, absent, or represented by a named substitute.
    A seat left unanswered is not recorded (apologies come in before the meeting, the rest on
    the day); only what changed is saved."""

    def __init__(self, *args, lines, **kwargs):
        self.lines = lines
        super().__init__(*args, initial=self._initial(lines), **kwargs)
        layout = []
        for line in lines:
            status, substitute = self.status_field(line.member), self.substitute_field(line.member)
            self.fields[status] = forms.ChoiceField(
                label=seat_label(line.member),
                choices=AttendanceStatus.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[substitute] = forms.CharField(
                label=escape(
                    gettext("Substitute who attended for %(name)s, if one did") % {"name": line.member.person.name}
                ),
                max_length=200,
                required=False,
                help_text=self._substitutes_hint(line),
            )
            layout += [
                Field.radios(status, legend_size=Size.SMALL, small=True, inline=True),
                Field.text(substitute, field_width=Fluid.TWO_THIRDS),
                HTML(SEAT_BREAK),
            ]
        self.helper = _helper(*layout, submit=_("Save attendance"))

    @staticmethod
    def status_field(member: Member) -> str:
        return f"status_{member.pk}"

    @staticmethod
    def substitute_field(member: Member) -> str:
        return f"substitute_name_{member.pk}"

    @classmethod
    def _initial(cls, lines) -> dict:
        initial = {}
        for line in lines:
            if line.attendance is not None:
                initial[cls.status_field(line.member)] = line.attendance.status
                initial[cls.substitute_field(line.member)] = line.attendance.substitute_name
        return initial

    @staticmethod
    def _substitutes_hint(line) -> str:
        names = [substitute.name for substitute in line.substitutes]
        if not names:
            return gettext("%(name)s has no substitute on the register.") % {"name": escape(line.member.person.name)}
        registered = ngettext("Registered substitute: %(names)s.", "Registered substitutes: %(names)s.", len(names))
        return escape(registered % {"names": ", ".join(names)})

    def changes(self) -> list[AttendanceChange]:
        """The seats whose answer differs from what is recorded."""
        found = []
        for line in self.lines:
            status = self.cleaned_data[self.status_field(line.member)]
            name = self.cleaned_data[self.substitute_field(line.member)].strip()
            if not status:
                continue
            kept_name = name if status == AttendanceStatus.SUBSTITUTE else ""  # as the service keeps it
            recorded = line.attendance
            if recorded is None or (recorded.status, recorded.substitute_name) != (status, kept_name):
                found.append(AttendanceChange(line.member, status, name))
        return found

    def refuse(self, member: Member, field: str | None, message: str) -> None:
        """A service's refusal, shown against the seat it was about."""
        name = self.substitute_field(member) if field == "substitute_name" else self.status_field(member)
        self.add_error(name, message)


class OtherAttendeeForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Enter the name of who attended")}
    )
    organisation = forms.CharField(label=_("Organisation (optional)"), max_length=200, required=False)
    role = forms.ChoiceField(
        label=_("Attended as"),
        choices=OtherAttendeeRole.choices,
        initial=OtherAttendeeRole.OFFICER,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether they attended as an officer, the block lead or a guest")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(
            Field.text("name"),
            Field.text("organisation"),
            Field.radios("role", legend_size=Size.SMALL),
            submit=_("Add to the record"),
        )


# Declarations of interest (ToR 7; the Code of Conduct's categories, seed 001).

PARTICIPATION_HINT = _(
    "Only for a prejudicial interest, when the board agreed that the member may take part in the decision "
    "despite it. Leave it empty and the minutes record that they withdrew."
)


class DeclarationForm(forms.Form):
    """An interest in an agenda item. The secretariat and the chair choose the member; a member
    declaring their own interest has no member to choose (`members=None`)."""

    member = forms.TypedChoiceField(
        label=_("Member declaring the interest"),
        coerce=int,
        error_messages={
            "required": _("Choose the member"),
            "invalid_choice": _("Choose one of the partnership's members"),
        },
    )
    agenda_item = forms.TypedChoiceField(
        label=_("Agenda item"),
        coerce=int,
        error_messages={
            "required": _("Choose the agenda item"),
            "invalid_choice": _("Choose an item on this meeting's agenda"),
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind of interest"),
        choices=InterestKind.choices,
        widget=forms.RadioSelect,
        help_text=_("A member with a prejudicial interest takes no part in the decision."),
        error_messages={"required": _("Say whether the interest is personal or prejudicial")},
    )
    participation_reason = forms.CharField(
        label=_("If the board agreed they may take part, why (optional)"),
        required=False,
        widget=forms.Textarea,
        help_text=PARTICIPATION_HINT,
    )
    category = forms.ChoiceField(
        label="What the interest touches (optional)",
        choices=InterestCategory.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    nature = forms.CharField(
        label="What the interest is",
        widget=forms.Textarea,
        help_text=_("For example: my partner manages the charity bidding for the grant."),
        error_messages={"required": _("Say what the interest is")},
    )

    def __init__(self, *args, items, members=None, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = {item.pk: item for item in items}
        self.fields["agenda_item"].choices = [("", _("Choose an item"))] + [
            (item.pk, f"{item.position}. {item.title}") for item in items
        ]
        layout = []
        if members is None:
            del self.fields["member"]
            self.members = {}
        else:
            self.members = {member.pk: member for member in members}
            self.fields["member"].choices = [("", _("Choose a member"))] + [
                (member.pk, f"{member.person.name}, {member.nominating_body.name}") for member in members
            ]
            layout.append(Field.select("member"))
        self.helper = _helper(
            *layout,
            Field.select("agenda_item"),
            Field.radios("kind", legend_size=Size.SMALL),
            Field.textarea("participation_reason", rows=3),
            Field.radios("category", legend_size=Size.SMALL),
            Field.textarea("nature", rows=4),
            submit=submit,
        )

    def clean_member(self):
        return self.members[self.cleaned_data["member"]]  # one of the choices, so one of these

    def clean_agenda_item(self):
        return self.items[self.cleaned_data["agenda_item"]]


class AgreeParticipationForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the board agreed they may take part"),
        widget=forms.Textarea,
        error_messages={"required": _("Record why the board agreed the member may take part")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(Field.textarea("reason", rows=4), submit=_("Record the board's agreement"))


# Decisions (ToR 5.6).


class DecisionForm(forms.Form):
    """A decision on an item: by consensus, or by a vote with its counts and who voted. Every
    member present is offered as a voter, including any with a prejudicial interest (marked
    as such): the service, not the form, refuses them, and says why."""

    text = forms.CharField(
        label=_("What was decided"),
        widget=forms.Textarea,
        error_messages={"required": _("Write down what was decided")},
    )
    method = forms.ChoiceField(
        label=_("How it was decided"),
        choices=DecisionMethod.choices,
        widget=forms.RadioSelect,
        initial=DecisionMethod.CONSENSUS,
        error_messages={"required": _("Say whether it was decided by consensus or by a vote")},
    )
    votes_for = forms.IntegerField(label=_("For"), min_value=0, max_value=MAX_VOTES, required=False, widget=NUMBER_BOX)
    votes_against = forms.IntegerField(
        label=_("Against"), min_value=0, max_value=MAX_VOTES, required=False, widget=NUMBER_BOX
    )
    abstentions = forms.IntegerField(
        label=_("Abstentions"), min_value=0, max_value=MAX_VOTES, required=False, widget=NUMBER_BOX
    )
    voters = forms.TypedMultipleChoiceField(
        label=_("Who voted, if it was a vote (optional)"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Members recorded as present or represented by a substitute. Name every voter, or none."),
    )

    def __init__(self, *args, present, withdrawn_ids, submit: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.present = {row.member_id: row.member for row in present}
        self.fields["voters"].choices = [self._voter_choice(row, withdrawn_ids) for row in present]
        counts = [Field.text(name, field_width=3) for name in ("votes_for", "votes_against", "abstentions")]
        self.helper = _helper(
            Field.textarea("text", rows=5),
            Field.radios("method", legend_size=Size.SMALL, inline=True),
            Fieldset(*counts, legend=_("Votes cast, if it was a vote"), legend_size=Size.SMALL),
            Field.checkboxes("voters", legend_size=Size.SMALL, small=True),
            submit=submit,
        )

    @staticmethod
    def _voter_choice(row, withdrawn_ids) -> Choice:
        member = row.member
        notes = []
        if row.substitute_name:
            notes.append(gettext("Represented by %(name)s.") % {"name": row.substitute_name})
        if member.pk in withdrawn_ids:
            notes.append(gettext("Declared a prejudicial interest in this item."))
        return Choice(member.pk, f"{member.person.name}, {member.nominating_body.name}", hint=" ".join(notes))

    def clean_voters(self):
        chosen = self.cleaned_data["voters"]
        return [self.present[pk] for pk in chosen]

    def decision(self) -> dict:
        """What to pass to services.record_decision or correct_decision; a count left empty is
        none."""
        data = self.cleaned_data
        return {
            "text": data["text"],
            "method": data["method"],
            "votes_for": data["votes_for"] or 0,
            "votes_against": data["votes_against"] or 0,
            "abstentions": data["abstentions"] or 0,
            "voters": data["voters"],
        }
