"""The cast and the records of the permission matrix (no tests here): the Warwickshire partnership
with one record of every kind a URL names, each in a state where its page exists, and the roles
that ask for them. Built once per module through the same services the pages call, so every
state (a circulated agenda, confirmed and published minutes) is one the site can really reach."""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.authtoken.models import Token

from actionplans.importing.kept_files import SESSION_KEY, stored_name
from actionplans.services.actions import add_action
from actionplans.services.milestones import add_milestone
from actionplans.services.plans import add_section, create_plan
from actionplans.services.publication import publish_plan
from governance.models_registers import InterestCategory
from governance.models_subscriptions import Subscription
from governance.services_registers import record_breach, register_interest
from meetings import services
from meetings.models import Attendance, Meeting, Minutes
from meetings.models_feeds import CalendarFeed
from meetings.services.actions_arising import add_action_arising
from meetings.services.submissions import submit_paper
from meetings.services.work_programme import add_work_item
from meetings.services.writing import open_written_proposal
from partnership.models import Notification
from partnership.models_sessions import UserSession
from tests.factories import (
    ConductDocumentFactory,
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SecretariatFactory,
    SubstituteFactory,
    TermsOfReferenceFactory,
    UserFactory,
)
from tests.meetings.papers_support import pdf_bytes

LONDON = ZoneInfo("Europe/London")
PUBLISHED_DAY = datetime.date(2026, 10, 13)  # held, minutes confirmed and published
RECORDED_DAY = datetime.date(2026, 11, 17)  # held last week, record kept, minutes in draft
UPCOMING_DAY = datetime.date(2027, 6, 15)  # ahead, agenda being built
IMPORT_TOKEN = "matrix-import-token-0123456789ab"  # 32 characters, as kept_files makes them
# Words of the Warwickshire records nobody outside the partnership may read, whichever page or
# list an outsider is shown (their home page, an API list filtered to their partnerships).
PRIVATE_WORDS = (
    "Dr Gita Guest",
    "A relative works for a provider",
    "Adopt the partnership plan",
    "Partnership plan 2027 to 2030",
    "Performance, quarter 2",
    "Knife crime",
    "Strategic assessment",
    "Bid for the safer streets fund",
    "Trustee of a youth charity",
    "Disclosed a confidential paper",
    "Deputy Member",
)
ROLES = ("anonymous", "member", "chair", "secretariat", "other_secretariat", "staff")


def at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LONDON)


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (anonymous: None)
    tokens: dict = field(default_factory=dict)  # role -> API token key
    kwargs: dict = field(default_factory=dict)  # name of a URL kwarg or object -> value


def _cast(world: World, warwickshire, other):
    county = NominatingBodyFactory(partnership=warwickshire, name="Warwickshire County Council", seats=1)
    police = NominatingBodyFactory(partnership=warwickshire, name="The Police Service", seats=1)
    health = NominatingBodyFactory(partnership=warwickshire, name="Health", seats=3)

    secretariat = UserFactory(username="sam.secretariat")
    SecretariatFactory(partnership=warwickshire, user=secretariat)

    chair = UserFactory(username="carol.chair")
    chair_seat = MemberFactory(
        nominating_body=county,
        person=PersonFactory(name="Carol Chair", email="carol.chair@warwickshire.example.org", user=chair),
    )
    office = OfficeFactory(member=chair_seat, starts_on=timezone.localdate() - datetime.timedelta(days=200))

    member = UserFactory(username="mo.member")
    member_seat = MemberFactory(
        nominating_body=police,
        person=PersonFactory(name="Mo Member", email="mo.member@police.example.org", user=member),
    )
    for n in range(3):  # a quorum present at the meetings held
        MemberFactory(nominating_body=health, person=PersonFactory(name=f"Health representative {n}"))

    other_secretariat = UserFactory(username="oscar.outsider")
    SecretariatFactory(partnership=other, user=other_secretariat)
    MemberFactory(nominating_body=NominatingBodyFactory(partnership=other, name="Rugby Borough Council"))

    staff = UserFactory(username="stella.staff", is_staff=True, is_superuser=False)

    world.users = {
        "anonymous": None,
        "member": member,
        "chair": chair,
        "secretariat": secretariat,
        "other_secretariat": other_secretariat,
        "staff": staff,
    }
    world.tokens = {role: Token.objects.create(user=user).key for role, user in world.users.items() if user}
    world.kwargs.update(
        slug=warwickshire.slug,
        partnership_pk=warwickshire.pk,
        body_pk=police.pk,
        member_pk=member_seat.pk,
        office_pk=office.pk,
        substitute_pk=SubstituteFactory(member=member_seat, name="Deputy Member").pk,
        terms_pk=TermsOfReferenceFactory(partnership=warwickshire).pk,
        conduct_document_pk=ConductDocumentFactory(partnership=warwickshire).pk,
    )
    return member_seat


