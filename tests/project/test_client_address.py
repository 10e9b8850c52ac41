"""The client's address counts only the proxies the installation trusts."""

import pytest
from django.test import RequestFactory

from cto_assess.client_address import client_address


def request_with(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_it_ignores_x_forwarded_for_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_with("203.0.113.9", "192.0.2.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "192.0.2.1, 198.51.100.7", "198.51.100.7"),  # the left part is the client's
        (2, "192.0.2.1, 198.51.100.7, 10.0.0.3", "198.51.100.7"),
        (1, "not-an-address", "10.0.0.2"),
        (2, "", "10.0.0.2"),  # fewer hops than proxies: the connection's own address
        (1, "198.51.100.7:4711", "198.51.100.7"),  # with the client's port
        (1, "[2001:db8::7]:443", "2001:db8::7"),
        (1, "2001:db8::7", "2001:db8::7"),
        (1, "192.0.2.1:80, 198.51.100.7:5000", "198.51.100.7"),
    ],
)
def test_it_counts_trusted_proxies_from_the_right(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_address(request_with("10.0.0.2", forwarded)) == expected
