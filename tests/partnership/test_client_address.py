"""The address a sign-in, a lockout and the audit log record: the proxy's view, not the client's
word (PROXY_COUNT)."""

import pytest
from django.test import RequestFactory

from partnership.audit import client_ip


def request_from(remote="10.0.0.2", forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_proxies_the_header_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert client_ip(request_from(forwarded="203.0.113.5")) == "10.0.0.2"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        ("203.0.113.5", "203.0.113.5"),
        # The client sent a header of its own: nginx appended the address it really saw.
        ("198.51.100.66, 203.0.113.5", "203.0.113.5"),
        ("  203.0.113.5  ", "203.0.113.5"),
    ],
)
def test_behind_one_proxy_the_last_entry_is_the_client(settings, forwarded, expected):
    settings.PROXY_COUNT = 1
    assert client_ip(request_from(forwarded=forwarded)) == expected


def test_behind_two_proxies_the_entry_before_the_last(settings):
    settings.PROXY_COUNT = 2
    assert client_ip(request_from(forwarded="198.51.100.66, 203.0.113.5, 10.0.0.9")) == "203.0.113.5"


def test_no_header_or_nonsense_falls_back_to_the_connection(settings):
    settings.PROXY_COUNT = 1
    assert client_ip(request_from()) == "10.0.0.2"
    assert client_ip(request_from(forwarded="not-an-address")) == "10.0.0.2"


def test_django_axes_counts_failures_under_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.PROXY_COUNT = 1
    assert get_client_ip_address(request_from(forwarded="198.51.100.66, 203.0.113.5")) == "203.0.113.5"
