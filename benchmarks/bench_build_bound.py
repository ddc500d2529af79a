"""Benchmark: the build cost of the worst catalog `make check` accepts, against the shipped one.

A msgstr's inline markup becomes docutils nodes, and every node costs every step of the Sphinx
build: `'*a' * 4999` as the msgstr of the 12 link-free entries took `make html LANGUAGE=zh_CN`
from about 1.2 s to 16-20 s. The message checks now refuse a msgstr with more than
MAX_ADDED_MARKUP markup characters beyond its msgid's, or nested deeper than MAX_INLINE_DEPTH
(scripts/l10n/checks/build_cost.py). This script builds, in one run and in turns:

- the shipped zh_CN catalog (the baseline);
- the worst accepted catalog: every link-free entry's msgstr is the issue's pattern cut at the
  bound (`'*a' * 64`: 32 emphasis spans), padded with text to the longest msgstr accepted
  (10,000 characters); then the same appended to every other entry's shipped msgstr too;
- one markup character over the bound, and the issue's catalog: `make html` must refuse both
  (the time shown is the refusal's).

It times `l10n site --language zh_CN` (what `make html LANGUAGE=zh_CN` runs: the check gate,
then sphinx-build), best of N, wall clock and CPU time (the processes' user + system time: the
steadier one on a busy machine), and prints each ratio to the baseline. The goal: the worst
accepted catalog builds in at most 2x the shipped catalog's time. With --unguarded it also runs
sphinx-build alone on the issue's catalog (no gate), to show the cost the bound removes.

    .venv/bin/python benchmarks/bench_build_bound.py [--repeat 5] [--unguarded]
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
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

from l10n.catalog.io import read_po, write_po  # noqa: E402
from l10n.checks.build_cost import MAX_ADDED_MARKUP  # noqa: E402
from l10n.checks.message import MAX_MSGSTR_CHARS  # noqa: E402
from l10n.text.segments import inline_features  # noqa: E402

L10N = str(Path(sys.executable).with_name("l10n"))
CATALOG = Path("locale") / "zh_CN" / "LC_MESSAGES" / "README.po"
ISSUE = "*a" * 4999
GOAL = 2.0


def at_the_bound(extra: int = 0, prefix: str = "") -> str:
    """The issue's pattern cut at the bound (`extra` markup characters over it), after `prefix`,
    padded with text to the longest msgstr the length check accepts."""
    markup = "*a" * MAX_ADDED_MARKUP + "*" * extra
    head = f"{prefix} {markup}" if prefix else markup
    return head + "a" * (MAX_MSGSTR_CHARS - len(head))


def link_free(msgid: str) -> bool:
    features = inline_features(msgid)
    return not features.destinations and not features.images


@dataclasses.dataclass
class Variant:
    name: str
    msgstr: Callable[[polib.POEntry], str | None]  # None: keep the shipped msgstr
    accepted: bool
    project: Path = Path()
    wall: float = float("inf")
    cpu: float = float("inf")
    status: int = -1
    output: str = ""  # the last run's, shown when it did not end as expected


VARIANTS = [
    Variant("shipped catalog (baseline)", lambda e: None, True),
    Variant("worst accepted, link-free entries", lambda e: at_the_bound() if link_free(e.msgid) else None, True),
    Variant("worst accepted, every entry",
            lambda e: at_the_bound() if link_free(e.msgid) else at_the_bound(prefix=e.msgstr), True),
    Variant("1 markup character over, link-free entries",
            lambda e: at_the_bound(extra=1) if link_free(e.msgid) else None, False),
    Variant("the issue's '*a' * 4999, link-free entries", lambda e: ISSUE if link_free(e.msgid) else None, False),
]


def make_project(where: Path, variant: Variant) -> Path:
    where.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, where / name)
    for name in ("source", "locale"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("*.mo"))
    catalog = read_po(where / CATALOG)
    changed = 0
    for entry in catalog:
        msgstr = variant.msgstr(entry) if entry.msgid and not entry.obsolete else None
        if msgstr is not None:
            entry.msgstr = msgstr
            changed += 1
    write_po(where / CATALOG, catalog)
    if changed == 0 and variant is not VARIANTS[0]:
        raise SystemExit(f"bench_build_bound: error: {ROOT / CATALOG}: no entry to change for {variant.name!r}")
    return where


def timed(command: list[str], cwd: Path) -> tuple[float, float, int, str]:
    """Wall clock and CPU time (user + system of every process it started) of one command, its
    exit status and output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, result.returncode, result.stdout + result.stderr


