"""The page where a member acknowledges the codes of their partnerships (seed 001, Appendix 1;
seed 003), and the page that shows one code."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from governance.models import Acknowledgement, ConductDocumentKind
from tests.factories import ConductDocumentFactory, MemberFactory, PersonFactory, UserFactory
from tests.helpers import acknowledged_in_session

ACKNOWLEDGE = reverse("governance:acknowledge")
HOME = reverse("governance:home")

CODE_TEXT = (
    "This Code sets down the standards of conduct expected of all partners.\n\n"
    "1. Customer-focused\nPartners shall put the customers of the partnership at the centre of their work."
)


@pytest.fixture
def code_of_conduct(warwickshire):
    return ConductDocumentFactory(partnership=warwickshire, text=CODE_TEXT)


@pytest.fixture
def behaviour_protocol(warwickshire):
    return ConductDocumentFactory(
        partnership=warwickshire,
        kind=ConductDocumentKind.BEHAVIOUR_PROTOCOL,
        title="Partnership Behaviour Protocol",
        text="Achieve intended outcomes\nOur priorities are evidence based <and> our decision making is transparent.",
    )


@pytest.fixture
def codes(code_of_conduct, behaviour_protocol):
    return [code_of_conduct, behaviour_protocol]


# The page, for each of the cast


def test_anonymous_visitor_is_sent_to_sign_in(client, codes):
    response = client.get(ACKNOWLEDGE)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_member_sees_each_code_awaiting_with_its_text(client, member, codes):
    client.force_login(member)

    response = client.get(ACKNOWLEDGE)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Code of Conduct for Partnership Working" in html
    assert "Partnership Behaviour Protocol" in html
    assert "Warwickshire Safer Communities Partnership" in html
    # Plain text shown as paragraphs and line breaks, escaped.
    assert "<p>This Code sets down the standards of conduct expected of all partners.</p>" in html
    assert "1. Customer-focused<br>Partners shall put the customers" in html
    assert "evidence based &lt;and&gt; our decision" in html
    assert "I have read the Code of Conduct for Partnership Working and will follow it" in html
    assert "I have read the Partnership Behaviour Protocol and will follow it" in html
    assert html.count('type="checkbox" name="documents"') == 2


def test_chair_is_asked_too(client, chair, codes):
    client.force_login(chair)

    html = client.get(ACKNOWLEDGE).content.decode()

    assert html.count('type="checkbox" name="documents"') == 2


def test_secretariat_officer_without_a_seat_has_nothing_to_acknowledge(client, secretariat, codes):
    client.force_login(secretariat)

    response = client.get(ACKNOWLEDGE)

    assert response.status_code == 200
    assert "You have no codes waiting to be acknowledged." in response.content.decode()


def test_member_of_another_partnership_sees_only_its_codes(client, outsider, other_partnership, codes):
    ConductDocumentFactory(partnership=other_partnership, title="Rugby Code of Conduct")
    client.force_login(outsider)

    html = client.get(ACKNOWLEDGE).content.decode()

    assert "Rugby Code of Conduct" in html
    assert "Warwickshire" not in html
    assert html.count('type="checkbox" name="documents"') == 1


def test_codes_already_acknowledged_are_not_asked_again(client, member, code_of_conduct, behaviour_protocol):
    Acknowledgement.objects.create(
        document=code_of_conduct,
        person=member.person,
        acknowledged_at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )
    client.force_login(member)

    html = client.get(ACKNOWLEDGE).content.decode()

    assert "I have read the Code of Conduct for Partnership Working" not in html
    assert "I have read the Partnership Behaviour Protocol and will follow it" in html


def test_code_not_yet_in_force_is_not_asked(client, member, warwickshire):
    ConductDocumentFactory(partnership=warwickshire, in_force_from=datetime.date(2999, 1, 1))
    client.force_login(member)

    assert "You have no codes waiting to be acknowledged." in client.get(ACKNOWLEDGE).content.decode()


# Acknowledging


def test_ticking_every_code_records_them_and_goes_to_my_partnerships(client, member, codes):
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {"documents": [doc.pk for doc in codes]})

    assert response.status_code == 302
    assert response.url == HOME
    assert set(Acknowledgement.objects.filter(person=member.person).values_list("document", flat=True)) == {
        doc.pk for doc in codes
    }
    assert client.session["conduct_acknowledged"] is True
    [message] = get_messages(response.wsgi_request)
    assert str(message) == (
        "Thank you. You have acknowledged the Code of Conduct for Partnership Working "
        "and the Partnership Behaviour Protocol."
    )


def test_posting_without_ticking_is_refused_and_saves_nothing(client, member, codes):
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {})

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Tick each code to confirm you have read it and will follow it." in html
    assert '<a href="#id_documents_0">' in html
    assert "govuk-form-group--error" in html
    assert not Acknowledgement.objects.exists()
    assert "conduct_acknowledged" not in client.session


def test_ticking_one_of_two_records_it_and_asks_for_the_other(client, member, code_of_conduct, behaviour_protocol):
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {"documents": [code_of_conduct.pk], "next": "/partnerships/"})

    assert response.status_code == 302
    assert response.url == f"{ACKNOWLEDGE}?next=%2Fpartnerships%2F"
    assert list(Acknowledgement.objects.values_list("document", flat=True)) == [code_of_conduct.pk]
    assert "conduct_acknowledged" not in client.session
    html = client.get(response.url).content.decode()
    assert "I have read the Partnership Behaviour Protocol and will follow it" in html
    assert "I have read the Code of Conduct" not in html


def test_a_code_of_another_partnership_cannot_be_acknowledged(client, member, code_of_conduct, other_partnership):
    theirs = ConductDocumentFactory(partnership=other_partnership)
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {"documents": [code_of_conduct.pk, theirs.pk]})

    assert response.status_code == 400
    assert not Acknowledgement.objects.exists()


def test_safe_next_is_followed(client, member, codes):
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {"documents": [doc.pk for doc in codes], "next": "/p/warwickshire-scp/"})

    assert response.url == "/p/warwickshire-scp/"


@pytest.mark.parametrize("next_url", ["https://evil.example.org/", "//evil.example.org/", "javascript:alert(1)"])
def test_unsafe_next_is_ignored(client, member, codes, next_url):
    client.force_login(member)

    response = client.post(ACKNOWLEDGE, {"documents": [doc.pk for doc in codes], "next": next_url})

    assert response.url == HOME


def test_next_is_carried_through_the_form(client, member, codes):
    client.force_login(member)

    html = client.get(ACKNOWLEDGE, {"next": "/partnerships/"}).content.decode()

    assert '<input type="hidden" name="next" value="/partnerships/">' in html


def test_posting_with_nothing_awaiting_just_moves_on(client, secretariat):
    client.force_login(secretariat)

    response = client.post(ACKNOWLEDGE, {})

    assert response.status_code == 302
    assert response.url == HOME


# One code's page


def document_url(document):
    return reverse("governance:conduct-document", kwargs={"pk": document.pk})


@pytest.mark.parametrize("who", ["member", "chair", "secretariat", "staff"])
def test_those_who_may_see_the_register_read_the_code(request, client, code_of_conduct, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    acknowledged_in_session(client)

    response = client.get(document_url(code_of_conduct))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Code of Conduct for Partnership Working" in html
    assert "1. Customer-focused<br>Partners shall put the customers" in html


def test_outsider_gets_404_for_the_code(client, outsider, code_of_conduct):
    client.force_login(outsider)
    acknowledged_in_session(client)

    assert client.get(document_url(code_of_conduct)).status_code == 404


def test_former_member_gets_404_for_the_code(client, warwickshire, police, code_of_conduct):
    user = UserFactory(username="fay.former")
    MemberFactory(nominating_body=police, person=PersonFactory(name="Fay Former", user=user), active=False)
    client.force_login(user)

    assert client.get(document_url(code_of_conduct)).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in_for_the_code(client, code_of_conduct):
    response = client.get(document_url(code_of_conduct))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_unknown_code_is_404(client, member):
    client.force_login(member)
    acknowledged_in_session(client)

    assert client.get(reverse("governance:conduct-document", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.parametrize("next_url", ["foo", "https://evil.example.org/", "//evil.example.org/"])
def test_a_next_that_is_not_a_path_here_goes_to_my_partnerships(client, member, codes, next_url):
    client.force_login(member)

    response = client.post(f"{ACKNOWLEDGE}?next={next_url}", {"documents": [doc.pk for doc in codes]})

    assert response.status_code == 302
    assert response.url == HOME
