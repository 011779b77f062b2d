"""Notifications in the browser (issue 6): a person reads their own notifications and opens one
to follow its link; the secretariat reads every notification the partnership sent, filtered by
status. Each role, each refusal, and a fixed number of queries."""

import datetime
import re
import smtplib
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from partnership.models import Notification, NotificationStatus
from partnership.notifications.delivery import MAX_ATTEMPTS, deliver_waiting
from partnership.notifications.recording import Notice, Recipient, record
from tests.factories import PersonFactory, UserFactory
from tests.helpers import signed_in

LONDON = ZoneInfo("Europe/London")
MINE = reverse("governance:my-notifications")


def mine_url(query=""):
    return MINE + query


def detail_url(notification):
    return reverse("governance:my-notification", kwargs={"pk": notification.pk})


def partnership_url(partnership, query=""):
    return reverse("governance:partnership-notifications", kwargs={"slug": partnership.slug}) + query


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def to_person(user) -> Recipient:
    """As the sweep addresses a member: by their person on the register."""
    person = user.person
    return Recipient(email=person.email, name=person.name, person_id=person.pk)


def to_login(user) -> Recipient:
    """As the sweep addresses a secretariat officer: by their login."""
    return Recipient(email=user.email or f"{user.username}@example.org", name=user.username, user_id=user.pk)


def tell(partnership, recipient, subject, *, about="milestone:1", when=None, paragraphs=None) -> Notification:
    """Records one notice, as the sweep would, and returns its row."""
    notice = Notice(
        partnership_id=partnership.pk,
        partnership_name=partnership.name,
        kind="milestone_due_soon",
        about=about,
        occasion="2026-12-02",
        recipients=(recipient,),
        subject=subject,
        paragraphs=paragraphs or ("The milestone is due on Wednesday 2 December 2026.",),
        link="/my/actions/1/progress/",
        link_text="Update your action",
    )
    (row,) = record([notice], now=when or datetime.datetime(2026, 11, 25, 8, 5, tzinfo=LONDON))
    return row


def tell_many(partnership, recipient, count) -> None:
    """`count` notices on successive days, the first on 1 October 2026."""
    start = datetime.datetime(2026, 10, 1, 8, 5, tzinfo=LONDON)
    for day in range(count):
        when = start + datetime.timedelta(days=day)
        tell(partnership, recipient, f"Notice {day + 1}", about=f"milestone:{day + 1}", when=when)


class BrokenBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def send_on(moment: datetime.datetime):
    with time_machine.travel(moment, tick=False):
        deliver_waiting()


@pytest.fixture
def one_of_each(settings, warwickshire, member):
    """A notification of the member's in each state: sent, waiting, failed and to be tried again,
    given up on, and being sent."""
    sent = tell(warwickshire, to_person(member), "Milestone due: Publish the plan", about="milestone:1")
    send_on(datetime.datetime(2026, 12, 2, 8, 5, tzinfo=LONDON))
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    failed = tell(warwickshire, to_person(member), "Milestone due: Hire a coordinator", about="milestone:3")
    for _ in range(MAX_ATTEMPTS):
        deliver_waiting()
    retrying = tell(warwickshire, to_person(member), "Milestone due: Train the staff", about="milestone:2")
    deliver_waiting()
    waiting = tell(warwickshire, to_person(member), "Milestone due: Open the hub", about="milestone:4")
    sending = tell(warwickshire, to_person(member), "Milestone due: Count the calls", about="milestone:5")
    Notification.objects.filter(pk=sending.pk).update(status=NotificationStatus.SENDING, attempts=1)
    return {"sent": sent, "retrying": retrying, "failed": failed, "waiting": waiting, "sending": sending}


