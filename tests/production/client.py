"""A plain HTTP client for a production site on loopback, standing in for a browser behind
the TLS-terminating proxy: it sends the proxy's X-Forwarded-Proto header and an Origin, keeps
cookies (Secure ones too, since the browser's side of the proxy is HTTPS), fills in CSRF
tokens, and reads the second-factor key from the enrolment page as a person's app would."""

from __future__ import annotations

import base64
import http.client
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import lxml.html
from django_otp.oath import totp


@dataclass
class Response:
    url: str
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def is_html(self) -> bool:
        return self.headers.get("Content-Type", "").startswith("text/html")

    def document(self):
        return lxml.html.fromstring(self.body, base_url=self.url)


class SiteClient:
    def __init__(self, base_url: str, *, forwarded_for: str | None = None) -> None:
        self.base_url = base_url
        self.host = urlsplit(base_url).netloc
        self.cookies: dict[str, str] = {}
        self.forwarded_for = forwarded_for
        self._connection: http.client.HTTPConnection | None = None

    def _connect(self) -> http.client.HTTPConnection:
        if self._connection is None:
            parts = urlsplit(self.base_url)
            self._connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        return self._connection

    def request(self, method: str, path: str, *, body: bytes | None = None, headers=None):
        url = urljoin(self.base_url, path)
        target = urlsplit(url)
        request_path = target.path + (f"?{target.query}" if target.query else "")
        sent = {
            "Host": self.host,
            "X-Forwarded-Proto": "https",
            "Referer": f"https://{self.host}/",
            "Accept": "text/html,application/json,*/*",
        }
        if self.forwarded_for:
            sent["X-Forwarded-For"] = self.forwarded_for
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method != "GET":
            sent["Origin"] = f"https://{self.host}"
        sent.update(headers or {})
        for attempt in range(2):
            connection = self._connect()
            try:
                connection.request(method, request_path, body=body, headers=sent)
                reply = connection.getresponse()
                data = reply.read()
                break
            except (http.client.HTTPException, ConnectionError):
                # gunicorn's sync workers close idle keep-alive connections; open a new one.
                connection.close()
                self._connection = None
                if attempt:
                    raise
        if reply.getheader("Connection", "").lower() == "close":
            connection.close()
            self._connection = None
        for header in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "max-age=0" in header.lower() or value in {"", '""'}:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return Response(url, reply.status, reply.headers, data)

    def get(self, path: str, *, follow: bool = True) -> Response:
        response = self.request("GET", path)
        hops = 0
        while follow and response.status in {301, 302, 303, 307, 308} and hops < 10:
            response = self.request("GET", urljoin(response.url, response.headers["Location"]))
            hops += 1
        return response

    def post_form(self, path: str, fields: dict[str, str], *, follow: bool = True) -> Response:
        from urllib.parse import urlencode

        data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        response = self.request(
            "POST",
            path,
            body=urlencode(data).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        if follow and response.status in {301, 302, 303}:
            return self.get(urljoin(response.url, response.headers["Location"]))
        return response

    def sign_in(self, email: str, password: str) -> Response:
        self.get("/sign-in/")
        return self.post_form("/sign-in/", {"username": email, "password": password})

    def pass_second_factor(self, page: Response, secret: str | None = None) -> tuple[Response, str]:
        """Enter the code from an authenticator holding `secret`, or enrol one from the page."""
        if secret is None:
            keys = page.document().xpath("//*[@data-testid='totp-secret']")
            assert keys, f"no authenticator key to enrol on {page.url}"
            secret = keys[0].text_content().strip()
        key = base64.b32decode(secret)
        code = f"{totp(key, step=30, t0=0, digits=6, drift=0):06d}"
        form_url = page.url
        response = self.post_form(form_url, {"token": code, "next": "/"})
        if response.status == 400:  # the code rolled over between reading and sending
            time.sleep(1)
            code = f"{totp(key, step=30, t0=0, digits=6, drift=0):06d}"
            response = self.post_form(form_url, {"token": code, "next": "/"})
        return response, secret
