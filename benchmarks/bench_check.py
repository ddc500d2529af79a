"""Benchmark: `make check` on a synthetic 20,000-message catalog, against `msgfmt -c` on the same file.

The messages are the translatable segments of real Markdown (the whole ml-engineering book when
its path is given, else the project's 23 upstream revisions), repeated with a counter until there
are N unique msgids; each msgstr is a pseudo-translation that keeps every link, code span and
marker and replaces the words, so the checker does its full work on every entry.

    .venv/bin/python benchmarks/bench_check.py [MARKDOWN_DIR] [--messages 20000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from l10n.catalog.io import new_catalog, read_po, write_po  # noqa: E402
from l10n.checks.glossary import parse_glossary  # noqa: E402
from l10n.checks.message import block_shape  # noqa: E402
from l10n.checks.po_lines import _cached as po_lines_cache  # noqa: E402
from l10n.checks.runner import check_catalogs  # noqa: E402
from l10n.config import Config, load_config  # noqa: E402
from l10n.segments import (  # noqa: E402
    clear_inline_features_cache,
    segments,
)

_KEEP = re.compile(r"(`[^`]*`|\]\([^)]*\)|<[^>]*>|https?://\S+|\{[^}]*\}|\*+|_+|\[\^[^\]]*\])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_ZH = ["模型", "训练", "数据", "集群", "内存", "速度", "网络", "梯度", "精度", "参数"]


def glossary_terms(path: Path) -> tuple[re.Pattern[str], dict[str, str]]:
    """A pattern of the glossary's English terms (longest first), and each term's required form:
    the term itself when kept, else its preferred translation."""
    glossary = parse_glossary(path.read_text(encoding="utf-8"), str(path))
    wanted = {term.english.casefold(): term.english if term.keep else term.translations[0]
              for term in glossary.terms}
    words = sorted(wanted, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?:s|es)?(?!\w)", re.IGNORECASE), wanted


def pseudo_translate(msgid: str, terms: tuple[re.Pattern[str], dict[str, str]] | None = None) -> str:
    """Every word replaced, as a translator would: links, code and markers kept, and the
    glossary followed (kept names stay, glossary terms get their required translation)."""
    parts = _KEEP.split(msgid)
    for index in range(0, len(parts), 2):  # even parts are text between kept markup
        pieces = terms[0].split(parts[index]) if terms else [parts[index]]
        for odd in range(1, len(pieces), 2):  # odd pieces are glossary terms
            pieces[odd] = "\x00" + terms[1][pieces[odd].casefold()] + "\x00"  # type: ignore[index]
        text = "".join(pieces)
        words = text.split("\x00")
        for even in range(0, len(words), 2):
            words[even] = _WORD.sub(lambda m: _ZH[len(m.group(0)) % len(_ZH)], words[even])
        parts[index] = "".join(words)
    return "".join(parts)


def synthetic_catalog(markdown_dir: Path, size: int, glossary: Path | None = None) -> polib.POFile:
    msgids: list[str] = []
    for path in sorted(markdown_dir.rglob("*.md")):
        msgids += [s.msgid for s in segments(path.read_text(encoding="utf-8", errors="replace"))]
    msgids = list(dict.fromkeys(m for m in msgids if "\n" not in m))
    terms = glossary_terms(glossary) if glossary is not None else None
    po = new_catalog("zh_CN", "bench")
    for index in range(size):
        msgid = msgids[index % len(msgids)]
        if index >= len(msgids):
            msgid = f"{msgid} ({index})"
        entry = polib.POEntry(msgid=msgid, msgstr=pseudo_translate(msgid, terms))
        entry.occurrences.append(("source/README.md", str(index + 1)))
        po.append(entry)
    return po


def cold_check(config: Config, only: list[str] | None = None) -> None:
    """One `make check` run with the in-process caches emptied, as a fresh process has them."""
    clear_inline_features_cache()
    block_shape.cache_clear()
    po_lines_cache.cache_clear()
    check_catalogs(config, ["zh_CN"], only)


def best_of(repeat: int, run: callable) -> float:  # type: ignore[valid-type]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markdown_dir", nargs="?", type=Path,
                        default=ROOT / "tests" / "fixtures" / "upstream")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        print("bench_check: error: msgfmt not found (install gettext: apt-get install gettext)",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("pyproject.toml", "conf.py"):
            shutil.copy(ROOT / name, project / name)
        shutil.copytree(ROOT / "source", project / "source")
        po_path = project / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
        po_path.parent.mkdir(parents=True)
        glossary = ROOT / "locale" / "zh_CN" / "glossary.tsv"
        shutil.copy(glossary, po_path.parent.parent)  # checked too
        write_po(po_path, synthetic_catalog(args.markdown_dir, args.messages, glossary))
        # a 20k-message catalog of book-length paragraphs is over the default 4 MB read limit
        config = dataclasses.replace(load_config(project), max_po_bytes=64_000_000)

        findings = check_catalogs(config, ["zh_CN"])
        ours = best_of(args.repeat, lambda: cold_check(config))
        mine = best_of(args.repeat, lambda: cold_check(config, ["messages", "files"]))
        baseline = best_of(args.repeat, lambda: subprocess.run(
            [msgfmt, "-c", "-o", "/dev/null", str(po_path)], check=True, capture_output=True))
        reading = best_of(args.repeat, lambda: read_po(po_path, config.max_po_bytes))
        size = po_path.stat().st_size
    print(f"catalog: {args.messages} messages from {args.markdown_dir} ({size} bytes)")
    print(f"l10n check (read + every registered check): {ours:.3f} s  "
          f"({len(findings)} findings on the pseudo-translation)")
    print(f"  reading + message and file checks only: {mine:.3f} s")
    print(f"  reading the PO alone (polib):           {reading:.3f} s")
    print(f"msgfmt -c (baseline):             {baseline:.3f} s")
    print(f"ratio l10n check / msgfmt -c:     {ours / baseline:.1f}x "
          f"(message and file checks only: {mine / baseline:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
