"""The sign-in page (Django's LoginView with the GOV.UK template)."""

from django.urls import reverse

from tests.factories import PASSWORD

LOGIN = reverse("login")


def test_login_page_has_labels_and_autocomplete(client, db):
    html = client.get(LOGIN).content.decode()

    assert '<label class="govuk-label" for="id_username">Username</label>' in html
    assert '<label class="govuk-label" for="id_password">Password</label>' in html
    assert 'autocomplete="username"' in html
    assert 'autocomplete="current-password"' in html
    assert "govuk-error-summary" not in html


def test_member_signs_in_and_goes_to_next(client, member):
    mine = reverse("partnership:mine")

    response = client.post(LOGIN, {"username": "mo.member", "password": PASSWORD, "next": mine})

    assert response.status_code == 302
    assert response.url == mine
    assert client.session["_auth_user_id"] == str(member.pk)


def test_next_is_kept_in_the_form(client, db):
    html = client.get(LOGIN, {"next": "/partnerships/"}).content.decode()

    assert '<input type="hidden" name="next" value="/partnerships/">' in html


def test_wrong_password_shows_error_summary(client, member):
    response = client.post(LOGIN, {"username": "mo.member", "password": "not-the-password"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Please enter a correct username and password" in html
    assert '<a href="#id_username">' in html
    assert "<title>Error: Sign in" in html
    assert "_auth_user_id" not in client.session
    # The username is kept, the password is not.
    assert 'value="mo.member"' in html
    assert "not-the-password" not in html


def test_empty_form_says_what_is_missing(client, db):
    response = client.post(LOGIN, {"username": "", "password": ""})

    html = response.content.decode()
    assert html.count("This field is required.") == 4  # in the summary and by each field
    assert 'class="govuk-input govuk-!-width-two-thirds govuk-input--error" id="id_username"' in html
    assert 'aria-describedby="id_password-error"' in html


def test_signing_in_without_next_goes_to_your_home(client, secretariat):
    response = client.post(LOGIN, {"username": "sam.secretariat", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("governance:home")


def test_signing_out_goes_to_the_public_home_page(client, secretariat):
    client.force_login(secretariat)

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response.url == reverse("public:home")
    assert "_auth_user_id" not in client.session


def test_sign_in_page_carries_the_service_name_not_the_host(client, db, settings):
    settings.SITE_NAME = "Warwickshire partnerships"

    html = client.get(LOGIN).content.decode()

    assert "– Warwickshire partnerships</title>" in html
    assert "testserver" not in html
