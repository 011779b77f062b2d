"""Rows of the action-plan tests, in the words of seeds 002 and 004."""

import factory

from actionplans.models import Action, ActionPlan, Milestone, MilestoneStatus, ProgressUpdate, Section
from tests.factories import PartnershipFactory


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Partnership action plan {n}")


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(ActionPlanFactory)
    position = factory.Sequence(lambda n: n + 1)
    code = "B"
    title = "Relationships"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ActionPlanFactory)
    section = None
    position = factory.Sequence(lambda n: n + 1)
    reference = "(a)"
    title = "Clarify roles and responsibilities of partners"
    method = "Agree a protocol between partners"
    owner = "CSP Manager"


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    action = factory.SubFactory(ActionFactory)
    title = "Protocol drafted"
    status = MilestoneStatus.NOT_STARTED


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    reported_on = factory.Faker("past_date")
    text = "Protocol agreed by the board."
