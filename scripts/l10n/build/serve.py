"""`make serve`: a live preview for translators (the standard library only, nothing prints).

`Preview` serves build/html/ over HTTP (127.0.0.1 by default), builds the site as `make html
LANGUAGE=xx` does (`site.build_site`, the gate inside) and, polling file times, builds it again
when a watched file changes: the language's folder under locale/ and the English masters. The
server adds one script to the HTML it serves (never to the files on disk): it polls
`/__l10n/state` and reloads the page when a build finished, or shows the gate's refusal (or a
failed build) in a fixed banner over the last good pages, which stay published."""

from __future__ import annotations

import errno
import json
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from ..config import Config
from ..errors import L10nError, os_error
from .site import build_site, html_root

STATE_PATH = "/__l10n/state"
SCRIPT_PATH = "/__l10n/live.js"
LOOPBACK = ("127.0.0.1", "::1", "localhost")
# Polls the state; reloads when the build counter moves; shows the refusal as text, never as HTML.
LIVE_SCRIPT = """(function () {
  var seen = null, banner = null;
  function show(lines) {
    if (!lines.length) { if (banner) { banner.remove(); banner = null; } return; }
    if (!banner) {
      banner = document.createElement("div");
      banner.id = "l10n-live-banner";
      banner.setAttribute("role", "alert");
      banner.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:10000;padding:.75em 1em;" +
        "background:#8b0000;color:#fff;font:14px/1.4 monospace;white-space:pre-wrap;max-height:40vh;overflow:auto";
      document.body.appendChild(banner);
    }
    banner.textContent = "make serve: not built, this is the last good build\\n" + lines.join("\\n");
  }
  function poll() {
    fetch("/__l10n/state", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (seen !== null && s.build !== seen) { window.location.reload(); return; }
      seen = s.build;
      show(s.refused);
    }).catch(function () {}).then(function () { setTimeout(poll, 700); });
  }
  poll();
})();
"""
SCRIPT_TAG = f'<script src="{SCRIPT_PATH}"></script>'.encode()


@dataclass(frozen=True)
class Rebuild:
    """One build of the preview: what the gate refused (or why the build failed), its warnings."""

    number: int
    refused: tuple[str, ...] = ()  # one-line errors: the gate's refusals, or the build's failure
    warnings: tuple[str, ...] = ()  # Sphinx warnings; catalogs behind the English master
    pages: tuple[str, ...] = ()  # the index pages built or found up to date, relative to build/html/

    @property
    def state(self) -> str:
        return "refused" if self.refused else "built"

    @property
    def findings(self) -> int:
        return len(self.refused) + len(self.warnings)


@dataclass
class LiveState:
    """What `/__l10n/state` answers, shared by the server's threads and the builder."""

    last: Rebuild = field(default_factory=lambda: Rebuild(0))
    building: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    def as_json(self) -> bytes:
        with self.lock:
            last, building = self.last, self.building
        return json.dumps({"build": last.number, "state": last.state, "building": building,
                           "refused": list(last.refused), "warnings": list(last.warnings)}).encode()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    live: LiveState


class _Handler(SimpleHTTPRequestHandler):
    """build/html/ as files; the HTML with the live script added; the state as JSON."""

    server: _Server

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path == STATE_PATH:
            self._send(self.server.live.as_json(), "application/json")
        elif path == SCRIPT_PATH:
            self._send(LIVE_SCRIPT.encode(), "text/javascript; charset=utf-8")
        elif (page := self._html_file(path)) is not None:
            self._send(with_live_script(page.read_bytes()), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def _html_file(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))  # confined to build/html/ by the standard library
        if local.is_dir() and path.endswith("/"):
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload shows the new build
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """No request log: the command prints one line per build."""


def with_live_script(html: bytes) -> bytes:
    """The page with the live script before its last </body> (at its end when it has none)."""
    at = html.lower().rfind(b"</body>")
    return html + SCRIPT_TAG if at < 0 else html[:at] + SCRIPT_TAG + html[at:]


