"""The public site of the partnerships (issue 7, part A1): the site's home, a partnership's
home, its membership register and the accessibility statement, as the anonymous visitor and
a signed-in member get them; what they never show (an email address); the sub-navigation on
each page of a partnership; and the queries each page costs."""

import re

import pytest
from django.urls import reverse

from partnership.models import OfficeRole
from tests.factories import (
    MemberFactory,
    NominatingBodyFactory,
    OfficeFactory,
    PartnershipFactory,
    PersonFactory,
    SubstituteFactory,
)
from tests.helpers import signed_in

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PARTNERSHIP_PAGES = ["public:partnership", "public:members"]


def words(response) -> str:
    """The page's HTML with its runs of white space made single spaces."""
    return " ".join(response.text.split())


def url(name, partnership=None):
    return reverse(name, kwargs={"slug": partnership.slug}) if partnership else reverse(name)


@pytest.fixture
def cast(warwickshire, chair, member, outsider, other_partnership):
    """Everyone whose email address the pages must not show, in two partnerships."""
    SubstituteFactory(member=chair.person.seats.get(), name="Sue Substitute", email="sue.sub@warwickshire.example.org")
    return warwickshire


# The site's home


def test_site_home_lists_each_partnership_with_the_first_line_of_its_aim(client, warwickshire, other_partnership):
    other_partnership.aim = "To make Rugby a safer place to live, work and visit.\nA second line, not shown."
    other_partnership.save()

    response = client.get(url("public:home"))

    assert response.status_code == 200
    html = response.text
    assert f'<a class="govuk-link" href="{url("public:partnership", warwickshire)}">{warwickshire.name}</a>' in html
    assert f'href="{url("public:partnership", other_partnership)}"' in html
    assert "To make Rugby a safer place to live, work and visit." in html
    assert "A second line, not shown." not in html
    assert "To create safer communities through the reduction of crime" in html


def test_site_home_says_when_nothing_is_hosted(client, db):
    response = client.get(url("public:home"))

    assert response.status_code == 200
    assert "No partnerships are hosted here yet." in response.text


@pytest.mark.parametrize("count", [3, 30])
def test_site_home_is_one_query(client, db, django_assert_max_num_queries, count):
    PartnershipFactory.create_batch(count)

    with django_assert_max_num_queries(1):
        response = client.get(url("public:home"))

    assert response.text.count('class="govuk-heading-m') == count


# A partnership's home


def test_partnership_home_shows_aim_objectives_and_officers(client, warwickshire, chair):
    html = client.get(url("public:partnership", warwickshire)).text

    assert '<h2 class="govuk-heading-l">Aim</h2>' in html
    assert "To agree county-wide strategy and targets" in html
    assert "Carol Chair, Warwickshire County Council" in html
    assert "No vice chair in office" in html


def test_partnership_home_shows_how_to_attend_in_the_secretariats_words(client, warwickshire):
    warwickshire.how_to_attend = "Meetings are at Shire Hall, Warwick.\n\nThere is a hearing loop."
    warwickshire.save()

    html = client.get(url("public:partnership", warwickshire)).text

    assert "How to attend a public meeting" in html
    assert "<p>Meetings are at Shire Hall, Warwick.</p>" in html
    assert "<p>There is a hearing loop.</p>" in html
    assert "Anyone may come to a meeting held in public" not in html


def test_partnership_home_without_how_to_attend_explains_from_the_rules(client, warwickshire):
    warwickshire.agenda_notice_working_days = 7
    warwickshire.min_public_meetings_per_year = 2
    warwickshire.save()

    html = words(client.get(url("public:partnership", warwickshire)))

    assert "Anyone may come to a meeting held in public" in html
    meetings_link = f'<a class="govuk-link" href="{url("public_meetings:list", warwickshire)}">public meetings page</a>'
    assert f"listed on the {meetings_link} with their date, time and place." in html
    assert "published there at least 7 working days before each meeting." in html
    assert "At least 2 of its meetings each year are held in public." in html


