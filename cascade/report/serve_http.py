"""The HTTP side of ``report --serve``: files, the reload stream, and its bounds.

* Only requests naming the server's own host (``127.0.0.1:PORT`` or
  ``localhost:PORT``) are answered; any other ``Host`` gets 403, so a web page
  on another site cannot read the report through DNS rebinding.
* Files only: a folder without ``index.html`` is 404, never a listing.
* Every HTML page served gets a small script (only here, never on disk) that
  listens to ``/__cascade/events``, a server-sent event stream that says
  ``reload`` when the site's version changes (see :class:`~cascade.report.serve.Site`).
* Bounds: at most :data:`WORKERS` requests at once (more get 503), an idle
  connection is closed after :data:`IDLE_SECONDS`, and an event stream ends
  after :data:`STREAM_SECONDS` (the browser reconnects by itself).
"""

from __future__ import annotations

import json
import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

if TYPE_CHECKING:
    from cascade.report.serve import Site

EVENTS = "/__cascade/events"
WORKERS = 16
IDLE_SECONDS = 10.0
STREAM_SECONDS = 300.0
KEEPALIVE_SECONDS = 15.0
RELOAD_SCRIPT = (
    "<script>(function(){{var s=new EventSource({url});"
    's.addEventListener("reload",function(){{s.close();location.reload();}});}})();</script>'
)
BUSY = b"HTTP/1.0 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


def with_reload(page: str, version: int) -> str:
    """``page`` with the reload script before ``</body>`` (at the end without one)."""
    script = RELOAD_SCRIPT.format(url=json.dumps(f"{EVENTS}?since={version}"))
    at = page.rfind("</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


class Handler(SimpleHTTPRequestHandler):
    """Serves the site folder; HTML requests get the error page while there is one."""

    site: Site
    timeout = IDLE_SECONDS

    def __init__(self, *args: Any, site: Site, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=str(site.folder), **kwargs)

    def _own_host(self) -> bool:
        address = self.server.server_address
        port = address[1] if isinstance(address, tuple) else 0
        host = (self.headers.get("Host") or "").strip().lower()
        return host in (f"127.0.0.1:{port}", f"localhost:{port}")

    def do_HEAD(self) -> None:
        if not self._own_host():
            self.send_error(HTTPStatus.FORBIDDEN, "unknown host")
            return
        super().do_HEAD()

    def do_GET(self) -> None:
        if not self._own_host():
            self.send_error(HTTPStatus.FORBIDDEN, "unknown host")
            return
        url = urlsplit(self.path)
        if url.path == EVENTS:
            self._events(parse_qs(url.query).get("since", [""])[0])
            return
        if url.path == "/favicon.ico" and not (self.site.folder / "favicon.ico").is_file():
            self.send_response(HTTPStatus.NO_CONTENT)  # no icon, and no 404 in the console
            self.end_headers()
            return
        with self.site.lock:
            error, version = self.site.error, self.site.version
        page = self._html_file(url.path)
        if error is not None and (page is not None or "." not in url.path.rsplit("/", 1)[-1]):
            self._send_html(with_reload(error, version))
        elif page is not None:
            self._send_html(with_reload(page.read_text(encoding="utf-8"), version))
        else:
            super().do_GET()

    def _html_file(self, path: str) -> Path | None:
        """The HTML file a path names (a folder's ``index.html``), if it exists."""
        found = Path(self.translate_path(path))
        if found.is_dir():
            found = found / "index.html"
        return found if found.suffix == ".html" and found.is_file() else None

    def _send_html(self, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self, since: str) -> None:
        """A server-sent event stream: ``reload`` once the site's version is not ``since``."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = int(since) if since.isdigit() else self.site.version
        self.wfile.write(b"retry: 1000\n\n")
        ends = STREAM_SECONDS
        try:
            while ends > 0 and not self.site.closing:
                version = self.site.wait(seen, min(KEEPALIVE_SECONDS, ends))
                ends -= KEEPALIVE_SECONDS
                if version != seen:
                    self.wfile.write(f"event: reload\ndata: {version}\n\n".encode())
                    break
                self.wfile.write(b": alive\n\n")
                self.wfile.flush()
        except OSError:  # the page went away
            pass
        self.close_connection = True

    def list_directory(self, path: Any) -> None:
        """No folder listings."""
        self.send_error(HTTPStatus.NOT_FOUND, "not found")

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI logs rebuilds
        return


class BoundedServer(ThreadingHTTPServer):
    """A threading server that runs at most ``workers`` requests at once."""

    def __init__(self, address: tuple[str, int], handler: Any, workers: int = WORKERS) -> None:
        super().__init__(address, handler)
        self.slots = threading.BoundedSemaphore(workers)
        self.counting = threading.Lock()
        self.active = 0  # requests running now

    def _count(self, step: int) -> None:
        with self.counting:
            self.active += step

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        self._count(1)
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._count(-1)
            self.slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._count(-1)
            self.slots.release()


def make_server(site: Site, port: int, workers: int = WORKERS) -> BoundedServer:
    """An HTTP server on 127.0.0.1 (``port`` 0 picks a free one)."""
    site.folder.mkdir(parents=True, exist_ok=True)
    return BoundedServer(("127.0.0.1", port), partial(Handler, site=site), workers)
