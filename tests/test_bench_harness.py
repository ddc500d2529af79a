"""The benchmark script's harness on a small input: it runs, compares all three tools and
prints the table. Its numbers are not asserted as performance, only as merge outcomes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPHINX_INTL = Path(sys.executable).with_name("sphinx-intl")


@pytest.mark.skipif(shutil.which("msgmerge") is None or not SPHINX_INTL.is_file(),
                    reason="needs GNU msgmerge (apt install gettext) and sphinx-intl (the bench group: make bench)")
def test_bench_prints_the_comparison_table(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests" / "fixtures" / "upstream", corpus,
                    ignore=shutil.ignore_patterns("*.tsv", "LICENSE*"))
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_update.py"), "--corpus", str(corpus),
         "--work", str(tmp_path / "work"), "--synthetic", "400", "--percent", "20", "--repeat", "1"],
        capture_output=True, text=True, check=True)
    rows = [line.split("|")[1:-1] for line in result.stdout.splitlines() if line.startswith("| ")]
    tools = [(r[0].strip(), r[1].strip()) for r in rows[1:]]
    assert tools == [("book", "ours (l10n update)"), ("book", "msgmerge --previous"),
                     ("book", "sphinx-intl update"), ("synthetic", "ours (l10n update)"),
                     ("synthetic", "msgmerge --previous")]
    notes = {line.split(":")[0]: line for line in result.stdout.splitlines() if "ours/msgmerge = " in line}
    for dataset, row_index in (("book", 1), ("synthetic", 4)):
        edited = int(re.search(r"(\d+) edited", notes[dataset]).group(1))
        fuzzy, correct, untranslated, obsolete = (int(v) for v in rows[row_index][4:8])
        assert edited > 0
        # every edit is one word in a paragraph of two words or more: ours finds every source,
        # never loses one (each source stays obsolete) and leaves nothing untranslated
        assert (fuzzy, correct, untranslated, obsolete) == (edited, edited, 0, edited), dataset
