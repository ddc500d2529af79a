"""Benchmark: `make html` with nothing changed, against one bare sphinx-build with nothing to do.

`make html` (`l10n site`) checks every catalog once, then builds each language whose inputs
changed since its published build (the site manifest, build/site.json: the English, the
language's catalogs, conf.py, the templates and static files, the Sphinx-side code, the
decision and the languages its pages link to). With nothing changed it runs no Sphinx at all.
This script copies the project (its English, catalogs and settings) to a temporary folder and,
in one run:

- builds the whole site once (`l10n site`, not timed), then checks that a second run reports
  every built language "up to date" (no Sphinx run);
- times, in turns, best of N: the second `l10n site` (every language: the checks, the digests,
  the landing and status pages), and one bare `sphinx-build -b html -D language=zh_CN` of the
  same project into its own folder, built once before so it has nothing to rebuild (Sphinx's
  own incremental no-op: it reads its pickled environment and compares the sources' times).

Wall clock and CPU time (user + system of the processes; the steadier one on a busy machine).
The goal: ours at most the baseline's, by both measures, and no Sphinx run.

    .venv/bin/python benchmarks/bench_site.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from bench_build_bound import timed  # one way to time a command: wall and CPU of all it started

ROOT = Path(__file__).resolve().parents[1]
L10N = str(Path(sys.executable).with_name("l10n"))
BASELINE_LANGUAGE = "zh_CN"


def make_project(where: Path) -> Path:
    where.mkdir(parents=True)
    for name in ("pyproject.toml", "conf.py"):
        shutil.copy(ROOT / name, where / name)
    for name in ("source", "locale"):
        shutil.copytree(ROOT / name, where / name, ignore=shutil.ignore_patterns("*.mo"))
    return where


def bare_sphinx(project: Path) -> list[str]:
    """sphinx-build as a Sphinx user runs it, incremental (no -E), into its own folders."""
    return [sys.executable, "-m", "sphinx", "-q", "-c", ".", "-b", "html", "-D", f"language={BASELINE_LANGUAGE}",
            "-d", str(project / "build" / "bare-doctrees"), "source", str(project / "build" / "bare-html")]


def prepare(project: Path) -> tuple[str, int]:
    """The first builds (not timed); the second `l10n site`'s output and exit status."""
    first = timed([L10N, "--root", str(project), "site"], project)
    built = [line for line in first[3].splitlines() if line.startswith("built ")]
    if not built:
        raise SystemExit(f"bench_site: error: the first `l10n site` built nothing:\n{first[3][-2000:]}")
    bare = timed(bare_sphinx(project), project)
    if bare[2] != 0:
        raise SystemExit(f"bench_site: error: sphinx-build failed:\n{bare[3][-2000:]}")
    second = timed([L10N, "--root", str(project), "site"], project)
    return second[3], len(built)


def measure(project: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Best of `repeat`, in turns (a slow minute of the machine hits both)."""
    commands = {"`make html` again (l10n site, every language)": [L10N, "--root", str(project), "site"],
                f"bare sphinx-build, {BASELINE_LANGUAGE}, nothing to rebuild": bare_sphinx(project)}
    best = {name: (float("inf"), float("inf")) for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu, _status, _output = timed(command, project)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project")
        second, languages = prepare(project)
        rebuilt = [line for line in second.splitlines() if line.startswith(("built ", "relinked "))]
        up_to_date = [line for line in second.splitlines() if line.startswith("up to date ")]
        best = measure(project, args.repeat)
    (ours, ours_cpu), (base, base_cpu) = best.values()
    print(f"`make html` run twice on a copy of the project ({languages} languages built the first time); "
          f"best of {args.repeat} runs each, in turns\n")
    print("| command | wall | CPU |\n|---|---|---|")
    for name, (wall, cpu) in best.items():
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
    print(f"\nsecond `make html`: {len(up_to_date)} up to date, {len(rebuilt)} built again"
          + (f" ({'; '.join(rebuilt)})" if rebuilt else ""))
    met = not rebuilt and len(up_to_date) == languages and ours <= base and ours_cpu <= base_cpu
    print(f"ours / baseline: {ours / base:.2f}x wall, {ours_cpu / base_cpu:.2f}x CPU "
          f"(goal: at most 1x, and no Sphinx run): {'met' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
