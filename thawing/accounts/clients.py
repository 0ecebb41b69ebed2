"""The address a request really comes from, for counting wrong sign-in tries.

Behind a reverse proxy every request reaches Thawing from the proxy's own address (127.0.0.1 in
docs/deploy.md), so counting by it would let one person pause everyone. The proxy writes the
address it saw at the right end of X-Forwarded-For; whatever is further left was sent by the
client and proves nothing. So the header is read only when the direct peer is a proxy named in
THAWING_TRUSTED_PROXIES, from the right, past every trusted proxy, and the first address that is
not one is the client's. Without the setting the header is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address: Address | None) -> bool:
    return address is not None and any(
        address in ipaddress.ip_network(network) for network in settings.TRUSTED_PROXIES)


def client_address(request: HttpRequest) -> str:
    """The client's address: the direct peer, or the nearest hop before the trusted proxies."""
    peer = request.META.get("REMOTE_ADDR", "")
    if not _trusted(_address(peer)):
        return peer
    nearest = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = _address(hop)
        if address is None:
            # Not written by a proxy: count the nearest proxy rather than a made-up address.
            break
        if not _trusted(address):
            return str(address)
        nearest = str(address)
    return nearest