def verify_gate(variant: Variant) -> None:
    """`l10n check` must accept what the table calls accepted and refuse the rest."""
    result = subprocess.run([L10N, "--root", str(variant.project), "check", "--language", "zh_CN"],
                            capture_output=True, text=True)
    if (result.returncode == 0) != variant.accepted:
        shown = "\n".join(line for line in result.stdout.splitlines() if ": error " in line)[:2000]
        raise SystemExit(f"bench_build_bound: error: `l10n check` {'refuses' if variant.accepted else 'accepts'} "
                         f"{variant.name!r} (exit {result.returncode}); the bound changed:\n{shown}")


def measure(variants: list[Variant], repeat: int) -> None:
    """Best of `repeat`, the variants in turns (a slow minute of the machine hits them all)."""
    for _ in range(repeat):
        for variant in variants:
            command = [L10N, "--root", str(variant.project), "site", "--language", "zh_CN"]
            wall, cpu, variant.status, variant.output = timed(command, variant.project)
            variant.wall, variant.cpu = min(variant.wall, wall), min(variant.cpu, cpu)


def unguarded(tmp: Path, repeat: int) -> list[tuple[str, float, float]]:
    """sphinx-build alone (no check gate) on the shipped and the issue's catalog."""
    rows = []
    for variant in (VARIANTS[0], VARIANTS[-1]):
        mo = tmp / "unguarded" / variant.name.split()[0].strip("'") / "zh_CN" / "LC_MESSAGES" / "README.mo"
        mo.parent.mkdir(parents=True)
        polib.pofile(str(variant.project / CATALOG)).save_as_mofile(str(mo))
        command = [sys.executable, "-m", "sphinx", "-q", "-c", ".", "-b", "html", "-E", "-D", "language=zh_CN",
                   "-D", f"locale_dirs={mo.parents[2]}", "-d", str(mo.parents[2] / "doctrees"), "source",
                   str(mo.parents[2] / "html")]
        best = [timed(command, variant.project) for _ in range(repeat)]
        if any(b[2] != 0 for b in best):
            raise SystemExit(f"bench_build_bound: error: sphinx-build failed on {variant.name!r}:\n"
                             f"{best[0][3][-2000:]}")
        rows.append((variant.name, min(b[0] for b in best), min(b[1] for b in best)))
    return rows


def print_table(variants: list[Variant]) -> bool:
    base = variants[0]
    print("| catalog | `l10n check` | `l10n site --language zh_CN` | wall | x shipped | CPU | x shipped |")
    print("|---|---|---|---|---|---|---|")
    for v in variants:
        outcome = "built" if v.status == 0 else f"refused (exit {v.status})"
        print(f"| {v.name} | {'accepts' if v.accepted else 'refuses'} | {outcome} | {v.wall:.2f} s "
              f"| {v.wall / base.wall:.2f}x | {v.cpu:.2f} s | {v.cpu / base.cpu:.2f}x |")
    for v in variants:
        if (v.status == 0) != v.accepted:
            print(f"\n{v.name}: `l10n site` exited {v.status}, not as `l10n check` says:\n{v.output[-2000:]}")
    worst = max((v for v in variants if v.accepted), key=lambda v: v.cpu / base.cpu)
    ratio = min(worst.wall / base.wall, worst.cpu / base.cpu)
    met = ratio <= GOAL and all((v.status == 0) == v.accepted for v in variants)
    print(f"\nworst accepted: {worst.name}, {ratio:.2f}x the shipped catalog (goal: at most {GOAL:.0f}x): "
          f"{'met' if met else 'NOT MET'}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--unguarded", action="store_true",
                        help="also time sphinx-build alone on the issue's catalog (about 20 s a run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for index, variant in enumerate(VARIANTS):
            variant.project = make_project(Path(tmp) / f"p{index}", variant)
            verify_gate(variant)
        print(f"The worst catalog `make check` accepts (at most {MAX_ADDED_MARKUP} markup characters more than "
              f"the msgid, msgstr at most {MAX_MSGSTR_CHARS:,} characters) against the shipped zh_CN catalog; "
              f"best of {args.repeat} runs each, in turns\n")
        measure(VARIANTS, args.repeat)
        met = print_table(VARIANTS)
        if args.unguarded:
            print("\n| sphinx-build alone (no check gate) | wall | CPU |\n|---|---|---|")
            rows = unguarded(Path(tmp), max(1, args.repeat // 2))
            for name, wall, cpu in rows:
                print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
            print(f"\nthe issue's catalog, unguarded: {rows[1][2] / rows[0][2]:.1f}x the shipped catalog's CPU time")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
