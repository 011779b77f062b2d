"""The compliance dashboard and the annual compliance statement: who sees them, the year asked
for, the PDF, and a fixed number of queries (issue 6)."""

import datetime
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from actionplans.models import MilestoneStatus
from tests.actionplans.factories import ActionFactory, ActionPlanFactory, MilestoneFactory
from tests.factories import ConductDocumentFactory, MemberFactory, NominatingBodyFactory, TermsOfReferenceFactory
from tests.governance.compliance_support import meeting, minutes
from tests.helpers import signed_in


def dashboard_url(partnership, query=""):
    return reverse("governance:compliance", kwargs={"slug": partnership.slug}) + query


def statement_url(partnership, query=""):
    return reverse("governance:compliance-statement", kwargs={"slug": partnership.slug}) + query


def text_of(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def year_of_meetings(warwickshire):
    """A late agenda in September, an agenda never sent in October, minutes circulated late."""
    september = meeting(warwickshire, datetime.date(2026, 9, 15), sent=datetime.date(2026, 9, 10))
    minutes(september, circulated=datetime.date(2026, 10, 2))
    meeting(warwickshire, datetime.date(2026, 10, 13))
    meeting(warwickshire, datetime.date(2025, 6, 17), sent=datetime.date(2025, 6, 12))
    return warwickshire


@pytest.mark.parametrize("who", ["secretariat", "chair", "staff"])
def test_secretariat_chair_and_staff_see_the_dashboard(request, client, year_of_meetings, who):
    signed_in(client, request.getfixturevalue(who))

    response = client.get(dashboard_url(year_of_meetings))

    assert response.status_code == 200
    html = text_of(response)
    assert "Compliance with the terms of reference: 2026" in html
    assert "Agenda and papers sent at least 5 working days before each meeting" in html
    assert "Of 2 meetings in 2026: 1 held without the agenda; 1 sent late or overdue." in html
    assert "Sent on 10 September 2026, 2 working days after it was due on 8 September 2026." in html
    assert '<strong class="govuk-tag app-compliance-tag govuk-tag--red">Missed</strong>' in html
    assert '<strong class="govuk-tag app-compliance-tag govuk-tag--orange">Late</strong>' in html
    # Each rule links to the page that puts it right.
    assert f'href="{reverse("meetings:meeting-add", kwargs={"slug": "warwickshire-scp"})}"' in html
    assert f'href="{reverse("partnership:office-add", kwargs={"slug": "warwickshire-scp"})}"' in html
    assert f'href="{reverse("governance:acknowledgements", kwargs={"slug": "warwickshire-scp"})}"' in html


def test_dashboard_lists_late_agendas_and_minutes_of_every_year(client, secretariat, year_of_meetings):
    signed_in(client, secretariat)

    html = text_of(client.get(dashboard_url(year_of_meetings)))

    history = html[html.index("Late agendas and minutes, every year") :]
    assert history.index("13 October 2026") < history.index("15 September 2026") < history.index("17 June 2025")
    assert "Not sent" in history
    assert "12 June 2025" in history


def test_the_year_is_chosen_in_the_address(client, secretariat, year_of_meetings):
    signed_in(client, secretariat)

    response = client.get(dashboard_url(year_of_meetings, "?year=2025"))

    html = text_of(response)
    assert response.status_code == 200
    assert "Compliance with the terms of reference: 2025" in html
    assert "Of 1 meeting in 2025: 1 sent late or overdue." in html
    assert "Only 1 held in 2025; the rule asks for at least 5." in html


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("twenty", "Give the year as four figures, for example 2026."),
        ("1999", "Choose a year between 2000 and 2100."),
        ("20266", "Choose a year between 2000 and 2100."),
        ("", "Enter the year, for example 2026."),
    ],
)
def test_a_malformed_year_is_refused(client, secretariat, year_of_meetings, year, message):
    signed_in(client, secretariat)

    response = client.get(dashboard_url(year_of_meetings, f"?year={year}"))

    assert response.status_code == 400
    html = text_of(response)
    assert "There is a problem" in html
    assert message in html
    assert "Agenda and papers sent" not in html


