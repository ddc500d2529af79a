"""`make serve` (l10n serve): the live preview serves build/html/ on 127.0.0.1, builds a language
again when its catalog is saved, and tells the page: a new build reloads it, a refused one shows
the gate's line over the last good pages. Servers bind 127.0.0.1 on a free port, every wait is
bounded, and each test stops what it started."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import conftest
import mini_project
from l10n.build.serve import LIVE_SCRIPT, SCRIPT_PATH, STATE_PATH, Preview, Rebuild, snapshot, with_live_script
from l10n.catalog.io import read_po, write_po
from l10n.cli import main
from l10n.config import Config

WAIT = 20.0  # seconds, at most, for one build after a save


def _project(root: Path) -> Config:
    config = mini_project.write_project(root)
    for name in ("source/_templates", "source/_static"):
        shutil.copytree(conftest.ROOT / name, root / name)
    mini_project.write_catalog(config, "fr", {m: mini_project.translated(m) for m in mini_project.MSGIDS})
    return config


def _fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.headers.get("Content-Type", ""), response.read().decode("utf-8")


def _state(base: str) -> dict[str, object]:
    return json.loads(_fetch(base + STATE_PATH)[1])


def _until(condition: Callable[[], bool], seconds: float = WAIT) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.1)


def _edit(config: Config, msgid: str, msgstr: str) -> None:
    po = read_po(config.po_path("fr"))
    po.find(msgid).msgstr = msgstr
    write_po(config.po_path("fr"), po)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Preview, list[Rebuild]]]:
    preview = Preview(_project(tmp_path / "project"), ["fr"], "127.0.0.1", 0)
    builds: list[Rebuild] = []
    stop = threading.Event()
    watcher = threading.Thread(target=preview.watch, args=(builds.append, stop, 0.2), daemon=True)
    preview.start()
    builds.append(preview.rebuild())
    watcher.start()
    try:
        yield preview, builds
    finally:
        stop.set()
        watcher.join(timeout=WAIT)
        preview.close()


def test_a_save_rebuilds_and_a_refusal_keeps_the_last_good_page(preview: tuple[Preview, list[Rebuild]]) -> None:
    server, builds = preview
    config = server.config
    base = server.url().rsplit("/fr/", 1)[0]
    assert server.address[0] == "127.0.0.1" and server.url() == f"{base}/fr/"
    assert builds[0].state == "built" and "fr/index.html" in builds[0].pages
    kind, page = _fetch(f"{base}/fr/README.html")
    assert kind.startswith("text/html") and mini_project.translated(mini_project.INTRO) in page
    assert page.count(SCRIPT_PATH) == 1 and page.index(SCRIPT_PATH) < page.rindex("</body>")
    on_disk = (config.build_dir / "html" / "fr" / "README.html").read_text(encoding="utf-8")
    assert SCRIPT_PATH not in on_disk  # only the served bytes carry the live script
    assert _state(base) == {"build": 1, "state": "built", "building": False, "refused": [], "warnings": []}

    _edit(config, mini_project.INTRO, "Une courte liste de guides.")
    _until(lambda: _state(base)["build"] == 2)
    assert builds[-1].state == "built" and "Une courte liste de guides." in _fetch(f"{base}/fr/README.html")[1]

    _edit(config, mini_project.INTRO, "Une liste <img src=x onerror=alert(1)>.")
    _until(lambda: _state(base)["build"] == 3)
    state = _state(base)
    assert state["state"] == "refused" and builds[-1].state == "refused"
    (line,) = state["refused"]  # type: ignore[misc]
    assert line.startswith("locale/fr/LC_MESSAGES/README.po:") and "raw-html" in line and "fr not built" in line
    page = _fetch(f"{base}/fr/README.html")[1]
    assert "Une courte liste de guides." in page and "<img src=x" not in page  # the last good build


def test_the_live_script_reloads_on_a_new_build_and_shows_text_only(preview: tuple[Preview, list[Rebuild]]) -> None:
    server, _ = preview
    base = server.url().rsplit("/fr/", 1)[0]
    kind, script = _fetch(base + SCRIPT_PATH)
    assert "javascript" in kind and script == LIVE_SCRIPT
    assert STATE_PATH in script and "location.reload()" in script and "textContent" in script
    assert "innerHTML" not in script
    assert _fetch(f"{base}/fr/")[1].count(SCRIPT_PATH) == 1  # a folder's index.html too
    with pytest.raises(urllib.error.HTTPError):  # nothing outside build/html/
        _fetch(f"{base}/../../pyproject.toml")


def test_the_script_goes_before_the_last_body_end() -> None:
    assert with_live_script(b"<p></BODY></html>") == b'<p><script src="/__l10n/live.js"></script></BODY></html>'
    assert with_live_script(b"<p>") == b'<p><script src="/__l10n/live.js"></script>'


def test_the_watch_sees_a_save_in_the_language_folder(tmp_path: Path) -> None:
    config = _project(tmp_path / "project")
    before = snapshot([config.locale_dir / "fr"])
    _edit(config, mini_project.INTRO, "Autre")
    assert snapshot([config.locale_dir / "fr"]) != before and len(before) == 1


def _busy_port() -> tuple[socket.socket, int]:
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    return busy, busy.getsockname()[1]


def test_a_port_in_use_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = _project(tmp_path / "project")
    busy, port = _busy_port()
    try:
        code = main(["--root", str(config.root), "serve", "--language", "fr", "--port", str(port)])
    finally:
        busy.close()
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err == (f"--port: error: port {port} on 127.0.0.1 is already in use "
                   f"(stop the other server, or choose another port: `make serve PORT={port + 1}`)\n")
    assert not (config.build_dir / "html" / "fr").exists()  # refused before any build


@pytest.mark.parametrize(("option", "value", "says"), [
    ("--port", "80; touch x", "invalid port '80; touch x'"), ("--port", "70000", "invalid port '70000'"),
    ("--bind", "192.0.2.1", "cannot listen on '192.0.2.1'"),  # TEST-NET: no DNS
    ("--language", "xx_YY", "no catalog for 'xx_YY'")])
def test_bad_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str,
                               says: str) -> None:
    config = _project(tmp_path / "project")
    args = ["--root", str(config.root), "serve", "--port", "0", option, value]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and says in err and "Traceback" not in err


def test_ctrl_c_stops_cleanly(tmp_path: Path) -> None:
    config = _project(tmp_path / "project")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "l10n.cli", "--root", str(config.root), "serve",
                                "--language", "fr", "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env, stdin=subprocess.DEVNULL)
    try:
        lines = []
        assert process.stdout is not None
        deadline = time.monotonic() + WAIT
        while not any(line.startswith("serving http://127.0.0.1:") for line in lines):
            assert time.monotonic() < deadline and process.poll() is None, lines
            lines.append(process.stdout.readline())
        assert lines[0].startswith("build 1: built (0 findings): ")
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0 and out.splitlines()[-1] == "stopped" and "Traceback" not in err
