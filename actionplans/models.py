"""Action plans as partnerships already keep them (seeds 002 and 004): a plan in lettered
sections, each action with who is responsible as written, when as written (and as a date when
the words give one), its milestones and the progress reported on it (ToR 6.1)."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from partnership.models import Member, NominatingBody, Partnership


class ActionPlan(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="action_plans")
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    is_published = models.BooleanField(
        default=False, help_text=gettext_lazy("Its summary is on the public site, published by the secretariat.")
    )
    published_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "title", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="one_plan_title_per_partnership"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="plan_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return self.title


class Section(models.Model):
    """A group of actions: "B. Relationships", or a heading such as "Lead and Guide"."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    code = models.CharField(max_length=20, blank=True, help_text='Its letter or number, such as "B".')
    title = models.CharField(max_length=300)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return f"{self.code}. {self.title}" if self.code else self.title


class Action(models.Model):
    """One row of a plan. The columns of both seeds: 004's improvement needed, method, who,
    resources, by when, outcomes, evaluation and work-programme reference; 002's issue,
    action, when and milestone."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions")
    position = models.PositiveIntegerField()
    reference = models.CharField(max_length=30, blank=True, help_text='Its number in the plan, such as "(a)".')
    title = models.TextField("improvement needed, or the issue")
    method = models.TextField("how it will be achieved, or the action", blank=True)
    owner = models.CharField("who is responsible, as written", max_length=300, blank=True)
    owner_member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_owned"
    )
    owner_body = models.ForeignKey(
        NominatingBody, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions_owned"
    )
    resources = models.TextField(blank=True)
    due_text = models.CharField("by when, as written", max_length=300, blank=True)
    due = models.DateField(null=True, blank=True, help_text='The date the words give; none for "Ongoing".')
    is_ongoing = models.BooleanField(default=False)
    due_needs_checking = models.BooleanField(
        default=False, help_text="The words could not be read as a date: the secretariat should set one."
    )
    outcomes = models.TextField(blank=True)
    evaluation = models.TextField(blank=True)
    wp_reference = models.CharField("work programme reference", max_length=200, blank=True)
    milestone_text = models.TextField("milestone, as written", blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_ongoing=False) | Q(due__isnull=True), name="an_ongoing_action_has_no_date"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title[:80]}".strip()


class MilestoneStatus(models.TextChoices):
    NOT_STARTED = "not_started", gettext_lazy("Not started")
    ON_TRACK = "on_track", gettext_lazy("On track")
    AT_RISK = "at_risk", gettext_lazy("At risk")
    OVERDUE = "overdue", gettext_lazy("Overdue")
    DONE = "done", gettext_lazy("Done")


# Stored statuses: "overdue" is never stored, it is computed from the due date (API.md).
RECORDED_STATUSES = [choice for choice in MilestoneStatus.choices if choice[0] != MilestoneStatus.OVERDUE]


class Milestone(models.Model):
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=300)
    due = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=RECORDED_STATUSES, default=MilestoneStatus.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "due", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(status="overdue"), name="overdue_is_computed_not_stored"),
            models.CheckConstraint(
                condition=Q(status="done") | Q(completed_on__isnull=True), name="only_a_done_milestone_is_completed"
            ),
        ]

    def __str__(self):
        return self.title

    def status_on(self, day: datetime.date) -> str:
        """A milestone past due and not done is overdue (API.md)."""
        if self.status != MilestoneStatus.DONE and self.due is not None and self.due < day:
            return MilestoneStatus.OVERDUE
        return self.status

    @property
    def current_status(self) -> str:
        return self.status_on(timezone.localdate())


class ProgressUpdate(models.Model):
    """What was done, reported by the owner or the secretariat, with its evidence."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="progress")
    milestone = models.ForeignKey(Milestone, null=True, blank=True, on_delete=models.SET_NULL, related_name="progress")
    reported_on = models.DateField()
    text = models.TextField()
    evidence = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=RECORDED_STATUSES, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-reported_on", "-pk"]

    def __str__(self):
        return f"{self.reported_on}: {self.text[:60]}"


from .models_reports import QuarterlyReport  # noqa: E402, F401