def _attach(paper, name, by):
    upload = SimpleUploadedFile(name, pdf_bytes(paper.title), content_type="application/pdf")
    return services.attach_file(paper=paper, upload=upload, by=by)


def _everyone_present(meeting):
    for seat in meeting.partnership.members.filter(active=True):
        services.record_attendance(meeting=meeting, member=seat, status="present")
    return Meeting.objects.get(pk=meeting.pk)


def _meetings(world: World, warwickshire, member_seat):
    users = world.users
    chair, secretariat = users["chair"], users["secretariat"]

    # Held in October, public, its minutes approved, circulated, confirmed and so published; and
    # last week's meeting, its record kept and its minutes in draft. Each step on its own day.
    with time_machine.travel(at(PUBLISHED_DAY - datetime.timedelta(days=21), 10)):
        published = services.schedule_meeting(
            partnership=warwickshire,
            title="Board meeting",
            date=PUBLISHED_DAY,
            start_time=datetime.time(14),
            is_public=True,
        )
        open_item = services.add_agenda_item(meeting=published, title="Community safety agreement", purpose="decision")
        paper = services.add_paper(agenda_item=open_item, title="Community safety agreement 2027", summary="Aims.")
        public_file = _attach(paper, "agreement.pdf", secretariat)
        services.agree_agenda(meeting=published, by=chair)
        services.circulate_agenda(meeting=published, by=secretariat)
    with time_machine.travel(at(PUBLISHED_DAY, 17)):
        published = _everyone_present(published)
        services.record_decision(agenda_item=open_item, text="Adopt the community safety agreement")
        minutes = services.start_minutes(meeting=published)
    with time_machine.travel(at(PUBLISHED_DAY + datetime.timedelta(days=6), 10)):
        minutes = services.approve_minutes(minutes=minutes, by=chair)
        recorded = services.schedule_meeting(
            partnership=warwickshire, title="Board meeting", date=RECORDED_DAY, start_time=datetime.time(14)
        )
        item = services.add_agenda_item(meeting=recorded, title="Partnership plan 2027 to 2030", purpose="decision")
        services.agree_agenda(meeting=recorded, by=chair)
        services.circulate_agenda(meeting=recorded, by=secretariat)
    with time_machine.travel(at(PUBLISHED_DAY + datetime.timedelta(days=7), 10)):
        minutes = services.circulate_minutes(minutes=Minutes.objects.get(pk=minutes.pk), by=secretariat)
    recorded = _everyone_present(recorded)
    services.confirm_minutes(minutes=Minutes.objects.get(pk=minutes.pk), at_meeting=recorded, by=secretariat)
    guest = services.add_other_attendee(meeting=recorded, name="Dr Gita Guest", organisation="University")
    declaration = services.declare_interest(
        agenda_item=item, member=member_seat, kind="personal", nature="A relative works for a provider"
    )
    decision = services.record_decision(agenda_item=item, text="Adopt the partnership plan")
    draft = services.start_minutes(meeting=recorded)

    # Ahead: an agenda being built, with a paper and its file, and a paper offered by a member.
    upcoming = services.schedule_meeting(
        partnership=warwickshire, title="Board meeting", date=UPCOMING_DAY, start_time=datetime.time(14)
    )
    upcoming_item = services.add_agenda_item(meeting=upcoming, title="Quarterly performance report")
    upcoming_paper = services.add_paper(agenda_item=upcoming_item, title="Performance, quarter 2", summary="Figures.")
    upcoming_file = _attach(upcoming_paper, "performance.pdf", secretariat)
    submission = submit_paper(meeting=upcoming, by=users["member"], title="Knife crime", summary="A new problem.")
    work_item = add_work_item(partnership=warwickshire, title="Strategic assessment", due_by=UPCOMING_DAY)

    world.kwargs.update(
        published_pk=published.pk,
        public_file_pk=public_file.pk,
        recorded_pk=recorded.pk,
        recorded_item_pk=item.pk,
        other_attendee_pk=guest.pk,
        declaration_pk=declaration.pk,
        decision_pk=decision.pk,
        draft_minutes_pk=draft.pk,
        attendance_pk=Attendance.objects.filter(meeting=recorded).values_list("pk", flat=True).first(),
        upcoming_pk=upcoming.pk,
        upcoming_item_pk=upcoming_item.pk,
        paper_pk=upcoming_paper.pk,
        paper_file_pk=upcoming_file.pk,
        submission_pk=submission.pk,
        work_item_pk=work_item.pk,
        proposal_pk=open_written_proposal(
            partnership=warwickshire,
            title="Bid for the safer streets fund",
            proposal="The partnership bids for the fund.",
            why_now="The bid closes before the next meeting.",
            respond_by=timezone.localdate() + datetime.timedelta(days=10),
            by=chair,
        ).pk,
    )
    return decision


