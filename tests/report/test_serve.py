"""``cascade report --serve``: serves the site on 127.0.0.1, rebuilds the pages a
saved file changes, and shows plan errors on the page instead of stopping."""

from __future__ import annotations

import threading
import time
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
    assert '<meta http-equiv="refresh"' in page
    assert any("weigth" in line for line in log)
    svc.write_text(
        good.replace("Training hours per person", "Training hours a person"), encoding="utf-8"
    )
    assert site.build()
    assert "Training hours a person" in _get(base + "SVC.html")
    assert log[-1].startswith("rebuilt ") and "SVC.html" in log[-1]


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
