"""The partnership's register: the partnership and its rules, its terms of reference,
nominating bodies and their seats, people and the seats they hold, substitutes, offices and
withdrawal notices. Rules that span rows live in the services package."""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import AbstractUser, _user_has_perm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .personal_acts import PERSONAL_ACTS


class User(AbstractUser):
    """A login. Its person (if any) says which seats it holds."""

    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    def has_perm(self, perm, obj=None):
        if perm in PERSONAL_ACTS:
            return self.is_active and _user_has_perm(self, perm, obj)  # no superuser shortcut
        return super().has_perm(perm, obj)


class Nation(models.TextChoices):
    ENGLAND_AND_WALES = "england-and-wales", _("England and Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


RESERVED_SLUGS = {"new"}  # /partnerships/new/ is the page that adds a partnership


def not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(gettext("This web address is taken by the site. Choose another."))


def _between(low, high):
    return [MinValueValidator(low), MaxValueValidator(high)]


class Partnership(models.Model):
    slug = models.SlugField(
        unique=True,
        validators=[not_reserved],
        help_text=_("Used in web addresses, for example warwickshire-scp."),
    )
    name = models.CharField(max_length=200, unique=True)
    nation = models.CharField(
        max_length=20,
        choices=Nation.choices,
        default=Nation.ENGLAND_AND_WALES,
        help_text=_("Decides which bank holidays are not working days."),
    )
    secretariat_email = models.EmailField()
    aim = models.TextField(blank=True)
    objectives = models.TextField(blank=True, help_text=_("One objective a line."))
    how_to_attend = models.TextField(
        _("how to attend a public meeting"),
        blank=True,
        help_text=_(
            "What a resident needs to know to come to a meeting held in public: where, how to "
            "ask a question, access needs. Shown on the public site."
        ),
    )
    agenda_notice_working_days = models.PositiveSmallIntegerField(
        default=5,
        validators=_between(1, 30),
        help_text=_("Agenda and papers go to members at least this many working days before a meeting (ToR 5.7)."),
    )
    minutes_working_days = models.PositiveSmallIntegerField(
        default=10,
        validators=_between(1, 60),
        help_text=_("Minutes are approved by the chair and circulated within this many working days (ToR 5.8)."),
    )
    chair_term_years = models.PositiveSmallIntegerField(
        default=2,
        validators=_between(1, 5),
        help_text=_("Length of a chair's or vice chair's term, in years (ToR 5.2)."),
    )
    min_meetings_per_year = models.PositiveSmallIntegerField(
        default=5, validators=_between(1, 52), help_text=_("The partnership meets at least this often (ToR 5.1).")
    )
    min_public_meetings_per_year = models.PositiveSmallIntegerField(
        default=1, validators=_between(0, 52), help_text=_("Meetings held in public each year, at least.")
    )
    withdrawal_notice_months = models.PositiveSmallIntegerField(
        default=12,
        validators=_between(1, 36),
        help_text=_("Notice a nominating body gives before it withdraws (ToR 9)."),
    )
    quorum = models.PositiveSmallIntegerField(
        default=5,
        validators=_between(1, 50),
        help_text=_("Members present (or represented by a named substitute) for the meeting to be quorate."),
    )
    absence_threshold = models.PositiveSmallIntegerField(
        _("persistent absence"),
        default=3,
        validators=_between(1, 12),
        help_text=_(
            "A member who misses this many meetings in 12 months (apologies or absent, not substituted) "
            "is flagged for persistent failure to attend."
        ),
    )
    count_clear_days = models.BooleanField(
        _("count clear days"),
        default=False,
        help_text=_("Leave out the day of sending and the day of the meeting when counting working days."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(agenda_notice_working_days__gte=1)
                & Q(minutes_working_days__gte=1)
                & Q(chair_term_years__gte=1)
                & Q(min_meetings_per_year__gte=1)
                & Q(withdrawal_notice_months__gte=1),
                name="partnership_rule_numbers_positive",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership:register", kwargs={"slug": self.slug})

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def term_end(self, starts_on: datetime.date) -> datetime.date:
        """Last day of a chair's or vice chair's term that starts on `starts_on`."""
        return starts_on + relativedelta(years=self.chair_term_years) - datetime.timedelta(days=1)

    def withdrawal_effective_on(self, given_on: datetime.date) -> datetime.date:
        return given_on + relativedelta(months=self.withdrawal_notice_months)


class ClosureDay(models.Model):
    """A day the partnership's offices are shut besides bank holidays (Christmas Eve, say): not
    a working day when its deadlines are counted."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="closure_days")
    date = models.DateField()
    name = models.CharField(max_length=100, help_text=_("For example Christmas Eve."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["partnership", "date"], name="one_closure_a_day")]

    def __str__(self):
        return f"{self.name} ({date_format(self.date, 'j F Y')})"


class SecretariatMembership(models.Model):
    """A login that runs one partnership's secretariat."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="secretariat")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="secretariat_of")

    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="one_secretariat_row_per_user"),
        ]

    def __str__(self):
        return gettext("%(user)s – secretariat of %(partnership)s") % {
            "user": self.user,
            "partnership": self.partnership,
        }


class TermsOfReference(models.Model):
    """One dated version of the terms of reference, reviewed every year (ToR 10)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="terms_of_reference")
    version = models.CharField(max_length=40, help_text=_("For example 2026 or 3.1."))
    adopted_on = models.DateField()
    next_review_on = models.DateField(help_text=_("Reviewed every year: a year after adoption unless set."))
    text = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-adopted_on"]
        verbose_name = _("terms of reference")
        verbose_name_plural = _("terms of reference")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "version"], name="one_terms_version_per_partnership"),
            models.CheckConstraint(
                condition=Q(next_review_on__gt=models.F("adopted_on")), name="terms_review_after_adoption"
            ),
        ]

    def __str__(self):
        return gettext("Terms of reference %(version)s") % {"version": self.version}


class NominatingBody(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="nominating_bodies")
    name = models.CharField(max_length=200)
    seats = models.PositiveSmallIntegerField(
        default=1, validators=_between(1, 50), help_text=_("How many representatives this body may have.")
    )
    is_responsible_authority = models.BooleanField(
        default=False, help_text=_("A responsible authority under the Crime and Disorder Act 1998.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("nominating bodies")
        constraints = [
            models.UniqueConstraint(
                "partnership",
                Lower("name"),
                name="one_body_name_per_partnership",
                violation_error_message=_("This partnership already has a nominating body with that name."),
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="body_has_a_seat"),
        ]

    def __str__(self):
        return self.name


class Person(models.Model):
    """One individual, who may hold seats on several partnerships, with one login."""

    name = models.CharField(max_length=200)
    email = models.EmailField()
    user = models.OneToOneField(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="person")

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("people")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="one_person_per_email",
                violation_error_message=_("Someone with that email address is already on the register."),
            ),
        ]

    def __str__(self):
        return self.name


class Member(models.Model):
    """A person's seat on one partnership for one nominating body."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="members")
    nominating_body = models.ForeignKey(NominatingBody, on_delete=models.PROTECT, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="seats")
    role_in_body = models.CharField(
        max_length=200, blank=True, help_text=_("For example Community Protection portfolio holder.")
    )
    is_senior = models.BooleanField(
        _("senior officer or board member"), default=True, help_text=_("Representatives are senior (ToR 4.2).")
    )
    is_elected_member = models.BooleanField(_("elected member"), default=False)
    is_designated_liaison_officer = models.BooleanField(_("designated liaison officer"), default=False)
    active = models.BooleanField(default=True)
    # Set and cleared by the chair's decisions on a breach of the Code (governance); the
    # meetings' services and pages read it.
    withdrawn_from_business_since = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["nominating_body__name", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "person"],
                condition=Q(active=True),
                name="one_active_seat_per_person_per_partnership",
                violation_error_message=_("This person already holds a seat on this partnership."),
            ),
        ]

    def __str__(self):
        return f"{self.person.name} ({self.nominating_body.name})"

    @property
    def name(self):
        return self.person.name

    @property
    def email(self):
        return self.person.email

    @property
    def is_withdrawn_from_business(self) -> bool:
        """Required by the chair to withdraw from partnership business (the Code of Conduct's
        Compliance section, seed 001) until the breach is resolved."""
        return self.withdrawn_from_business_since is not None