def test_a_member_is_refused(client, member, year_of_meetings):
    signed_in(client, member)

    for url in (dashboard_url(year_of_meetings), statement_url(year_of_meetings, "?format=pdf")):
        response = client.get(url)
        assert response.status_code == 403
        assert "Only the partnership&#x27;s secretariat and chair can see how it keeps its rules." in response.text


def test_another_partnership_gets_404(client, outsider, year_of_meetings):
    signed_in(client, outsider)

    assert client.get(dashboard_url(year_of_meetings)).status_code == 404
    assert client.get(statement_url(year_of_meetings)).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client, year_of_meetings):
    for url in (dashboard_url(year_of_meetings), statement_url(year_of_meetings)):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


def test_the_register_links_to_the_dashboard_for_secretariat_and_chair_only(client, secretariat, chair, member):
    register = reverse("partnership:register", kwargs={"slug": "warwickshire-scp"})
    link = f'href="{dashboard_url_for("warwickshire-scp")}"'
    for user, sees in ((secretariat, True), (chair, True), (member, False)):
        signed_in(client, user)
        assert (link in client.get(register).content.decode()) is sees


def dashboard_url_for(slug):
    return reverse("governance:compliance", kwargs={"slug": slug})


def test_the_statement_page_prints_the_years_rules(client, chair, year_of_meetings):
    signed_in(client, chair)

    response = client.get(statement_url(year_of_meetings, "?year=2026"))

    assert response.status_code == 200
    html = text_of(response)
    assert "Annual compliance statement 2026" in html
    assert "To the Public Service Board" in html
    assert 'class="app-compliance-statement"' in html  # its print rules are in css/site.css
    assert "Download the statement as a PDF" in html
    statement = html[html.index("Late agendas and minutes in 2026") :]
    assert "15 September 2026" in statement
    assert "17 June 2025" not in statement


def test_the_statement_as_a_pdf(client, secretariat, year_of_meetings):
    signed_in(client, secretariat)

    response = client.get(statement_url(year_of_meetings, "?year=2026&format=pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="compliance-statement-warwickshire-scp-2026.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-cache"
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))
    assert "Warwickshire Safer Communities Partnership" in text
    assert "Annual compliance statement 2026" in text
    assert "Sent on 10 September 2026, 2 working days after it was due on 8 September 2026." in text
    assert "Missed" in text
    assert reader.metadata.title == "Annual compliance statement 2026 – Warwickshire Safer Communities Partnership"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?year=abc&format=pdf", "Give the year as four figures, for example 2026."),
        ("?year=2026&format=docx", "Ask for the statement as a page (format=html) or as a PDF (format=pdf)."),
    ],
)
def test_the_statement_refuses_a_malformed_request(client, secretariat, year_of_meetings, query, message):
    signed_in(client, secretariat)

    response = client.get(statement_url(year_of_meetings, query))

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert message in text_of(response)


def _busy_year(partnership, n):
    bodies = NominatingBodyFactory.create_batch(n, partnership=partnership)
    action = ActionFactory(plan=ActionPlanFactory(partnership=partnership))
    for i, body in enumerate(bodies):
        MemberFactory(nominating_body=body)
        day = datetime.date(2026, 1 + i % 11, 3 + i % 20)
        made = meeting(partnership, day, sent=day - datetime.timedelta(days=3 + i % 10))
        if day < datetime.date(2026, 11, 10):
            minutes(made, circulated=day + datetime.timedelta(days=10 + i % 15))
        MilestoneFactory(action=action, due=day, status=MilestoneStatus.DONE if i % 2 else MilestoneStatus.ON_TRACK)


@pytest.mark.parametrize("page", [dashboard_url, statement_url])
def test_queries_fixed_whatever_the_number_of_meetings(
    client, secretariat, chair, warwickshire, page, django_assert_max_num_queries
):
    ConductDocumentFactory(partnership=warwickshire)
    TermsOfReferenceFactory(partnership=warwickshire)
    signed_in(client, secretariat)
    _busy_year(warwickshire, 3)
    # session, user, partnership, secretariat role, then the rules (10) and the history (1)
    with django_assert_max_num_queries(15):
        assert client.get(page(warwickshire)).status_code == 200
    _busy_year(warwickshire, 40)
    with django_assert_max_num_queries(15):
        assert client.get(page(warwickshire)).status_code == 200