# Your notifications --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url", [lambda p: MINE, lambda p: reverse("governance:my-notification", kwargs={"pk": 1}), partnership_url]
)
def test_anonymous_visitor_is_sent_to_sign_in(client, warwickshire, url):
    response = client.get(url(warwickshire))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_member_sees_their_notifications_newest_first_with_date_partnership_and_subject(
    client, warwickshire, member, secretariat
):
    older = tell(warwickshire, to_person(member), "Milestone due: Publish the plan", about="milestone:1")
    newer = tell(
        warwickshire,
        to_login(member),
        "Milestone overdue: Train the staff",
        about="milestone:2",
        when=datetime.datetime(2026, 11, 26, 8, 5, tzinfo=LONDON),
    )
    tell(warwickshire, to_login(secretariat), "Agenda due: Board meeting", about="meeting:1")
    signed_in(client, member)

    response = client.get(MINE)

    assert response.status_code == 200
    html = text_of(response)
    assert '<h1 class="govuk-heading-xl">Your notifications</h1>' in html
    assert html.index("Milestone overdue: Train the staff") < html.index("Milestone due: Publish the plan")
    assert f'href="{detail_url(older)}"' in html
    assert f'href="{detail_url(newer)}"' in html
    assert "26 November 2026" in html
    assert "25 November 2026" in html
    assert "Warwickshire Safer Communities Partnership" in html
    assert "Agenda due: Board meeting" not in html


def test_someone_with_no_notifications_is_told_so(client, outsider):
    signed_in(client, outsider)

    response = client.get(MINE)

    assert response.status_code == 200
    assert "You have no notifications." in text_of(response)
    assert "<table" not in response.content.decode()


def test_each_status_in_words(client, member, one_of_each):
    signed_in(client, member)

    html = text_of(client.get(MINE))

    assert "Sent 2 December 2026 at 8:05am" in html
    assert "Waiting to be sent" in html
    assert "Could not be sent: we will try again" in html
    assert "Could not be sent</td>" in html
    assert "Being sent" in html


def test_afternoon_sending_is_written_pm(client, warwickshire, member):
    tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    send_on(datetime.datetime(2026, 12, 2, 12, 30, tzinfo=LONDON))
    signed_in(client, member)

    assert "Sent 2 December 2026 at 12:30pm" in text_of(client.get(MINE))


def test_notifications_come_25_a_page(client, warwickshire, member):
    tell_many(warwickshire, to_person(member), 30)
    signed_in(client, member)

    first = text_of(client.get(MINE))
    second = text_of(client.get(mine_url("?page=2")))

    assert len(re.findall(r'href="/account/notifications/\d+/"', first)) == 25
    assert len(re.findall(r'href="/account/notifications/\d+/"', second)) == 5
    assert "Notice 30<" in first
    assert "Notice 6<" in first
    assert "Notice 5<" not in first
    assert 'aria-label="Pages of your notifications"' in first
    assert 'rel="next"' in first
    assert "Notice 5<" in second
    assert "Notice 1<" in second
    assert "Notice 6<" not in second
    assert "page 2 of 2" in second


def test_member_reads_a_notification_as_sent_with_its_link_as_a_button(client, warwickshire, member, settings):
    notification = tell(
        warwickshire,
        to_person(member),
        "Milestone due: Publish the plan",
        paragraphs=("The milestone is due on Wednesday 2 December 2026.", "It is not <b>done</b> yet."),
    )
    # The HTML body is the email's; the page never puts it out unescaped.
    Notification.objects.filter(pk=notification.pk).update(body_html="<script>alert('html body')</script>")
    signed_in(client, member)

    response = client.get(detail_url(notification))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="govuk-heading-l">Milestone due: Publish the plan</h1>' in html
    assert "<p>Dear Mo Member,</p>" in html
    assert "The milestone is due on Wednesday 2 December 2026.</p>" in html
    assert "It is not &lt;b&gt;done&lt;/b&gt; yet." in html
    assert "alert(&#x27;html body&#x27;)" not in html
    assert "html body" not in html
    # The email's address on the published site becomes a path on this one.
    assert notification.link == f"{settings.SITE_URL}/my/actions/1/progress/"
    assert 'href="/my/actions/1/progress/" role="button"' in html
    assert "Go to the page to do it" in html


def test_a_link_that_is_not_a_web_address_is_not_offered(client, warwickshire, member):
    notification = tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    Notification.objects.filter(pk=notification.pk).update(link="javascript:alert(1)")
    signed_in(client, member)

    html = client.get(detail_url(notification)).content.decode()

    assert "javascript:" not in html
    assert "Go to the page to do it" not in html


