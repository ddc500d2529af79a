"""Benchmark: the precision of the number check on real catalogs nobody here wrote.

The catalogs are the ones Sphinx ships in its own package (`sphinx/locale/*/LC_MESSAGES/sphinx.po`,
about 70 languages), and Django's (`django/**/locale/*/LC_MESSAGES/*.po`) when Django is importable
(not a dependency: `pip install --no-deps --target DIR django`, then PYTHONPATH=DIR): every
translated, non-fuzzy entry (each plural form against its msgid or msgid_plural) goes through the
`numbers` message rule alone. It prints the entries checked, those with a number, the findings per
code and per 1,000 entries, and writes a seeded random sample of the findings to judge by hand (one
per line: source, language, code, msgid, msgstr, message). With
translate-toolkit importable (it is not a dependency: `pip install --target DIR translate-toolkit`,
then PYTHONPATH=DIR), its `numbers` filter runs on the same entries, for comparison.

    .venv/bin/python benchmarks/bench_numbers.py [--sample 60] [--seed 14] [--out build/bench-numbers.tsv]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import polib
import sphinx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from l10n.checks.message import run_rule  # noqa: E402


def catalogs(with_django: bool) -> list[tuple[str, str, Path]]:
    """(source, language, path) of every catalog Sphinx ships, then Django's (when importable)."""
    found = [("sphinx", path.parts[-3], path)
             for path in sorted((Path(sphinx.__file__).parent / "locale").glob("*/LC_MESSAGES/sphinx.po"))]
    try:
        import django
    except ImportError:
        return found
    if with_django:
        root = Path(django.__file__).parent
        found += [("django", path.parts[-3], path) for path in sorted(root.glob("**/locale/*/LC_MESSAGES/*.po"))]
    return found


def translations(path: Path) -> Iterator[tuple[str, str]]:
    """(msgid, msgstr) of every translated, non-fuzzy, non-obsolete entry, each plural form apart."""
    for entry in polib.pofile(str(path)):
        if entry.obsolete or "fuzzy" in entry.flags or not entry.msgid:
            continue
        if entry.msgid_plural:
            for index, text in sorted(entry.msgstr_plural.items()):
                if text.strip():
                    yield (entry.msgid if int(index) == 0 else entry.msgid_plural), text
        elif entry.msgstr.strip():
            yield entry.msgid, entry.msgstr


def toolkit_numbers() -> object | None:
    """translate-toolkit's `numbers` filter, when it can be imported (None otherwise)."""
    try:
        from translate.filters import checks
    except ImportError:
        return None
    checker = checks.StandardChecker()
    return checker.numbers


def _toolkit_fails(filter_: object, msgid: str, msgstr: str) -> bool:
    try:
        return not filter_(msgid, msgstr)  # type: ignore[operator]
    except Exception:  # the toolkit's filters raise their FilterFailure
        return True


Row = tuple[str, str, str, str, str, str]  # source, language, code, msgid, msgstr, message


def measure(with_django: bool) -> tuple[Counter[str], list[Row], float]:
    counts: Counter[str] = Counter()
    findings = []
    toolkit = toolkit_numbers()
    started = time.perf_counter()
    for source, language, path in catalogs(with_django):
        counts[f"{source} catalogs"] += 1
        for msgid, msgstr in translations(path):
            counts[f"{source} entries"] += 1
            counts[f"{source} with numbers"] += any(c.isdigit() for c in msgid + msgstr)
            for problem in run_rule("numbers", msgid, msgstr, language):
                counts[f"{source} findings"] += 1
                counts[problem.code] += 1
                findings.append((source, language, problem.code, msgid, msgstr, problem.message))
            if toolkit is not None:
                counts[f"{source} toolkit findings"] += _toolkit_fails(toolkit, msgid, msgstr)
    counts["toolkit available"] = toolkit is not None
    return counts, findings, time.perf_counter() - started


def report(counts: Counter[str], seconds: float) -> None:
    print(f"Sphinx {sphinx.__version__}; in {seconds:.1f} s; number findings by code: "
          + ", ".join(f"{code} {counts[code]}" for code in ("number-changed", "number-dropped", "number-added")))
    for source in ("sphinx", "django"):
        entries = counts[f"{source} entries"]
        if not entries:
            continue
        found, toolkit = counts[f"{source} findings"], counts[f"{source} toolkit findings"]
        print(f"{source}: {counts[f'{source} catalogs']} catalogs, {entries} translated entries checked, "
              f"{counts[f'{source} with numbers']} with a digit; number findings {found} "
              f"({1000 * found / entries:.1f} per 1,000 entries)"
              + (f"; translate-toolkit numbers filter {toolkit} ({1000 * toolkit / entries:.1f} per 1,000)"
                 if counts["toolkit available"] else "; translate-toolkit: not importable, not measured"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--sphinx-only", action="store_true", help="leave out Django's catalogs")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench-numbers.tsv")
    args = parser.parse_args(argv)
    counts, findings, seconds = measure(not args.sphinx_only)
    report(counts, seconds)
    sample = random.Random(args.seed).sample(findings, min(args.sample, len(findings)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        for row in sample:
            handle.write("\t".join(" ".join(field.split()) for field in row) + "\n")
    print(f"a random sample of {len(sample)} findings (seed {args.seed}): {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
