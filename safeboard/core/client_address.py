"""The address a request came from, as lock-outs and rate limits count it.

Behind a reverse proxy every request arrives from the proxy's address, so counting by
REMOTE_ADDR would lock a whole office out together, and trusting any X-Forwarded-For would
let a caller pick a fresh address on every try. Only the header a trusted proxy sets is read,
and only the entry that proxy appended: the Nth from the right for N trusted proxies in a
chain (each appends the address it received the request from).
"""

from __future__ import annotations

from ipaddress import ip_address

from django.conf import settings
from django.http import HttpRequest


def _meta_key(header: str) -> str:
    return "HTTP_" + header.strip().upper().replace("-", "_")


def client_address(request: HttpRequest) -> str:
    """The client's address: from the trusted proxy's header when one is configured."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.SAFEBOARD_TRUSTED_PROXY_HEADER
    if not header:
        return remote
    chain = [hop.strip() for hop in request.META.get(_meta_key(header), "").split(",")]
    chain = [hop for hop in chain if hop]
    proxies = settings.SAFEBOARD_TRUSTED_PROXY_COUNT
    if len(chain) < proxies:
        return remote
    candidate = chain[-proxies]
    try:
        return str(ip_address(candidate))
    except ValueError:
        return remote
