"""Benchmark `make update`'s merge against GNU `msgmerge --previous` and `sphinx-intl update`.

    python benchmarks/bench_update.py --corpus ../shared/corpus/ml-engineering    # or: make bench

Two datasets, each: fully translated catalogs (a deterministic pseudo-translation), then 5% of
the paragraphs edited deterministically (a word inserted, replaced or dropped), then every tool
merges the edited template into a fresh copy of the same catalogs:
- book: every Markdown file of the book, one catalog per file, msgids extracted by
  `l10n.text.segments` (the project's one segmentation, equal to Sphinx's gettext msgids);
- synthetic: one catalog of 20,000 messages.
Each tool runs as its own process(es); the table gives wall time (best of --repeat), peak
resident memory, and the fuzzy / correct fuzzy / untranslated / obsolete counts of its output.
A fuzzy entry is correct when it carries the translation of the paragraph that was edited.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import polib  # noqa: E402
from tqdm import tqdm  # noqa: E402

from l10n.catalog.io import read_po, write_po  # noqa: E402
from l10n.catalog.update import TemplateEntry, merge  # noqa: E402
from l10n.text.segments import segments  # noqa: E402

LANGUAGE = "fr"
MAX_BYTES = 1 << 30
EDIT_WORDS = ("really", "carefully", "often", "still")


def pseudo(msgid: str) -> str:
    return f"«{msgid}» [fr]"


def fail(message: str) -> None:
    print(f"bench_update.py: error: {message}", file=sys.stderr)
    raise SystemExit(2)


# -- datasets ---------------------------------------------------------------------------------

@dataclass
class Dataset:
    name: str
    root: Path  # holds pot/ (edited templates) and old/<lang>/LC_MESSAGES/ (translated catalogs)
    messages: int
    edited: dict[tuple[str, str], str]  # (catalog, new msgid) -> the msgid it was edited from

    @property
    def pot_dir(self) -> Path:
        return self.root / "pot"

    @property
    def old_dir(self) -> Path:
        return self.root / "old"


def edit(msgid: str, seed: int) -> str:
    words = msgid.split(" ")
    where = seed % len(words)
    kind = (seed // 7) % 3
    if kind == 0 or len(words) < 4:
        words.insert(where, EDIT_WORDS[seed % len(EDIT_WORDS)])
    elif kind == 1:
        words[where] = EDIT_WORDS[seed % len(EDIT_WORDS)]
    else:
        del words[where]
    return " ".join(words)


def write_catalogs(root: Path, catalogs: dict[str, list[str]], paragraphs: set[str],
                   percent: float) -> Dataset:
    """Translated old catalogs and edited templates; `paragraphs` are the msgids edits may touch."""
    shutil.rmtree(root, ignore_errors=True)
    edited: dict[tuple[str, str], str] = {}
    for name, msgids in catalogs.items():
        old = polib.POFile(wrapwidth=0)
        old.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": LANGUAGE,
                        "MIME-Version": "1.0", "Content-Transfer-Encoding": "8bit"}
        pot = polib.POFile(wrapwidth=0)
        pot.metadata = {"Content-Type": "text/plain; charset=UTF-8", "MIME-Version": "1.0",
                        "Content-Transfer-Encoding": "8bit"}
        present = set(msgids)
        for number, msgid in enumerate(msgids, start=1):
            where = [(f"{name}.md", str(number))]
            old.append(polib.POEntry(msgid=msgid, msgstr=pseudo(msgid), occurrences=where))
            seed = zlib.crc32(f"{name}\0{msgid}".encode())
            new = msgid
            if msgid in paragraphs and seed % 10_000 < percent * 100:
                candidate = edit(msgid, seed)
                if candidate not in present:
                    new = candidate
                    edited[name, new] = msgid
                    present.add(new)
            pot.append(polib.POEntry(msgid=new, occurrences=where))
        write_po(root / "old" / LANGUAGE / "LC_MESSAGES" / f"{name}.po", old)
        write_po(root / "pot" / f"{name}.pot", pot)
    total = sum(len(m) for m in catalogs.values())
    return Dataset(root.name, root, total, edited)


def book_dataset(corpus: Path, work: Path, percent: float) -> Dataset:
    files = sorted(corpus.rglob("*.md"))
    if not files:
        fail(f"no Markdown files under {corpus} (pass BENCH_CORPUS=/path/to/ml-engineering)")
    catalogs: dict[str, list[str]] = {}
    paragraphs: set[str] = set()
    for path in tqdm(files, desc="extract book", unit="file", file=sys.stderr):
        found = segments(path.read_text(encoding="utf-8"))
        name = path.relative_to(corpus).with_suffix("").as_posix()
        catalogs[name] = list(dict.fromkeys(s.msgid for s in found))
        paragraphs |= {s.msgid for s in found if s.kind == "paragraph" and " " in s.msgid}
    return write_catalogs(work / "book", catalogs, paragraphs, percent)


def synthetic_dataset(work: Path, size: int, percent: float) -> Dataset:
    rng = random.Random(20_000)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 10))) for _ in range(6000)]
    msgids: dict[str, None] = {}
    while len(msgids) < size:
        msgids[" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 60)))] = None
    return write_catalogs(work / "synthetic", {"messages": list(msgids)}, set(msgids), percent)


# -- tools --------------------------------------------------------------------------------------

@dataclass
class Run:
    tool: str
    seconds: float
    peak_mb: float
    out_dir: Path


TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time: the peak memory of one command


def timed(cmd: list[str], memory: bool = False, quiet: bool = False) -> tuple[float, float]:
    """Wall seconds of one command, spawned with posix_spawn (no fork of this big process), and,
    when `memory`, its peak resident memory in MB as GNU time reports it (0 when not measured:
    a child's ru_maxrss on Linux includes the memory of the process that spawned it)."""
    report = None
    if memory and TIME:
        fd, report = tempfile.mkstemp(prefix="bench-time-")
        os.close(fd)
        cmd = [TIME, "-f", "%M", "-o", report, *cmd]
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)] if quiet else []
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    _, status = os.waitpid(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        fail(f"{' '.join(cmd[:4])} ... exited with status {code}")
    peak = 0.0
    if report:
        peak = int(Path(report).read_text().split()[-1]) / 1024
        os.unlink(report)
    return seconds, peak


def fresh_copy(data: Dataset, tool: str) -> Path:
    target = data.root / "out" / tool
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(data.old_dir, target)
    return target


def catalogs_of(data: Dataset, out: Path) -> list[tuple[Path, Path]]:
    return [(pot, out / LANGUAGE / "LC_MESSAGES" / pot.relative_to(data.pot_dir).with_suffix(".po"))
            for pot in sorted(data.pot_dir.rglob("*.pot"))]


def run_ours(data: Dataset, memory: bool = False) -> Run:
    out = fresh_copy(data, "ours")
    seconds, peak = timed([sys.executable, __file__, "--worker", str(data.pot_dir), str(out)], memory)
    return Run("ours (l10n update)", seconds, peak, out)


def run_msgmerge(data: Dataset, memory: bool = False) -> Run:
    out = fresh_copy(data, "msgmerge")
    seconds, peak = 0.0, 0.0
    pairs = catalogs_of(data, out)
    for pot, po in tqdm(pairs, desc="msgmerge", unit="file", file=sys.stderr, disable=len(pairs) < 2):
        s, p = timed(["msgmerge", "--quiet", "--previous", "--no-wrap", "--update", "--backup=off",
                      str(po), str(pot)], memory)
        seconds, peak = seconds + s, max(peak, p)
    return Run("msgmerge --previous", seconds, peak, out)


def run_sphinx_intl(data: Dataset, memory: bool = False) -> Run:
    out = fresh_copy(data, "sphinx-intl")
    sphinx_intl = Path(sys.executable).with_name("sphinx-intl")
    seconds, peak = timed([str(sphinx_intl), "update", "-p", str(data.pot_dir), "-d", str(out),
                           "-l", LANGUAGE], memory, quiet=True)
    return Run("sphinx-intl update", seconds, peak, out)


def worker(pot_dir: Path, out: Path) -> int:
    """What `make update` does per catalog: read template and catalog, merge, write atomically."""
    pots = sorted(pot_dir.rglob("*.pot"))
    for pot in tqdm(pots, desc="ours", unit="file", file=sys.stderr, disable=len(pots) < 2):
        po_path = out / LANGUAGE / "LC_MESSAGES" / pot.relative_to(pot_dir).with_suffix(".po")
        template = [TemplateEntry(e.msgid, tuple(e.occurrences)) for e in read_po(pot, MAX_BYTES) if e.msgid]
        new, _ = merge(read_po(po_path, MAX_BYTES), template, LANGUAGE)
        write_po(po_path, new)
    return 0


# -- results ------------------------------------------------------------------------------------

@dataclass
class Counts:
    fuzzy: int = 0
    correct: int = 0
    untranslated: int = 0
    obsolete: int = 0


def count(data: Dataset, run: Run) -> Counts:
    result = Counts()
    for pot, po_path in catalogs_of(data, run.out_dir):
        name = pot.relative_to(data.pot_dir).with_suffix("").as_posix()
        for entry in polib.pofile(str(po_path), wrapwidth=0):
            if entry.obsolete:
                result.obsolete += 1
            elif "fuzzy" in entry.flags:
                result.fuzzy += 1
                source = data.edited.get((name, entry.msgid))
                result.correct += source is not None and entry.msgstr == pseudo(source)
            elif not entry.msgstr:
                result.untranslated += 1
    return result


Runner = Callable[[Dataset, bool], Run]


def best_times(data: Dataset, tools: list[tuple[Runner, int]]) -> list[Run]:
    """Each tool's best wall time; the repeats are interleaved (tool A, B, A, B, ...) so that
    load from other processes on the machine hits every tool alike. Peak memory comes from one
    extra run under GNU time (its wall time is not used), except for single-run tools."""
    best: dict[int, Run] = {}
    for round_ in range(max(repeat for _, repeat in tools)):
        for index, (runner, repeat) in enumerate(tools):
            if round_ < repeat:
                run = runner(data, repeat == 1)
                if index not in best or run.seconds < best[index].seconds:
                    best[index] = run
    for index, (runner, repeat) in enumerate(tools):
        if repeat > 1:
            best[index].peak_mb = runner(data, True).peak_mb
    return [best[i] for i in range(len(tools))]


def bench(data: Dataset, tools: list[tuple[Runner, int]]) -> list[str]:
    rows = []
    runs = best_times(data, tools)
    counts = [count(data, run) for run in runs]
    for run, c in zip(runs, counts, strict=True):
        rows.append(f"| {data.name} | {run.tool} | {run.seconds:.2f} | {run.peak_mb:.0f} | {c.fuzzy} "
                    f"| {c.correct} | {c.untranslated} | {c.obsolete} |")
    ours = runs[0].seconds
    by_tool = {run.tool.split()[0]: run for run in runs}
    notes = [f"{data.name}: {data.messages} messages, {len(data.edited)} edited; "
             f"ours/msgmerge = {ours / by_tool['msgmerge'].seconds:.2f} (target <= 1.0)"]
    if "sphinx-intl" in by_tool:
        notes[0] += f"; sphinx-intl/ours = {by_tool['sphinx-intl'].seconds / ours:.1f}x (target >= 20x)"
    correct = {run.tool.split()[0]: c.correct for run, c in zip(runs, counts, strict=True)}
    notes[0] += (f"; correct fuzzy matches: ours {correct['ours']}, msgmerge {correct['msgmerge']}"
                 f" (target: ours >= msgmerge)")
    return rows + notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "ml-engineering")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--synthetic", type=int, default=20_000, help="messages in the synthetic catalog")
    parser.add_argument("--percent", type=float, default=5.0, help="percent of paragraphs edited")
    parser.add_argument("--repeat", type=int, default=3, help="runs of ours and msgmerge (best kept)")
    parser.add_argument("--sphinx-intl-synthetic", action="store_true",
                        help="also run sphinx-intl on the synthetic catalog (many minutes)")
    parser.add_argument("--worker", nargs=2, type=Path, metavar=("POT", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(*args.worker)
    if not args.corpus.is_dir():
        fail(f"corpus not found: {args.corpus} (pass BENCH_CORPUS=/path/to/the/book's/markdown)")
    if shutil.which("msgmerge") is None:
        fail("msgmerge not found (apt-get install gettext)")
    if not Path(sys.executable).with_name("sphinx-intl").is_file():
        fail("sphinx-intl not installed in this Python (run `make bench`: the bench group, requirements/bench.txt)")
    book = book_dataset(args.corpus.resolve(), args.work, args.percent)
    synthetic = synthetic_dataset(args.work, args.synthetic, args.percent)
    header = ["| dataset | tool | wall s | peak MB | fuzzy | correct fuzzy | untranslated | obsolete |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    book_lines = bench(book, [(run_ours, args.repeat), (run_msgmerge, args.repeat), (run_sphinx_intl, 1)])
    tools = [(run_ours, args.repeat), (run_msgmerge, args.repeat)]
    if args.sphinx_intl_synthetic:
        tools.append((run_sphinx_intl, 1))
    synthetic_lines = bench(synthetic, tools)
    table = header + [line for line in book_lines + synthetic_lines if line.startswith("|")]
    notes = [line for line in book_lines + synthetic_lines if not line.startswith("|")]
    print("\n".join(table))
    print()
    print("\n".join(notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