def _plans(world: World, warwickshire, member_seat, decision):
    secretariat = world.users["secretariat"]
    plan = create_plan(partnership=warwickshire, title="Partnership plan")
    section = add_section(plan=plan, title="Relationships", code="B")
    add_section(plan=plan, title="Performance", code="C")
    action = add_action(plan=plan, title="Clarify roles", section=section, owner="Mo Member", owner_member=member_seat)
    milestone = add_milestone(action=action, title="Protocol drafted")
    arising = add_action_arising(decision=decision, plan=plan, title="Publish the plan", by=secretariat)
    publish_plan(plan=plan, by=secretariat)
    world.kwargs.update(
        plan_pk=plan.pk, section_pk=section.pk, action_pk=action.pk, milestone_pk=milestone.pk, arising_pk=arising.pk
    )


def _governance(world: World, warwickshire, member_seat):
    users = world.users
    member = users["member"]
    interest = register_interest(
        person=member.person,
        category=InterestCategory.values[0],
        description="Trustee of a youth charity",
        registered_on=datetime.date(2026, 1, 5),
        by=member,
    )
    breach = record_breach(
        partnership=warwickshire,
        member=member_seat,
        description="Disclosed a confidential paper",
        reported_on=timezone.localdate(),
        by=users["secretariat"],
    )
    notification = Notification.objects.create(
        partnership=warwickshire,
        kind="milestone_due_soon",
        about="milestone:1",
        occasion="2026-11-30",
        recipient_email=member.email,
        user=member,
        subject="A milestone is due",
        body_text="Due soon.",
        body_html="<p>Due soon.</p>",
        link="http://127.0.0.1:8000/actions/",
        created_at=timezone.now(),
    )
    subscription = Subscription.objects.create(
        partnership=warwickshire, email="resident@example.org", created_at=timezone.now()
    )
    feed = CalendarFeed.objects.create(user=member, created_at=timezone.now())
    user_session = UserSession.objects.create(
        user=member, session_key="matrix-session-of-the-member", created_at=timezone.now(), last_seen_at=timezone.now()
    )  # one of the member's other sessions, to end from their sessions page
    world.kwargs.update(
        interest_pk=interest.pk,
        breach_pk=breach.pk,
        notification_pk=notification.pk,
        subscription_token=subscription.token,
        feed_key=feed.key,
        user_session_pk=user_session.pk,
    )


def build_world() -> World:
    world = World()
    warwickshire = PartnershipFactory(name="Warwickshire Safer Communities Partnership", slug="warwickshire-scp")
    other = PartnershipFactory(name="Rugby Community Safety Partnership", slug="rugby-csp")
    member_seat = _cast(world, warwickshire, other)
    decision = _meetings(world, warwickshire, member_seat)
    _plans(world, warwickshire, member_seat, decision)
    _governance(world, warwickshire, member_seat)
    return world


def remember_import(session, plan_pk: int) -> None:
    """The session holds the import its owner uploaded, as kept_files.keep leaves it (the file
    written again each time: discarding it in one test deletes it, and files are not rolled back)."""
    name = stored_name(IMPORT_TOKEN)
    default_storage.delete(name)
    default_storage.save(name, ContentFile(b"Action,Who,When\nClarify roles,CSP Manager,April 2027\n"))
    session[SESSION_KEY] = {IMPORT_TOKEN: plan_pk}