@pytest.mark.parametrize("who", ["secretariat", "chair", "outsider", "staff"])
def test_someone_elses_notification_is_not_found(request, client, warwickshire, member, who):
    notification = tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    signed_in(client, request.getfixturevalue(who))

    assert client.get(detail_url(notification)).status_code == 404


def test_a_notification_to_the_same_address_but_another_login_is_not_theirs(client, warwickshire, member):
    """Owned by the person or the login it was sent to, never matched by email address."""
    twin = UserFactory(username="mo.twin", email="mo.member@police.example.org")
    notification = tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    signed_in(client, twin)

    assert client.get(detail_url(notification)).status_code == 404
    assert "Publish the plan" not in text_of(client.get(MINE))


def test_a_person_without_a_login_has_notifications_nobody_else_reads(client, warwickshire, member):
    nobody = PersonFactory(name="Nat Nologin", email="nat@example.org", user=None)
    notification = tell(warwickshire, Recipient(email=nobody.email, person_id=nobody.pk), "For Nat")
    signed_in(client, member)

    assert client.get(detail_url(notification)).status_code == 404
    assert "For Nat" not in text_of(client.get(MINE))


# The person's home page ---------------------------------------------------------------------


def test_home_page_links_to_notifications_with_the_three_newest(client, warwickshire, member):
    tell_many(warwickshire, to_person(member), 5)
    signed_in(client, member)

    html = text_of(client.get(reverse("partnership:mine")))

    assert f'<a class="govuk-link" href="{MINE}">Your notifications</a>' in html
    assert "Notice 5<" in html
    assert "Notice 4<" in html
    assert "Notice 3<" in html
    assert "Notice 2<" not in html


def test_home_page_says_when_there_are_none(client, secretariat):
    signed_in(client, secretariat)

    html = text_of(client.get(reverse("partnership:mine")))

    assert "You have no notifications." in html
    assert f'href="{MINE}"' in html


# The partnership's notifications ------------------------------------------------------------


@pytest.mark.parametrize("who", ["secretariat", "staff"])
def test_secretariat_and_staff_see_every_notification_the_partnership_sent(
    request, client, warwickshire, member, secretariat, one_of_each, other_partnership, who
):
    tell(other_partnership, to_login(secretariat), "Rugby: not ours", about="meeting:9")
    signed_in(client, request.getfixturevalue(who))

    response = client.get(partnership_url(warwickshire))

    assert response.status_code == 200
    html = text_of(response)
    assert "5 notifications" in html
    assert "Mo Member" in html
    assert "mo.member@police.example.org" in html
    for row in one_of_each.values():
        assert row.subject in html
    assert "Rugby: not ours" not in html
    assert "Last error: SMTPServerDisconnected: Connection unexpectedly closed" in html
    assert f'<td class="govuk-table__cell govuk-table__cell--numeric">{MAX_ATTEMPTS}</td>' in html


def test_the_register_links_the_secretariat_to_the_notifications(client, warwickshire, secretariat, member):
    link = f'href="{partnership_url(warwickshire)}"'
    register = reverse("partnership:register", kwargs={"slug": warwickshire.slug})

    assert link in client_as(client, secretariat).get(register).content.decode()
    assert link not in client_as(client, member).get(register).content.decode()


def client_as(client, user):
    client.logout()
    return signed_in(client, user)


@pytest.mark.parametrize("who", ["member", "chair"])
def test_members_and_the_chair_are_refused_the_partnerships_notifications(request, client, warwickshire, who):
    signed_in(client, request.getfixturevalue(who))

    response = client.get(partnership_url(warwickshire))

    assert response.status_code == 403
    assert "Only the partnership&#x27;s secretariat can see the notifications it sent." in response.content.decode()


