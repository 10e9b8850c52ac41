"""The client's address, counting only the proxies this installation trusts.

With TRUSTED_PROXY_COUNT = 0 (the default) the address is the connection's own
(REMOTE_ADDR) and X-Forwarded-For is ignored: anyone can write that header. Behind N
proxies that each append the address they received the request from, the client is the
N-th address from the right of X-Forwarded-For + REMOTE_ADDR; what lies further left
was written by the client and is never believed.
"""

import ipaddress

from django.conf import settings


def _without_port(address):
    """'203.0.113.9:4711' -> '203.0.113.9', '[2001:db8::1]:443' -> '2001:db8::1' (some
    proxies and balancers write the client's port too); a bare IPv6 address stays."""
    if address.startswith("["):
        return address[1:].split("]", 1)[0]
    if address.count(":") == 1:
        return address.split(":", 1)[0]
    return address


def _valid(address):
    try:
        return str(ipaddress.ip_address(_without_port(address.strip())))
    except ValueError:
        return None


def client_address(request):
    """The client's IP address as a string (None only when the connection has none)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part.strip() for part in forwarded.split(",") if part.strip()]
    chain.append(remote or "")
    if len(chain) <= count:
        # Fewer hops than proxies: the request did not come through all of them.
        return _valid(chain[0]) or remote
    return _valid(chain[-(count + 1)]) or remote
