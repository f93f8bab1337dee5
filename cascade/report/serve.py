"""``cascade report --serve``: the HTML site on 127.0.0.1, rebuilt on save.

The server thread serves ``out/report/html``; the main thread watches the
plan folder (and ``--templates``) with watchfiles and rebuilds on every
change.  A rebuild renders the whole site (the pages of
``options.pages``, the registry's by default) in memory and rewrites only
the pages whose text changed.  When the plan (or a template) has errors the
pages on disk stay as they were and every HTML request gets an error page
listing the problems, which reloads itself until the plan is fixed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from cascade.engine import CACHE_FOLDER, PlanRootError, check_plan
from cascade.report.env import EnvOptions, make_env
from cascade.report.errors import RenderError
from cascade.report.fonts import font_assets
from cascade.report.output import sync_tree
from cascade.report.site import INDEX, ReportOptions, make_report, site_dir, split

Log = Callable[[str], None]


class Site:
    """The state the server shows: the folder on disk, or an error page."""

    def __init__(self, plan: Path, out: Path, options: ReportOptions, log: Log) -> None:
        self.plan = plan
        self.folder = site_dir(out) / "html"
        self.options = replace(options, formats=("html",))
        self.log = log
        self.error: str | None = None
        self.builds = 0
        self.lock = threading.Lock()

    def _error_page(self, lines: list[str]) -> str:
        env = make_env("html", EnvOptions(self.options.lang))
        return env.get_template("error.html").render(lines=lines)

    def build(self) -> bool:
        """Rebuild the site; on errors keep the pages and show an error page."""
        lines: list[str] = []
        try:
            checked = check_plan(self.plan)
            if checked.model is None or checked.result.errors:
                lines = [d.format() for d in checked.result.diagnostics]
                lines += list(checked.result.notes)
            else:
                _, pages = make_report(checked.model, self.options)
                changed = sync_tree(self.folder, split(pages).get("html", {}))
                for rel, data in font_assets().items():
                    if not (self.folder / rel).is_file():
                        (self.folder / rel).parent.mkdir(parents=True, exist_ok=True)
                        (self.folder / rel).write_bytes(data)
                self.log(
                    f"rebuilt {len(changed)} page(s)"
                    + (": " + ", ".join(changed[:8]) if changed else "")
                )
        except PlanRootError as exc:
            lines = [str(exc)]
        except RenderError as exc:
            lines = [exc.diagnostic.format()]
        with self.lock:
            self.builds += 1
            self.error = self._error_page(lines) if lines else None
        for line in lines:
            self.log(line)
        return not lines


class Handler(SimpleHTTPRequestHandler):
    """Serves the site folder; HTML requests get the error page while there is one."""

    site: Site

    def __init__(self, *args: Any, site: Site, **kwargs: Any) -> None:
        self.site = site
        super().__init__(*args, directory=str(site.folder), **kwargs)

    def do_GET(self) -> None:
        error = self.site.error
        path = self.path.split("?", 1)[0]
        if error is not None and (
            path.endswith((".html", "/")) or "." not in path.rsplit("/", 1)[-1]
        ):
            body = error.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the CLI logs rebuilds
        return


def make_server(site: Site, port: int) -> ThreadingHTTPServer:
    """An HTTP server on 127.0.0.1 (``port`` 0 picks a free one)."""
    site.folder.mkdir(parents=True, exist_ok=True)
    return ThreadingHTTPServer(("127.0.0.1", port), partial(Handler, site=site))


def watch(site: Site, paths: list[Path], stop: threading.Event, ignore: list[Path]) -> None:
    """Rebuild whenever a file under ``paths`` changes, until ``stop`` is set."""
    from watchfiles import watch as watch_files

    skip = [p.resolve() for p in ignore]
    for changes in watch_files(*paths, stop_event=stop, debounce=200, rust_timeout=500):
        touched = [Path(name).resolve() for _, name in changes]
        if all(any(t.is_relative_to(s) for s in skip) for t in touched):
            continue
        site.build()


def serve(site: Site, port: int, extra: list[Path], log: Log) -> None:
    """Build, serve and watch until interrupted (Ctrl-C)."""
    site.build()
    server = make_server(site, port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, bound = server.server_address[:2]
    log(f"serving http://{host!s}:{bound}/{INDEX['html']} (Ctrl-C to stop)")
    stop = threading.Event()
    try:
        ignore = [site.folder.parent, site.plan / CACHE_FOLDER]
        watch(site, [site.plan, *extra], stop, ignore)
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