def test_another_partnership_does_not_learn_it_exists(client, warwickshire, outsider):
    signed_in(client, outsider)

    assert client.get(partnership_url(warwickshire)).status_code == 404


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("sent", "Publish the plan", "Hire a coordinator"),
        ("failed", "Hire a coordinator", "Publish the plan"),
        ("pending", "Open the hub", "Count the calls"),
        ("sending", "Count the calls", "Open the hub"),
    ],
)
def test_secretariat_filters_by_status(client, warwickshire, secretariat, one_of_each, status, shown, hidden):
    signed_in(client, secretariat)

    response = client.get(partnership_url(warwickshire, f"?status={status}"))

    assert response.status_code == 200
    html = text_of(response)
    assert shown in html
    assert hidden not in html
    assert f'<option value="{status}" selected>' in html


def test_the_failed_filter_names_what_it_shows(client, warwickshire, secretariat, one_of_each):
    signed_in(client, secretariat)

    html = text_of(client.get(partnership_url(warwickshire, "?status=failed")))

    assert "1 notification: could not be sent" in html


def test_a_filter_with_nothing_in_it_says_so(client, warwickshire, secretariat, member):
    tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    signed_in(client, secretariat)

    html = text_of(client.get(partnership_url(warwickshire, "?status=failed")))

    assert "No notification has the status “could not be sent”." in html


def test_an_unknown_status_is_refused_with_a_clear_message(client, warwickshire, secretariat, one_of_each):
    signed_in(client, secretariat)

    response = client.get(partnership_url(warwickshire, "?status=lost"))

    assert response.status_code == 400
    html = text_of(response)
    assert "<title>Error: Notifications" in html
    assert "There is a problem" in html
    assert "Choose a status from the list: waiting to be sent, being sent, sent, or could not be sent." in html
    assert "Publish the plan" not in html
    assert Notification.objects.count() == 5  # reading changes nothing


def test_the_partnerships_notifications_come_25_a_page(client, warwickshire, secretariat, member):
    tell_many(warwickshire, to_person(member), 27)
    signed_in(client, secretariat)

    first = text_of(client.get(partnership_url(warwickshire)))
    second = text_of(client.get(partnership_url(warwickshire, "?status=pending&page=2")))

    assert "27 notifications" in first
    assert "Notice 27<" in first
    assert "Notice 3<" in first
    assert "Notice 2<" not in first
    assert 'aria-label="Pages of the notifications sent"' in first
    assert "Notice 2<" in second
    assert "Notice 1<" in second
    assert "Notice 3<" not in second
    # The filter is kept from page to page.
    assert 'href="?status=pending&amp;page=1"' in second


# A fixed number of queries whatever the number of notifications ----------------------------


@pytest.mark.parametrize("count", [5, 60])
def test_pages_read_a_fixed_number_of_queries(
    client, warwickshire, member, secretariat, count, django_assert_max_num_queries
):
    tell_many(warwickshire, to_person(member), count)
    notification = Notification.objects.first()
    signed_in(client, member)
    # Session and user, then the page's own: the count and the page of rows; the one row; the
    # home page's partnerships and roles, and its three notifications.
    for url, queries in ((MINE, 4), (detail_url(notification), 3), (reverse("partnership:mine"), 8)):
        with django_assert_max_num_queries(queries):
            assert client.get(url).status_code == 200
    client_as(client, secretariat)
    # The partnership's page also counts its confirmed subscribers (issue 7): one query more.
    for url in (partnership_url(warwickshire), partnership_url(warwickshire, "?status=pending&page=2")):
        with django_assert_max_num_queries(7):
            assert client.get(url).status_code == 200


# The site administrators' view ---------------------------------------------------------------


def test_admin_shows_notifications_but_never_changes_them(client, staff, warwickshire, member):
    notification = tell(warwickshire, to_person(member), "Milestone due: Publish the plan")
    client.force_login(staff)

    listing = client.get(reverse("admin:partnership_notification_changelist"), {"q": "Publish"})
    page = client.get(reverse("admin:partnership_notification_change", args=[notification.pk]))

    assert listing.status_code == 200
    assert "Milestone due: Publish the plan" in listing.content.decode()
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert client.get(reverse("admin:partnership_notification_add")).status_code == 403
    response = client.post(reverse("admin:partnership_notification_delete", args=[notification.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Notification.objects.filter(pk=notification.pk).exists()