def test_partnership_home_with_one_day_notice_says_day(client, warwickshire):
    warwickshire.agenda_notice_working_days = 1
    warwickshire.save()

    html = words(client.get(url("public:partnership", warwickshire)))

    assert "at least 1 working day before each meeting." in html
    assert "At least 1 of its meetings each year is held in public." in html


@pytest.mark.parametrize(
    "name",
    [
        "public_meetings:list",
        "public_meetings:decisions",
        "public_plans:list",
        "public:members",
        "publications:search",
        "publications:subscribe",
        "publications:feed",
        "public_meetings:calendar",
    ],
)
def test_partnership_home_links_into_the_rest_of_its_site(client, warwickshire, name):
    html = client.get(url("public:partnership", warwickshire)).text

    assert f'href="{url(name, warwickshire)}"' in html


def test_partnership_home_says_how_to_reach_the_secretariat_without_an_email(client, warwickshire, chair):
    html = words(client.get(url("public:partnership", warwickshire)))

    assert 'id="contact"' in html
    assert "contact Warwickshire County Council and ask for the secretariat of the " + warwickshire.name in html
    assert warwickshire.secretariat_email not in html


def test_partnership_home_without_a_chair_still_says_how_to_reach_the_secretariat(client, warwickshire):
    html = words(client.get(url("public:partnership", warwickshire)))

    assert "contact any of the nominating bodies on the membership register" in html


def test_membership_table_is_no_longer_on_the_partnership_home(client, warwickshire, member):
    html = client.get(url("public:partnership", warwickshire)).text

    assert "Mo Member" not in html
    assert "<table" not in html


# The membership register


def test_register_lists_each_body_with_its_current_representatives(client, warwickshire, chair, member, cdrp_chairs):
    former = MemberFactory(nominating_body=cdrp_chairs, person=PersonFactory(name="Fred Former"), active=False)

    response = client.get(url("public:members", warwickshire))

    assert response.status_code == 200
    html = response.text
    assert '<h1 class="govuk-heading-xl">Membership register</h1>' in html
    assert "Nominating bodies and their representatives" in html
    for text in ["Warwickshire County Council", "Carol Chair", "Portfolio holder", "The Police Service", "Mo Member"]:
        assert text in html
    assert "Chief Superintendent" in html
    assert "No representative at present" in html
    assert former.person.name not in html


def test_register_says_when_there_are_no_bodies(client, warwickshire):
    assert "No nominating bodies are on the register yet." in client.get(url("public:members", warwickshire)).text


def test_register_shows_nobody_from_another_partnership(client, warwickshire, member, outsider):
    html = client.get(url("public:members", warwickshire)).text

    assert "Oscar Outsider" not in html
    assert "Rugby Borough Council" not in html


@pytest.mark.parametrize(("bodies", "members"), [(3, 6), (13, 60)])
def test_register_queries_do_not_grow_with_the_register(client, db, django_assert_max_num_queries, bodies, members):
    partnership = PartnershipFactory()
    created = NominatingBodyFactory.create_batch(bodies, partnership=partnership, seats=5)
    seated = [MemberFactory(nominating_body=created[i % bodies]) for i in range(members)]
    for seat in seated[:5]:
        SubstituteFactory(member=seat)
    OfficeFactory(member=seated[0])
    OfficeFactory(member=seated[1], role=OfficeRole.VICE_CHAIR)

    with django_assert_max_num_queries(3):
        response = client.get(url("public:members", partnership))

    assert response.text.count('<td class="govuk-table__cell">Representative') == members


