"""Rows for tests, named as in the Warwickshire terms of reference (seed 001)."""

import datetime

import factory
from django.utils import timezone

from governance.models import ConductDocument, ConductDocumentKind
from partnership.models import (
    Member,
    NominatingBody,
    Notification,
    Office,
    OfficeRole,
    Partnership,
    Person,
    SecretariatMembership,
    Substitute,
    TermsOfReference,
    User,
)

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password(PASSWORD)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    name = factory.Sequence(lambda n: f"Safer Communities Partnership {n}")
    slug = factory.Sequence(lambda n: f"scp-{n}")
    secretariat_email = factory.LazyAttribute(lambda p: f"secretariat@{p.slug}.example.org")
    aim = "To create safer communities through the reduction of crime and the promotion of safety."
    objectives = "To agree county-wide strategy and targets\nTo manage performance"


class NominatingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NominatingBody

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Nominating body {n}")
    seats = 1


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Representative {n}")
    email = factory.Sequence(lambda n: f"representative{n}@example.org")


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    nominating_body = factory.SubFactory(NominatingBodyFactory)
    partnership = factory.LazyAttribute(lambda m: m.nominating_body.partnership)
    person = factory.SubFactory(PersonFactory)
    role_in_body = "Head of Community Safety"


class SubstituteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Substitute

    member = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Substitute {n}")
    email = factory.Sequence(lambda n: f"substitute{n}@example.org")


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    member = factory.SubFactory(MemberFactory)
    partnership = factory.LazyAttribute(lambda o: o.member.partnership)
    role = OfficeRole.CHAIR
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyAttribute(lambda o: o.partnership.term_end(o.starts_on))


class TermsOfReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TermsOfReference

    partnership = factory.SubFactory(PartnershipFactory)
    version = factory.Sequence(lambda n: f"{2020 + n}")
    adopted_on = datetime.date(2026, 4, 1)
    next_review_on = datetime.date(2027, 4, 1)


class SecretariatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SecretariatMembership

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)


class ConductDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConductDocument

    partnership = factory.SubFactory(PartnershipFactory)
    kind = ConductDocumentKind.CODE_OF_CONDUCT
    title = "Code of Conduct for Partnership Working"
    version = "1"
    text = "Partners shall put the customers of the partnership at the centre of their work."
    in_force_from = datetime.date(2020, 1, 1)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A board meeting; use meetings.services.schedule_meeting when the standing items matter."""

    class Meta:
        model = "meetings.Meeting"

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Board meeting"
    date = datetime.date(2027, 6, 15)  # a Tuesday with no holiday near
    start_time = datetime.time(14, 0)
    place = "Shire Hall, Warwick"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 10)
    title = factory.Sequence(lambda n: f"Quarterly performance report {n}")
    purpose = "discussion"


class NotificationFactory(factory.django.DjangoModelFactory):
    """An email recorded in the outbox, waiting to be sent."""

    class Meta:
        model = Notification

    kind = "agenda_due_soon"
    about = factory.Sequence(lambda n: f"meeting:{n}")
    occasion = "2027-06-08"
    recipient_email = "member@example.org"
    subject = "The agenda is due"
    body_text = "Due."
    body_html = "<p>Due.</p>"
    link = "https://example.org/"
    created_at = factory.LazyFunction(timezone.now)
