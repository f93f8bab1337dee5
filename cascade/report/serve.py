"""``cascade report --serve``: the HTML site on 127.0.0.1, rebuilt on save.

The server (:mod:`cascade.report.serve_http`) serves ``out/report/html``;
the main thread watches the plan folder (and ``--templates``) with
watchfiles and rebuilds on every change.  A rebuild renders the pages of
``options.pages`` (the registry's by default) in memory and rewrites only
the pages whose text changed; with the cache on, only the pages whose
inputs changed are rendered at all (:mod:`cascade.report.reuse`: the others
stay on disk as they are), and the plan is read through the parse cache.
When the plan (or a template) has errors, or a rebuild fails in any other
way, the pages on disk stay as they were and every HTML request gets an
error page listing the problems; the server keeps serving.  Each change of
what is shown (pages rewritten, error page shown or gone) bumps
:attr:`Site.version`, which wakes the open pages' event streams so they
reload.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from cascade.engine import CACHE_FOLDER, LoadOptions, PlanRootError, check_plan
from cascade.report.env import EnvOptions, make_env
from cascade.report.errors import RenderError
from cascade.report.fonts import font_assets
from cascade.report.output import sync_tree
from cascade.report.reuse import reuse_for
from cascade.report.serve_http import make_server
from cascade.report.site import INDEX, ReportOptions, make_report, site_dir, split

__all__ = ["Site", "make_server", "serve", "watch"]

Log = Callable[[str], None]


class Site:
    """The state the server shows: the folder on disk, or an error page."""

    def __init__(
        self, plan: Path, out: Path, options: ReportOptions, log: Log, cache: bool = False
    ) -> None:
        self.plan = plan
        self.cache = cache
        self.folder = site_dir(out) / "html"
        self.options = replace(options, formats=("html",))
        self.log = log
        self.error: str | None = None
        self.builds = 0
        self.version = 0
        self.lock = threading.Lock()
        self.changed = threading.Condition(self.lock)
        self.closing = False

    def _error_page(self, lines: list[str]) -> str:
        env = make_env("html", EnvOptions(self.options.lang))
        return env.get_template("error.html").render(lines=lines)

    def _render(self) -> tuple[list[str], list[str]]:
        """``(problems, changed pages)`` of one rebuild."""
        checked = check_plan(self.plan, options=LoadOptions(cache=self.cache))
        if checked.model is None or checked.result.errors:
            lines = [d.format() for d in checked.result.diagnostics]
            return lines + list(checked.result.notes), []
        reuse = reuse_for(self.plan, self.folder.parent) if self.cache else None
        _, pages = make_report(checked.model, self.options, reuse=reuse)
        kept = reuse.kept_files("html") if reuse is not None else {}
        changed = sync_tree(self.folder, split(pages).get("html", {}), kept)
        if reuse is not None:
            reuse.save("html")
        for rel, data in font_assets().items():
            if not (self.folder / rel).is_file():
                (self.folder / rel).parent.mkdir(parents=True, exist_ok=True)
                (self.folder / rel).write_bytes(data)
        self.log(
            f"rebuilt {len(changed)} page(s)" + (": " + ", ".join(changed[:8]) if changed else "")
        )
        return [], changed

    def build(self) -> bool:
        """Rebuild the site; on any failure keep the pages and show an error page."""
        changed: list[str] = []
        try:
            lines, changed = self._render()
        except PlanRootError as exc:
            lines = [str(exc)]
        except RenderError as exc:
            lines = [exc.diagnostic.format()]
        except Exception as exc:  # a failed rebuild never stops the server
            lines = [f"rebuild failed: {type(exc).__name__}: {exc}"]
        error = self._error_page(lines) if lines else None
        with self.changed:
            self.builds += 1
            if changed or error != self.error:
                self.version += 1
            self.error = error
            self.changed.notify_all()
        for line in lines:
            self.log(line)
        return not lines

    def wait(self, seen: int, timeout: float) -> int:
        """The version once it differs from ``seen`` (or after ``timeout``)."""
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen or self.closing, timeout)
            return self.version

    def close(self) -> None:
        """Wake every waiting event stream so it ends."""
        with self.changed:
            self.closing = True
            self.changed.notify_all()


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
        site.close()
        server.shutdown()
        server.server_close()