@pytest.mark.parametrize("volume", [2, 20])
def test_partnership_home_queries_do_not_grow(client, db, django_assert_max_num_queries, volume):
    partnership = PartnershipFactory(objectives="\n".join(f"Objective {n}" for n in range(volume)))
    bodies = NominatingBodyFactory.create_batch(2, partnership=partnership, seats=volume)
    seated = [MemberFactory(nominating_body=bodies[n % 2]) for n in range(volume)]
    OfficeFactory(member=seated[0])
    OfficeFactory(member=seated[1], role=OfficeRole.VICE_CHAIR)

    with django_assert_max_num_queries(2):
        response = client.get(url("public:partnership", partnership))

    assert response.status_code == 200


# What every page of a partnership shares


@pytest.mark.parametrize("name", PARTNERSHIP_PAGES)
def test_unknown_partnership_is_404(client, db, name):
    assert client.get(reverse(name, kwargs={"slug": "no-such-partnership"})).status_code == 404


@pytest.mark.parametrize("name", PARTNERSHIP_PAGES)
def test_no_email_address_on_a_partnership_page(client, cast, name):
    html = client.get(url(name, cast)).text

    assert not EMAIL.search(html), EMAIL.search(html)


@pytest.mark.parametrize("name", PARTNERSHIP_PAGES)
def test_signed_in_member_sees_no_email_address_either(client, cast, member, name):
    signed_in(client, member)

    response = client.get(url(name, cast))

    assert response.status_code == 200
    assert not EMAIL.search(response.text)


@pytest.mark.parametrize(
    ("name", "current", "label"),
    [("public:partnership", "home", "Overview"), ("public:members", "members", "Membership")],
)
def test_sub_navigation_marks_the_current_page(client, warwickshire, name, current, label):
    html = client.get(url(name, warwickshire)).text

    assert re.search(f'<nav class="[^"]*" aria-label="{re.escape(warwickshire.name)}: public pages">', html)
    assert html.count('aria-current="page"') == 1
    current_link = f'href="{url(name, warwickshire)}" aria-current="page">'
    assert f'{current_link}<strong class="govuk-service-navigation__active-fallback">{label}</strong>' in html
    for other in [
        "public_meetings:list",
        "public_meetings:decisions",
        "public_plans:list",
        "publications:search",
        "publications:subscribe",
    ]:
        assert f'<a class="govuk-service-navigation__link" href="{url(other, warwickshire)}">' in html


@pytest.mark.parametrize("name", PARTNERSHIP_PAGES)
def test_partnership_pages_refuse_a_post(client, warwickshire, name):
    assert client.post(url(name, warwickshire)).status_code == 405


# The accessibility statement


def test_accessibility_statement_follows_the_model(client, warwickshire, other_partnership):
    response = client.get(url("public:accessibility"))

    assert response.status_code == 200
    html = words(response)
    for text in [
        '<h1 class="govuk-heading-xl">Accessibility statement for Partnership governance</h1>',
        "This website is partially compliant with the",
        "Web Content Accessibility Guidelines version 2.2</a> AA standard",
        "papers uploaded by partner organisations, often PDF or Word documents, may not be accessible",
        "Every page was tested automatically with axe-core in the Chromium browser against WCAG 2.2 levels A and AA",
        "using a keyboard alone, on a screen 320 pixels wide and zoomed to 400%.",
        "Equality and Human Rights Commission (EHRC)",
        "Equality Advisory and Support Service (EASS)",
        "This statement was prepared on 25 November 2026.",
    ]:
        assert text in html, text
    assert f'href="{url("public:partnership", warwickshire)}#contact">Contact the {warwickshire.name}</a>' in html
    assert f'href="{url("public:partnership", other_partnership)}#contact"' in html
    assert not EMAIL.search(html)


@pytest.mark.parametrize("count", [2, 20])
def test_accessibility_statement_is_one_query(client, db, django_assert_max_num_queries, count):
    PartnershipFactory.create_batch(count)

    with django_assert_max_num_queries(1):
        response = client.get(url("public:accessibility"))

    assert response.text.count('#contact">Contact the ') == count
