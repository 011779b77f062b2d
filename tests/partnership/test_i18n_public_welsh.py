# ruff: noqa: E501  (the pages' English and Welsh sentences are kept whole, one pair a line)
"""The public site and the members' home in Welsh: with Cymraeg offered and chosen, the site's
home, a partnership's home, its public meetings, search and the subscribe page come with Welsh
headings, navigation and text, with no English left of the strings translated and every
placeholder filled in."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import MeetingFactory
from tests.helpers import signed_in
from tests.partnership.test_i18n import WITH_WELSH, compiled_catalogues  # noqa: F401 (a module fixture)


@pytest.fixture
def in_welsh(client, settings):
    """A visitor who has chosen Cymraeg from the footer's language switch."""
    settings.LANGUAGES = WITH_WELSH
    client.post(reverse("set_language"), {"language": "cy"})
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = " ".join(response.content.decode().split())
    assert '<html lang="cy"' in html
    # Every blocktranslate placeholder was filled in: no "%(name)s" left in the page.
    assert "%(" not in html
    return html


def assert_welsh(html, translations):
    for english, welsh in translations.items():
        assert welsh in html, welsh
        assert english not in html, english


def test_the_site_home_is_in_welsh(in_welsh, warwickshire):
    html = page(in_welsh, reverse("public:home"))

    assert_welsh(
        html,
        {
            "Skip to main content": "Neidio i'r prif gynnwys",
            '<h1 class="govuk-heading-xl">Partnerships</h1>': '<h1 class="govuk-heading-xl">Partneriaethau</h1>',
            "The partnerships whose register, meetings and decisions are kept here.": "Y partneriaethau y mae eu cofrestr, eu cyfarfodydd a'u penderfyniadau yn cael eu cadw yma.",
            "Accessibility statement": "Datganiad hygyrchedd",
        },
    )
    assert warwickshire.name in html


def test_a_partnerships_home_is_in_welsh(in_welsh, warwickshire, chair):
    html = page(in_welsh, reverse("public:partnership", kwargs={"slug": warwickshire.slug}))

    assert_welsh(
        html,
        {
            ">Overview<": ">Trosolwg<",
            ">Membership<": ">Aelodaeth<",
            ">Meetings<": ">Cyfarfodydd<",
            ">Search<": ">Chwilio<",
            "Chair and vice chair": "Cadeirydd ac is-gadeirydd",
            "What the partnership publishes": "Yr hyn y mae'r bartneriaeth yn ei gyhoeddi",
            "Keep up to date": "Cadw'n gyfoes",
            "Get an email when the partnership publishes something new": "Cael e-bost pan fydd y bartneriaeth yn cyhoeddi rhywbeth newydd",
        },
    )
    assert warwickshire.name in html


def test_a_partnerships_public_meetings_are_in_welsh(in_welsh, warwickshire):
    MeetingFactory(partnership=warwickshire, is_public=True, title="Summer meeting", date=datetime.date(2027, 6, 15))

    html = page(in_welsh, reverse("public_meetings:list", kwargs={"slug": warwickshire.slug}))

    assert_welsh(
        html,
        {
            "Public meetings coming up": "Cyfarfodydd cyhoeddus i ddod",
            "Past meetings": "Cyfarfodydd blaenorol",
            "Not published yet": "Heb ei gyhoeddi eto",
            "Subscribe to the public meetings in your calendar": (
                "Tanysgrifio i'r cyfarfodydd cyhoeddus yn eich calendr"
            ),
        },
    )
    assert f"<title>Cyfarfodydd: {warwickshire.name}" in html
    assert '<h1 class="govuk-heading-xl">Cyfarfodydd cyhoeddus</h1>' in html
    assert "Summer meeting" in html
    # The number of working days is filled in.
    assert f"o leiaf {warwickshire.agenda_notice_working_days} diwrnod gwaith cyn y cyfarfod" in html


def test_searching_a_partnership_is_in_welsh(in_welsh, warwickshire):
    url = reverse("publications:search", kwargs={"slug": warwickshire.slug})

    html = page(in_welsh, url)
    assert_welsh(
        html,
        {
            "Search what the partnership has published": "Chwilio'r hyn y mae'r bartneriaeth wedi'i gyhoeddi",
            "Words that must all appear": "Geiriau y mae'n rhaid iddynt i gyd ymddangos",
            ">Search for<": ">Chwilio am<",
            "Everything published": "Popeth a gyhoeddwyd",
        },
    )

    html = page(in_welsh, f"{url}?q=knife")
    assert "Canlyniadau chwilio ar gyfer “knife”" in html
    assert "0 canlyniad ar gyfer “knife”" in html
    assert "results for" not in html


def test_the_subscribe_page_is_in_welsh(in_welsh, warwickshire):
    url = reverse("publications:subscribe", kwargs={"slug": warwickshire.slug})

    html = page(in_welsh, url)
    assert_welsh(
        html,
        {
            "Get emails when something is published": "Cael negeseuon e-bost pan fydd rhywbeth yn cael ei gyhoeddi",
            "Every email has a link to unsubscribe in one step.": (
                "Mae dolen ym mhob e-bost i ddad-danysgrifio mewn un cam."
            ),
            "Email address": "Cyfeiriad e-bost",
            ">Subscribe<": ">Tanysgrifio<",
        },
    )
    assert f"Cael negeseuon e-bost pan fydd {warwickshire.name} yn cyhoeddi" in html


def test_an_email_address_in_the_wrong_format_is_explained_in_welsh(in_welsh, warwickshire):
    url = reverse("publications:subscribe", kwargs={"slug": warwickshire.slug})

    response = in_welsh.post(url, {"email": "not an address"})

    html = response.content.decode()
    assert "Rhowch gyfeiriad e-bost yn y fformat cywir" in html
    assert "Enter an email address in the correct format" not in html


def test_a_members_home_is_in_welsh(in_welsh, member):
    signed_in(in_welsh, member)

    html = page(in_welsh, reverse("governance:home"))

    assert_welsh(
        html,
        {
            "Your home": "Eich hafan",
            "Waiting on you": "Yn aros amdanoch chi",
            "Your next meetings": "Eich cyfarfodydd nesaf",
            "Your actions": "Eich camau gweithredu",
        },
    )
