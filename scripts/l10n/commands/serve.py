"""`l10n serve` (`make serve LANGUAGE=zh_CN`): the live preview. One line per build (built or
refused, and its findings), the refusal's own line; Ctrl-C stops it (exit 0, "stopped")."""

from __future__ import annotations

import argparse
import sys
import threading

from ..build.serve import LOOPBACK, Preview, Rebuild
from ..errors import L10nError
from .options import add_language_option, built_languages, config_of


def report(build: Rebuild) -> None:
    """The build's one line, then each refusal (stderr) and warning."""
    noun = "finding" if build.findings == 1 else "findings"
    pages = ", ".join(build.pages) or "no page"
    print(f"build {build.number}: {build.state} ({build.findings} {noun}): {pages}", flush=True)
    for line in build.refused:
        print(line, file=sys.stderr, flush=True)
    for line in build.warnings:
        print(line, file=sys.stderr, flush=True)


def port_number(text: str) -> int:
    """The port as typed (`make serve PORT=...`): a number from 0 (any free port) to 65535."""
    if not (text.isascii() and text.isdigit()) or int(text) > 65535:
        raise L10nError("--port", f"invalid port {text!r}: a number from 1 to 65535 is expected",
                        "run `make serve PORT=8000`")
    return int(text)


def cmd_serve(args: argparse.Namespace) -> int:
    config = config_of(args)
    languages = built_languages(config, args.languages) if args.languages else None
    preview = Preview(config, languages, args.bind, port_number(args.port))  # a port in use fails here, before a build
    stop = threading.Event()
    try:
        preview.start()
        if args.bind not in LOOPBACK:
            print(f"warning: listening on {args.bind}: other machines may read the preview "
                  "(the default, 127.0.0.1, is this machine only)", file=sys.stderr)
        report(preview.rebuild())
        print(f"serving {preview.url()} (build/html/); watching {_watched(languages)}; Ctrl-C stops", flush=True)
        preview.watch(report, stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        preview.close()
    print("stopped")
    return 0


def _watched(languages: list[str] | None) -> str:
    folders = "locale/" if languages is None else ", ".join(f"locale/{code}/" for code in languages if code != "en")
    return f"{folders + ' and ' if folders else ''}the English master"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="live preview: build, serve build/html/ on 127.0.0.1, rebuild on save")
    add_language_option(p)
    p.add_argument("--port", default="8000", help="the port (default 8000; 0: any free port)")
    p.add_argument("--bind", default="127.0.0.1", help="the address to listen on (default 127.0.0.1: this machine)")
    p.set_defaults(func=cmd_serve)

