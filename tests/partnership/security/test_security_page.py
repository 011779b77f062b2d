"""/accounts/security/ "Your account": two-factor status with its link, the password, the sessions;
linked from the header of every page for whoever is signed in."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.helpers import signed_in

SECURITY = reverse("account-security")


def test_without_two_factor_offers_to_set_it_up(client, member):
    signed_in(client, member)
    signed_in(Client(), member)

    html = client.get(SECURITY).content.decode()

    assert '<h1 class="govuk-heading-l">Your account</h1>' in html
    assert 'govuk-tag--grey">Off<' in html
    assert f'href="{reverse("two-factor-setup")}"' in html
    assert f'href="{reverse("two-factor-remove")}"' not in html
    assert f'href="{reverse("password_change")}"' in html
    assert f'href="{reverse("account-sessions")}"' in html
    assert "2 sessions, this one included" in html


def test_with_two_factor_offers_to_remove_it(client, member):
    TOTPDevice.objects.create(user=member, name="Phone", confirmed=True)
    signed_in(client, member)

    html = client.get(SECURITY).content.decode()

    assert 'govuk-tag--green">On<' in html
    assert f'href="{reverse("two-factor-remove")}"' in html
    assert f'href="{reverse("two-factor-setup")}"' not in html


def test_the_header_links_to_it_when_signed_in(client, member):
    assert SECURITY not in client.get(reverse("public:home")).content.decode()

    signed_in(client, member)

    assert f'href="{SECURITY}">Your account<' in client.get(reverse("governance:home")).content.decode()
    assert 'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Your account' in (
        client.get(SECURITY).content.decode()
    )