def open_server(root: Path, bind: str, port: int, live: LiveState) -> _Server:
    """The HTTP server, bound (not yet serving); a port in use or an address that cannot be
    bound is one L10nError naming the fix."""
    family = socket.AF_INET6 if ":" in bind else socket.AF_INET
    server_class = type("_BoundServer", (_Server,), {"address_family": family})
    try:
        server = server_class((bind, port), partial(_Handler, directory=str(root)))
    except OSError as exc:
        other = port + 1 if 0 < port < 65535 else 8001
        if exc.errno == errno.EADDRINUSE:
            raise L10nError("--port", f"port {port} on {bind} is already in use",
                            f"stop the other server, or choose another port: `make serve PORT={other}`") from None
        if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
            raise L10nError("--bind", f"cannot listen on {bind!r}: {exc.strerror or exc}",
                            "use an address of this machine, e.g. 127.0.0.1 (the default)") from None
        if exc.errno in (errno.EACCES, errno.EPERM):
            raise L10nError("--port", f"port {port} needs privileges on this system",
                            "choose a port above 1023: `make serve PORT=8000`") from None
        raise os_error(exc, "--bind") from None
    server.live = live
    return server


def watched_paths(config: Config, languages: list[str] | None) -> list[Path]:
    """What a save there builds again: each language's folder under locale/ (all of locale/
    when none is named) and the English masters."""
    folders = [config.locale_dir] if languages is None else [config.locale_dir / code for code in languages]
    return [*folders, *(config.source_file(document) for document in config.documents)]


Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: list[Path]) -> Snapshot:
    """Each file's modification time and size under the paths (symlinks not followed)."""
    found: Snapshot = {}
    for path in paths:
        for folder, _, files in os.walk(path) if path.is_dir() else [(str(path.parent), [], [path.name])]:
            for name in files:
                try:
                    stat = os.lstat(os.path.join(folder, name))
                except OSError:  # gone between the listing and the look
                    continue
                found[os.path.join(folder, name)] = (stat.st_mtime_ns, stat.st_size)
    return found


class Preview:
    """The server on its thread, the builds, and the watch that starts them."""

    def __init__(self, config: Config, languages: list[str] | None, bind: str = "127.0.0.1", port: int = 8000):
        self.config, self.languages = config, languages
        self.live = LiveState()
        root = html_root(config)
        root.mkdir(parents=True, exist_ok=True)
        self.server = open_server(root, bind, port, self.live)
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.server.server_address[:2]
        return str(host), int(port)

    def url(self) -> str:
        host, port = self.address
        shown = f"[{host}]" if ":" in host else host
        page = f"{self.languages[0]}/" if self.languages and len(self.languages) == 1 else ""
        return f"http://{shown}:{port}/{page}"

    def start(self) -> None:
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="l10n-serve", daemon=True)
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.server.shutdown()
            self._thread.join(timeout=5)
        self.server.server_close()

    def rebuild(self) -> Rebuild:
        """Build the site as `make html LANGUAGE=xx` does; a build that fails (Sphinx, the disk)
        is reported like a refusal, and the last good pages stay served."""
        with self.live.lock:
            self.live.building = True
            number = self.live.last.number + 1
        try:
            result = build_site(self.config, self.languages)
            refused = tuple(error.one_line() for error in result.refused)
            warnings = tuple([w for built in result.built for w in built.warnings] + [
                f"{catalog.po_path}: warning: the English master changed since its last update "
                f"(run `make update LANGUAGE={code}`)" for code, catalog in result.out_of_date])
            pages = tuple(str(built.outdir.relative_to(html_root(self.config)) / "index.html")
                          for built in result.built)
            done = Rebuild(number, refused, warnings, pages)
        except L10nError as exc:
            done = Rebuild(number, (exc.one_line(),))
        except OSError as exc:
            done = Rebuild(number, (os_error(exc).one_line(),))
        with self.live.lock:
            self.live.last, self.live.building = done, False
        return done

    def watch(self, on_rebuild: Callable[[Rebuild], None], stop: threading.Event, interval: float = 0.5) -> None:
        """Until `stop` is set: every `interval` seconds, compare the watched files with the last
        look; on a change, wait until they settle (an editor's save, an atomic rename), then build."""
        paths = watched_paths(self.config, self.languages)
        seen = snapshot(paths)
        while not stop.wait(interval):
            now = snapshot(paths)
            if now == seen:
                continue
            settled = _settled(paths, now, stop, interval / 2)
            if settled is None:
                return
            seen = settled
            on_rebuild(self.rebuild())


def _settled(paths: list[Path], now: Snapshot, stop: threading.Event, pause: float) -> Snapshot | None:
    """The files once two looks `pause` apart agree (at most ten looks); None: stopped meanwhile."""
    for _ in range(10):
        if stop.wait(pause):
            return None
        again = snapshot(paths)
        if again == now:
            break
        now = again
    return now
