"""One browser tab for the load test: a keep-alive HTTP/1.1 connection with its own cookies."""

from __future__ import annotations

import http.client
import http.cookies
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

from bench.common import TOKEN
from bench.load.errors import LoadError

REQUEST_TIMEOUT = 60.0  # as long as nginx waits for an answer by default (proxy_read_timeout)


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def location(self) -> str:
        return urllib.parse.urlsplit(self.headers.get("Location", "")).path

    def token(self) -> str:
        found = TOKEN.search(self.body)
        if not found:
            raise LoadError("No CSRF token in the page.")
        return found.group(1)


class Browser:
    """A keep-alive HTTP/1.1 connection with cookies, like one browser tab.

    `host` and `https` let it stand in for a TLS reverse proxy: it sends that Host header and
    `X-Forwarded-Proto: https`, and keeps Secure cookies (the proxy would pass them on).
    """

    def __init__(self, address: str, port: int, *, host: str | None = None, https: bool = False,
                 timeout: float = REQUEST_TIMEOUT) -> None:
        self.address, self.port, self.timeout = address, port, timeout
        self.host = host or f"{address}:{port}"
        self.https = https
        self.origin = f"{'https' if https else 'http'}://{self.host}"
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.used = False

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn, self.used = None, False

    def _send(self, method: str, path: str, body: str | None, headers: dict[str, str]) -> Response:
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.address, self.port, timeout=self.timeout)
            self.used = False
        self.conn.request(method, path, body=body, headers=headers)
        answer = self.conn.getresponse()
        text = answer.read().decode("utf-8", "replace")
        self.used = True
        if answer.will_close:
            self.close()
        self._keep_cookies(answer.headers)
        return Response(answer.status, answer.headers, text)

    def _keep_cookies(self, headers: http.client.HTTPMessage) -> None:
        """Remember the cookies set, forget the ones expired, as a browser does."""
        for raw in headers.get_all("Set-Cookie") or []:
            jar: http.cookies.SimpleCookie = http.cookies.SimpleCookie()
            jar.load(raw)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def request(self, method: str, path: str, form: Iterable[tuple[str, str]] | None = None) -> Response:
        headers = {"Host": self.host, "User-Agent": "thawing-bench-load"}
        if self.https:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(list(form))
            headers.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": self.origin,
                            "Referer": self.origin + path})
        reused = self.conn is not None and self.used
        try:
            try:
                return self._send(method, path, body, headers)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                if not reused:
                    raise
                # The server closed an idle keep-alive connection before reading this request:
                # a browser sends it again on a new connection, and so do we.
                self.close()
                return self._send(method, path, body, headers)
        except (OSError, http.client.HTTPException):
            self.close()
            raise

