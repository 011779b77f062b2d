"""Welsh: offered only where WELSH_LANGUAGE=on. Then the footer has a language switch, choosing
Cymraeg serves the pages in Welsh with <html lang="cy">, and a browser asking for Welsh gets it;
otherwise the site is in English (en-GB) whatever the browser asks for."""

import pytest
from django.urls import reverse

from scripts.compile_messages import compile_all

ENGLISH_ONLY = [("en-gb", "English")]
WITH_WELSH = [("en-gb", "English"), ("cy", "Cymraeg")]


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    """The .mo files are built, not committed: compile any that are missing or stale."""
    compile_all(only_missing=True)


@pytest.fixture
def welsh_offered(settings):
    settings.LANGUAGES = WITH_WELSH


@pytest.fixture
def english_only(settings):
    settings.LANGUAGES = ENGLISH_ONLY


def test_choosing_cymraeg_serves_the_home_page_in_welsh(client, db, welsh_offered):
    home = reverse("public:home")
    response = client.get(home)
    assert 'lang="en-GB"' in response.content.decode()
    assert 'name="language" value="cy"' in response.content.decode()

    response = client.post(reverse("set_language"), {"language": "cy", "next": home}, follow=True)

    html = response.content.decode()
    assert response.redirect_chain == [(home, 302)]
    assert '<html lang="cy"' in html
    assert "Neidio i'r prif gynnwys" in html
    assert "Datganiad hygyrchedd" in html
    # The way back to English is offered, named in English.
    assert 'name="language" value="en-gb"' in html
    assert 'lang="en-GB">English</button>' in html


def test_the_sign_in_page_and_menu_are_in_welsh_once_chosen(client, db, welsh_offered):
    client.post(reverse("set_language"), {"language": "cy"})

    html = client.get(reverse("login")).content.decode()

    assert '<h1 class="govuk-heading-xl">Mewngofnodi</h1>' in html
    assert "Enw defnyddiwr" in html
    assert "Cyfrinair" in html
    assert "Partneriaethau" in html


def test_a_missing_page_is_explained_in_welsh(client, db, welsh_offered, settings):
    settings.DEBUG = False
    client.post(reverse("set_language"), {"language": "cy"})

    response = client.get("/p/no-such-partnership/")

    assert response.status_code == 404
    assert "Heb ddod o hyd i'r dudalen" in response.content.decode()


def test_without_welsh_there_is_no_switch_and_the_page_is_english(client, db, english_only):
    html = client.get(reverse("public:home")).content.decode()

    assert '<html lang="en-GB"' in html
    assert 'name="language"' not in html
    assert "Skip to main content" in html


def test_choosing_welsh_when_it_is_not_offered_changes_nothing(client, db, english_only):
    client.post(reverse("set_language"), {"language": "cy"})

    html = client.get(reverse("public:home")).content.decode()

    assert '<html lang="en-GB"' in html
    assert "Skip to main content" in html


def test_a_browser_asking_for_welsh_gets_welsh_when_it_is_offered(client, db, welsh_offered):
    html = client.get(reverse("public:home"), headers={"accept-language": "cy"}).content.decode()

    assert '<html lang="cy"' in html
    assert "Neidio i'r prif gynnwys" in html


def test_a_browser_asking_for_welsh_gets_english_when_welsh_is_not_offered(client, db, english_only):
    html = client.get(reverse("public:home"), headers={"accept-language": "cy"}).content.decode()

    assert '<html lang="en-GB"' in html
    assert "Skip to main content" in html


def test_a_browser_asking_for_american_english_gets_british_english(client, db, welsh_offered):
    html = client.get(reverse("public:home"), headers={"accept-language": "en-US,en;q=0.9"}).content.decode()

    assert '<html lang="en-GB"' in html


def test_the_welsh_setting_comes_from_the_environment(monkeypatch):
    import importlib

    from partnership import settings as project_settings

    monkeypatch.setenv("WELSH_LANGUAGE", "on")
    assert dict(importlib.reload(project_settings).LANGUAGES) == dict(WITH_WELSH)
    monkeypatch.setenv("WELSH_LANGUAGE", "off")
    assert dict(importlib.reload(project_settings).LANGUAGES) == dict(ENGLISH_ONLY)
    monkeypatch.delenv("WELSH_LANGUAGE")
    assert importlib.reload(project_settings).LANGUAGES == ENGLISH_ONLY
