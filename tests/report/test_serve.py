"""``cascade report --serve``: serves the site on 127.0.0.1, rebuilds the pages a
saved file changes, shows plan errors on the page instead of stopping, tells
open pages to reload, and answers only its own host, within bounds.  Real
HTTP requests to 127.0.0.1; every wait is bounded."""

from __future__ import annotations

import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from cascade.report.serve import Site, make_server, watch
from cascade.report.site import ReportOptions
from tests.conftest import make_plan

SVC = "agreements/units/SVC.yaml"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Site, str, list[str]]]:
    root = make_plan(tmp_path, {})
    log: list[str] = []
    site = Site(root, tmp_path / "out", ReportOptions(lang="en"), log.append)
    assert site.build()
    server = make_server(site, 0)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    yield site, f"http://{host!s}:{port}/", log
    site.close()
    server.shutdown()
    server.server_close()


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def test_serves_the_site_on_localhost(served: tuple[Site, str, list[str]]) -> None:
    _site, base, log = served
    assert base.startswith("http://127.0.0.1:")
    assert "Public Service Division" in _get(base + "SVC.html")
    assert "<h1>Example Office</h1>" in _get(base + "index.html")
    assert log[0].startswith("rebuilt ")


def test_a_plan_error_shows_on_the_page_then_goes(served: tuple[Site, str, list[str]]) -> None:
    site, base, log = served
    svc = site.plan / SVC
    good = svc.read_text(encoding="utf-8")
    svc.write_text(good.replace("weight: 30", "weigth: 30", 1), encoding="utf-8")
    assert not site.build()
    page = _get(base + "SVC.html")
    assert "The plan has errors" in page
    assert "unknown key &#39;weigth&#39;" in page or "unknown key 'weigth'" in page
    assert '<script>(function(){var s=new EventSource("/__cascade/events?since=' in page
    assert any("weigth" in line for line in log)
    svc.write_text(
        good.replace("Training hours per person", "Training hours a person"), encoding="utf-8"
    )
    assert site.build()
    assert "Training hours a person" in _get(base + "SVC.html")
    assert log[-1].startswith("rebuilt ") and "SVC.html" in log[-1]


def test_html_gets_the_reload_script_only_when_served(
    served: tuple[Site, str, list[str]],
) -> None:
    site, base, _ = served
    served_page = _get(base + "SVC.html")
    script = (
        f'<script>(function(){{var s=new EventSource("/__cascade/events?since={site.version}");'
    )
    assert served_page.count(script) == 1
    assert served_page.index(script) < served_page.index("</body>")
    on_disk = (site.folder / "SVC.html").read_text(encoding="utf-8")
    assert "EventSource" not in on_disk
    assert (
        served_page.replace(
            served_page[served_page.index(script) : served_page.index("</body>")], ""
        )
        == on_disk
    )
    assert _get(base) == _get(base + "index.html")


def _events(base: str, since: int) -> http.client.HTTPResponse:
    host, port = base.removeprefix("http://").rstrip("/").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.request("GET", f"/__cascade/events?since={since}")
    return conn.getresponse()


def test_a_change_tells_open_pages_to_reload(served: tuple[Site, str, list[str]]) -> None:
    site, base, _ = served
    before = site.version
    response = _events(base, before)
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b"retry: 1000\n"
    svc = site.plan / SVC
    svc.write_text(
        svc.read_text(encoding="utf-8").replace("Fast service", "Faster service"), encoding="utf-8"
    )
    assert site.build()
    assert site.version == before + 1
    lines = [response.readline() for _ in range(3)]
    assert lines == [b"\n", b"event: reload\n", f"data: {before + 1}\n".encode()]
    response.close()
    stale = _events(base, before)  # a page loaded before the change reloads at once
    assert stale.read() == f"retry: 1000\n\nevent: reload\ndata: {before + 1}\n\n".encode()


def test_an_unchanged_rebuild_does_not_reload(served: tuple[Site, str, list[str]]) -> None:
    site, _, _ = served
    before = site.version
    assert site.build()
    assert site.version == before


def test_a_crashing_rebuild_shows_the_error_and_keeps_serving(
    served: tuple[Site, str, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    site, base, log = served

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("cascade.report.serve.sync_tree", broken)
    assert not site.build()
    assert log[-1] == "rebuild failed: OSError: [Errno 28] No space left on device"
    assert "No space left on device" in _get(base + "SVC.html")
    monkeypatch.undo()
    assert site.build()
    assert "Public Service Division" in _get(base + "SVC.html")


def _status(base: str, path: str, host: str | None = None) -> int:
    request = urllib.request.Request(base + path, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_answers_only_its_own_host_and_lists_no_folders(
    served: tuple[Site, str, list[str]],
) -> None:
    site, base, _ = served
    port = base.rstrip("/").rsplit(":", 1)[1]
    assert _status(base, "index.html") == 200
    assert _status(base, "index.html", f"localhost:{port}") == 200
    assert _status(base, "index.html", f"attacker.example:{port}") == 403
    assert _status(base, "index.html", "127.0.0.1") == 403
    assert _status(base, "__cascade/events?since=0", "evil.test") == 403
    (site.folder / "empty").mkdir()
    assert _status(base, "favicon.ico") == 204
    assert _status(base, "fonts/") == 404
    assert _status(base, "empty/") == 404


def test_idle_connections_time_out_and_requests_are_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cascade.report.serve_http.Handler.timeout", 0.8)
    root = make_plan(tmp_path, {})
    site = Site(root, tmp_path / "out", ReportOptions(lang="en"), lambda _: None)
    assert site.build()
    server = make_server(site, 0, workers=2)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        idle = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(2)]
        deadline = time.monotonic() + 5
        while server.active < 2:  # until both idle ones hold a slot
            assert time.monotonic() < deadline, "the server never took the connections"
            time.sleep(0.01)
        busy = socket.create_connection(("127.0.0.1", port), timeout=5)
        assert busy.recv(100).startswith(b"HTTP/1.0 503")
        for sock in idle:  # closed by the server after its idle timeout, without a word
            assert sock.recv(100) == b""
            sock.close()
        while server.active:  # their threads end just after closing them
            assert time.monotonic() < deadline + 5, "the idle connections kept their slots"
            time.sleep(0.01)
        assert _status(f"http://127.0.0.1:{port}/", "index.html") == 200
    finally:
        site.close()
        server.shutdown()
        server.server_close()


def test_only_changed_pages_are_rewritten(served: tuple[Site, str, list[str]]) -> None:
    site, _, log = served
    assert site.build()
    assert log[-1] == "rebuilt 0 page(s)"


def test_saving_a_plan_file_rebuilds(served: tuple[Site, str, list[str]]) -> None:
    site, base, _ = served
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, [site.plan], stop, []), daemon=True)
    watcher.start()
    try:
        time.sleep(0.5)  # let the watcher start
        svc = site.plan / SVC
        text = svc.read_text(encoding="utf-8").replace("Fast service", "Faster service")
        svc.write_text(text, encoding="utf-8")
        deadline = time.monotonic() + 15
        while "Faster service" not in _get(base + "SVC.html"):
            assert time.monotonic() < deadline, "no rebuild after saving a plan file"
            time.sleep(0.1)
    finally:
        stop.set()
        watcher.join(5)
