"""The public forms' per-address limits: the client's address behind a proxy, counts per scope."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from japandesk.core import ratelimit


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_the_address_is_read_from_the_proxys_header_when_one_is_named(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="203.0.113.7, 10.0.0.1")

    settings.JAPANDESK_CLIENT_IP_HEADER = ""
    direct = ratelimit.client_address(request)
    settings.JAPANDESK_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    proxied = ratelimit.client_address(request)

    assert (direct, proxied) == ("10.0.0.1", "203.0.113.7")


def test_posts_are_counted_per_scope_and_address():
    counts = [ratelimit.count("inquiries", "203.0.113.7", 60) for _ in range(3)]
    ratelimit.count("registrations", "203.0.113.7", 60)
    ratelimit.count("inquiries", "198.51.100.2", 60)

    assert counts == [1, 2, 3]
    assert (ratelimit.used("inquiries", "203.0.113.7"), ratelimit.used("registrations", "203.0.113.7")) == (3, 1)
    assert ratelimit.used("inquiries", "192.0.2.9") == 0
