"""Benchmark: the first `make html` on a fresh clone, against an earlier commit's, in one run.

What a new maintainer waits for: `git clone`, then `make html` creates .venv/ from the locks and
builds every language. This script clones this repository twice into a temporary folder, once at
the baseline commit and once at the candidate (HEAD by default), and in turns (best of N) runs
`make html` in each new clone, from nothing: the wall time, and the size of .venv/ afterwards (as
`du` counts it, with the bytecode Python wrote while building). Both run with the same pip cache,
with PATH stripped of any `uv` (Python and make alone, the README's prerequisites) and without
PYTHONDONTWRITEBYTECODE (a user's shell does not set it). The first round warms pip's cache for
both: take --repeat 2 or more. With --cold, every run gets its own empty pip cache, as on a new
machine: every package is downloaded (and a source distribution built) again.

The default baseline, ec62c1e, is the last commit before the dependencies were split by purpose
(issue 16): one requirements.txt with every tool.

    .venv/bin/python benchmarks/bench_setup.py [--baseline ec62c1e] [--candidate HEAD] [--repeat 2] [--cold]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "ec62c1e"


def environment(cache: Path | None) -> dict[str, str]:
    folders = os.environ.get("PATH", "").split(os.pathsep)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE" and not k.startswith("L10N_")}
    env["PATH"] = os.pathsep.join(folder for folder in folders if not (Path(folder) / "uv").exists())
    if cache is not None:
        env["PIP_CACHE_DIR"] = str(cache)
    return env


def clone(ref: str, where: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(where)], check=True)
    subprocess.run(["git", "-C", str(where), "checkout", "--quiet", ref], check=True)
    return where


def size_mb(folder: Path) -> float:
    blocks = sum(os.lstat(Path(top) / name).st_blocks for top, dirs, files in os.walk(folder)
                 for name in [*dirs, *files])
    return blocks * 512 / 2**20


def first_make_html(ref: str, where: Path, cold: bool) -> tuple[float, float]:
    """Seconds and .venv megabytes of `make html` in a new clone of `ref` (with an empty pip cache
    of its own if `cold`)."""
    project = clone(ref, where / "clone")
    env = environment(where / "pip-cache" if cold else None)
    start = time.perf_counter()
    done = subprocess.run(["make", "html"], cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"bench_setup: make html failed at {ref}: {(done.stdout + done.stderr)[-2000:]}")
    return seconds, size_mb(project / ".venv")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default=BASELINE)
    parser.add_argument("--candidate", default="HEAD")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--cold", action="store_true", help="an empty pip cache for every run")
    args = parser.parse_args(argv)
    runs: dict[str, list[tuple[float, float]]] = {args.baseline: [], args.candidate: []}
    with tempfile.TemporaryDirectory(prefix="bench-setup-") as scratch:
        for round_ in range(args.repeat):
            for ref in runs:
                where = Path(scratch) / f"{round_}-{ref[:12].replace('/', '_')}"
                runs[ref].append(first_make_html(ref, where, args.cold))
                print(f"round {round_ + 1}: {ref}: {runs[ref][-1][0]:.1f} s, .venv {runs[ref][-1][1]:.0f} MB",
                      flush=True)
    (base_s, base_mb), (cand_s, cand_mb) = (min(runs[ref]) for ref in (args.baseline, args.candidate))
    print(f"pip's cache: {'empty for every run' if args.cold else 'shared'}")
    print(f"best of {args.repeat}: {args.baseline} {base_s:.1f} s, {base_mb:.0f} MB; "
          f"{args.candidate} {cand_s:.1f} s, {cand_mb:.0f} MB")
    print(f"candidate / baseline: time {cand_s / base_s:.2f}x, size {cand_mb / base_mb:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
