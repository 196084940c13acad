"""Reading another board's feed safely: HTTPS only (plain HTTP only to the loopback interface
in development and tests), timeouts, a byte cap read as it streams, no redirect followed,
and JSON parsed as data (nothing in a feed is ever executed or rendered unescaped)."""

from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError

CONNECT_TIMEOUT = 5
READ_TIMEOUT = 20
MAX_BYTES = 5 * 1024 * 1024
MAX_PAGES = 50


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_address(url: str) -> None:
    """Refuse an address SafeBoard will not read, saying why."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return
    plain_allowed = settings.DEBUG or (
        settings.SAFEBOARD_EXCHANGE_HTTP_LOOPBACK and _is_loopback(parts.hostname or "")
    )
    if parts.scheme == "http" and parts.hostname and plain_allowed:
        return
    raise ValidationError(
        {"feed_url": f"A feed must be read over HTTPS (https://...), not \u201c{url}\u201d."}
    )


def get_json(url: str) -> object:
    """The document at `url`, or a ValidationError saying what went wrong."""
    check_address(url)
    try:
        with requests.get(
            url,
            stream=True,
            timeout=(CONNECT_TIMEOUT, READ_TIMEOUT),
            allow_redirects=False,
            headers={"Accept": "application/json"},
        ) as response:
            if response.status_code != 200:
                raise ValidationError(f"The feed answered {response.status_code}.")
            body = bytearray()
            for chunk in response.iter_content(chunk_size=64 * 1024):
                body += chunk
                if len(body) > MAX_BYTES:
                    raise ValidationError(f"The feed is larger than {MAX_BYTES} bytes.")
    except requests.RequestException as error:
        raise ValidationError(f"The feed could not be read: {type(error).__name__}.") from None
    try:
        return json.loads(bytes(body).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ValidationError("The feed is not JSON.") from None
