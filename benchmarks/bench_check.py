"""Benchmark: `make check` on a synthetic 20,000-message catalog, against `msgfmt -c` on the same file.

The messages are the translatable segments of real Markdown, repeated with a counter until there
are N unique msgids; each msgstr is a pseudo-translation that keeps every link, code span and
marker, follows the glossary as a translator would, and replaces every other word, so the checker
does its full work on every entry. Each run starts with empty caches, as a new process does.

    .venv/bin/python benchmarks/bench_check.py [MARKDOWN_DIR ...] [--messages 20000] [--repeat 5]

By default it measures two catalogs: one from the whole book (../shared/corpus/ml-engineering, the
scale corpus, when it is there) and one from this chapter's 23 revisions (link-dense lists); then
the first again, saved with its lines wrapped at 78 columns as Poedit saves it.
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
from collections.abc import Callable
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from l10n.catalog.io import new_catalog, read_po, write_po  # noqa: E402
from l10n.catalog.lines import _cached as po_lines_cache  # noqa: E402
from l10n.checks.glossary import parse_glossary  # noqa: E402
from l10n.checks.message import block_shape  # noqa: E402
from l10n.checks.runner import check_catalogs, usable_cpus  # noqa: E402
from l10n.checks.typography import fixed_msgstr  # noqa: E402
from l10n.config import Config, load_config  # noqa: E402
from l10n.text.segments import clear_inline_features_cache, segments  # noqa: E402

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
    # a term right after a number counts (80GB), as the checker reads terms (checks/glossary_terms.py)
    return re.compile(r"(?<![^\W\d])(" + "|".join(map(re.escape, words)) + r")(?:s|es)?(?!\w)", re.IGNORECASE), wanted


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
        # the typography a translator follows (`make fix-typography`): full-width punctuation, spacing
        entry = polib.POEntry(msgid=msgid, msgstr=fixed_msgstr(pseudo_translate(msgid, terms), "zh_CN", "always"))
        entry.occurrences.append(("source/README.md", str(index + 1)))
        po.append(entry)
    return po


def cold_check(config: Config, only: list[str] | None = None) -> None:
    """One `make check` run with the in-process caches emptied, as a fresh process has them."""
    clear_inline_features_cache()
    block_shape.cache_clear()
    po_lines_cache.cache_clear()
    check_catalogs(config, ["zh_CN"], only)


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


BOOK = ROOT.parent / "shared" / "corpus" / "ml-engineering"
UPSTREAM = ROOT / "tests" / "fixtures" / "upstream"


@dataclasses.dataclass
class Row:
    source: Path
    wrap: int
    size: int
    findings: int
    reading: float
    messages_and_files: float
    all_checks: float
    command: float
    msgfmt: float


def measure(markdown_dir: Path, messages: int, repeat: int, msgfmt: str, wrap: int = 0) -> Row:
    """One catalog's row; `wrap`: the catalog saved with its lines wrapped at that width, as
    Poedit saves it (not the pipeline's normal layout: the layout check then has a finding)."""
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        for name in ("pyproject.toml", "conf.py"):
            shutil.copy(ROOT / name, project / name)
        # a 20k-message catalog of book-length paragraphs is over the default 4 MB read limit
        settings = project / "pyproject.toml"
        settings.write_text(settings.read_text(encoding="utf-8").replace(
            "[tool.l10n]\n", "[tool.l10n]\nmax_po_bytes = 64000000\n", 1), encoding="utf-8")
        shutil.copytree(ROOT / "source", project / "source")
        po_path = project / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
        po_path.parent.mkdir(parents=True)
        glossary = ROOT / "locale" / "zh_CN" / "glossary.tsv"
        shutil.copy(glossary, po_path.parent.parent)  # checked too
        catalog = synthetic_catalog(markdown_dir, messages, glossary)
        write_po(po_path, catalog)
        if wrap:
            catalog.wrapwidth = wrap
            catalog.save(str(po_path))
        config = load_config(project)
        if config.max_po_bytes != 64_000_000:
            raise SystemExit(f"bench_check: error: {ROOT / 'pyproject.toml'}: no [tool.l10n] table line to "
                             "raise max_po_bytes under (restore the table header)")
        findings = check_catalogs(config, ["zh_CN"])
        return Row(
            source=markdown_dir,
            wrap=wrap,
            size=po_path.stat().st_size,
            findings=len(findings),
            reading=best_of(repeat, lambda: read_po(po_path, config.max_po_bytes)),
            messages_and_files=best_of(repeat, lambda: cold_check(config, ["messages", "files", "newlines"])),
            all_checks=best_of(repeat, lambda: cold_check(config)),
            command=best_of(repeat, lambda: subprocess.run(  # what a user waits for: a new process
                [str(Path(sys.executable).parent / "l10n"), "--root", str(project), "check", "-l", "zh_CN"],
                capture_output=True)),
            msgfmt=best_of(repeat, lambda: subprocess.run(
                [msgfmt, "-c", "-o", "/dev/null", str(po_path)], check=True, capture_output=True)),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markdown_dirs", nargs="*", type=Path,
                        help=f"Markdown to take the messages from (default: {BOOK.name} when it is "
                             f"there, and this chapter's 23 revisions)")
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        print("bench_check: error: msgfmt not found (install gettext: apt-get install gettext)",
              file=sys.stderr)
        return 2
    sources = args.markdown_dirs or [path for path in (BOOK, UPSTREAM) if path.is_dir()]
    for source in sources:
        if not source.is_dir():
            print(f"bench_check: error: {source}: no such directory (give a folder of Markdown files)",
                  file=sys.stderr)
            return 2
    print(f"`make check` on {args.messages:,} pseudo-translated messages; best of {args.repeat} runs, "
          f"{usable_cpus()} CPUs\n")
    print("| messages from | catalog | reading (polib) | read + message and file checks "
          "| `make check`, all checks | `l10n check` command | `msgfmt -c` | all checks / msgfmt -c | findings |")
    print("|---|---|---|---|---|---|---|---|---|")
    runs = [(source, 0) for source in sources] + [(sources[0], 78)]  # the first again, as Poedit wraps it
    for source, wrap in runs:
        row = measure(source, args.messages, args.repeat, msgfmt, wrap)
        name = f"{row.source.name}, wrapped at {row.wrap}" if row.wrap else row.source.name
        print(f"| {name} | {row.size / 1e6:.1f} MB | {row.reading:.2f} s "
              f"| {row.messages_and_files:.2f} s | {row.all_checks:.2f} s | {row.command:.2f} s | {row.msgfmt:.2f} s "
              f"| {row.all_checks / row.msgfmt:.1f}x | {row.findings} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