class Substitute(models.Model):
    """A named substitute who may attend in a member's place (ToR 3.2)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="substitutes")
    name = models.CharField(max_length=200)
    email = models.EmailField(blank=True)
    role_in_body = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return gettext("%(name)s, substitute for %(member)s") % {"name": self.name, "member": self.member.person.name}


class OfficeRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice chair")


class Office(models.Model):
    """A term as chair or vice chair, from starts_on to ends_on, both days included."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="offices")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="offices")
    role = models.CharField(max_length=20, choices=OfficeRole.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(help_text=_("Leave blank for a full term."))

    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "role"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="office_ends_after_start"),
            models.UniqueConstraint(
                fields=["partnership", "role", "starts_on"],
                name="one_office_holder_per_start",
                violation_error_message=_("Someone already takes up this office on that day."),
            ),
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.member.person.name}"


class WithdrawalNotice(models.Model):
    """A nominating body's notice that it will leave the partnership (ToR 9)."""

    nominating_body = models.ForeignKey(NominatingBody, on_delete=models.CASCADE, related_name="withdrawal_notices")
    given_on = models.DateField()
    effective_on = models.DateField()
    notes = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-given_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_on__gt=models.F("given_on")), name="withdrawal_takes_effect_later"
            ),
        ]

    def __str__(self):
        return gettext("%(body)s withdraws on %(date)s") % {
            "body": self.nominating_body.name,
            "date": date_format(self.effective_on, "j F Y"),
        }


from .models_audit import AuditEvent, AuditKind  # noqa: E402, F401
from .models_notifications import Notification, NotificationStatus  # noqa: E402, F401
from .models_sessions import UserSession  # noqa: E402, F401
