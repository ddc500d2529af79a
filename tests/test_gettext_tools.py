"""Living alongside gettext tools: a Plural-Forms msginit or Poedit wrote is accepted and kept,
`make init` writes what msginit writes, the POT's references are project-relative, and
`msgmerge --previous` + `make wrap` gives the file `make update` gives, but for the differences
the README names. The real msginit and msgmerge are run when they are installed."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.catalog import extract
from l10n.catalog.io import read_po, write_po
from l10n.catalog.sync import init_language
from l10n.checks.runner import check_catalogs
from l10n.cli import main
from l10n.config import Config
from l10n.locales import MSGINIT_PLURAL_FORMS, babel_plural_forms, plural_forms, plural_forms_problem
from mini_project import MSGIDS, write_project, write_template
from partial_fr import write_partial_fr_project

MSGINIT = shutil.which("msginit")
MSGMERGE = shutil.which("msgmerge")
MSGINIT_FR = "nplurals=2; plural=(n > 1);"
CLDR_FR = "nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2;"


def msginit_plural_forms(language: str, tmp: Path) -> str | None:
    """The Plural-Forms the installed msginit writes for a language (None: it writes none)."""
    pot = tmp / "t.pot"
    pot.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    out = tmp / f"{language}.po"
    subprocess.run([str(MSGINIT), "--no-translator", "-l", language, "-i", str(pot), "-o", str(out)],
                   check=True, capture_output=True)
    return polib.pofile(str(out)).metadata.get("Plural-Forms")


def set_plural_forms(config: Config, value: str) -> None:
    catalog = read_po(config.po_path("fr"))
    catalog.metadata["Plural-Forms"] = value
    write_po(config.po_path("fr"), catalog)


def header_findings(config: Config) -> list[tuple[str, str, str]]:
    return [(f.code, f.severity, f.fix) for f in check_catalogs(config, ["fr"]) if f.code.startswith("plural")]


@pytest.mark.parametrize(("language", "value", "problem"), [
    ("fr", MSGINIT_FR, None),  # msginit's, Poedit's
    ("fr", CLDR_FR, None),  # babel's
    ("fr", "nplurals=2;plural=n>1", None),  # another valid spelling of the same rule
    ("fr", "nplurals=1; plural=0;", "nplurals=1, but fr has 2 or 3 plural forms"),
    ("ja", "nplurals=2; plural=(n != 1);", "nplurals=2, but ja has 1 plural forms"),
    ("de", "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;", "nplurals=3, but de has 2 plural forms"),
    ("fr", "nplurals=2; plural=(n >;", "rejected by gettext"),
])
def test_any_valid_plural_forms_with_a_usual_count_is_accepted(language: str, value: str,
                                                               problem: str | None) -> None:
    found = plural_forms_problem(value, language)
    assert found == problem if problem is None else problem in (found or "")


def test_check_and_update_keep_a_valid_plural_forms(tmp_path: Path) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    extract.gettext(config)
    assert header_findings(config) == []  # the fixture's, as msginit wrote it
    for value in (CLDR_FR, MSGINIT_FR):
        set_plural_forms(config, value)
        assert header_findings(config) == []
        assert main(["--root", str(config.root), "update", "--no-gettext"]) == 0
        assert read_po(config.po_path("fr")).metadata["Plural-Forms"] == value


def test_an_unusual_count_is_a_finding_and_update_writes_msginits(tmp_path: Path) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    extract.gettext(config)
    set_plural_forms(config, "nplurals=1; plural=0;")
    fix = f"set 'Plural-Forms: {MSGINIT_FR}', what msginit writes (`make update` does)"
    assert header_findings(config) == [("plural-forms-mismatch", "warning", fix)]
    assert main(["--root", str(config.root), "update", "--no-gettext"]) == 0
    assert read_po(config.po_path("fr")).metadata["Plural-Forms"] == MSGINIT_FR
    assert header_findings(config) == []


@pytest.mark.skipif(MSGINIT is None, reason="msginit (GNU gettext) is not installed")
@pytest.mark.parametrize("language", ["fr", "ja", "zh_CN", "de", "pt_BR"])
def test_init_writes_what_msginit_writes(tmp_path: Path, language: str) -> None:
    config = write_project(tmp_path / "project")
    write_template(config, MSGIDS)
    init_language(config, language, extract_first=False)
    ours = read_po(config.po_path(language)).metadata["Plural-Forms"]
    theirs = msginit_plural_forms(language, tmp_path)
    assert ours == (theirs or babel_plural_forms(language))  # msginit has no rule for zh: babel's


@pytest.mark.skipif(MSGINIT is None, reason="msginit (GNU gettext) is not installed")
def test_the_msginit_table_is_msginits(tmp_path: Path) -> None:
    assert {code: msginit_plural_forms(code, tmp_path) for code in MSGINIT_PLURAL_FORMS} == {
        code: plural_forms(code) for code in MSGINIT_PLURAL_FORMS}


def test_pot_references_are_project_relative(tmp_path: Path) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    pot = extract.gettext(config)[0]
    text = pot.read_text(encoding="utf-8")
    assert "#: source/README.md:1\n" in text and "../" not in text
    assert "POT-Creation-Date" not in text  # msgmerge then leaves the catalog's header as it is
    assert extract.read_template(config)[0].occurrences == (("source/README.md", "1"),)
    assert extract.gettext(config)[0] == pot and pot.read_text(encoding="utf-8") == text  # stable


OLD_URL = "https://wandb.ai/craiyon/report/reports/Recipe-Training-Large-Models--VmlldzozNjc4MzQz"
NEW_URL = "https://wandb.ai/craiyon/report/reports/Recipe-Training-Large-Models--v2"
EDITS = [  # a link moved, a sentence edited, one removed, a year and a near-duplicate heading added
    (OLD_URL, NEW_URL),
    ("Jacob Austin maintains", "Jacob Austin and his colleagues maintain"),
    ("The listing is in no particular order other than being grouped by the year.\n", ""),
    ("## Hardware setup logbooks\n", "### 2025\n\n- A fresh entry.\n\n## Hardware setup logbooks\n\n"
                                     "## Hardware setup logbook\n"),
]


def edit_english(config: Config) -> None:
    path = config.source_dir / "README.md"
    text = path.read_text(encoding="utf-8")
    for before, after in EDITS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    path.write_text(text, encoding="utf-8")


@pytest.mark.skipif(MSGMERGE is None, reason="msgmerge (GNU gettext) is not installed")
def test_msgmerge_previous_then_wrap_gives_what_update_gives(tmp_path: Path) -> None:
    config = write_partial_fr_project(tmp_path / "project")
    assert main(["--root", str(config.root), "update"]) == 0  # a catalog `make update` wrote
    edit_english(config)
    pot = extract.gettext(config)[0]
    catalog = config.po_path("fr")
    merged = tmp_path / "merged.po"
    subprocess.run([str(MSGMERGE), "--previous", "-q", "-o", str(merged), str(catalog), str(pot)], check=True)
    assert main(["--root", str(config.root), "wrap", str(merged)]) == 0
    assert main(["--root", str(config.root), "update", "--no-gettext"]) == 0
    ours, theirs = read_po(catalog), read_po(merged)
    assert ours.metadata == theirs.metadata and ours.header == theirs.header
    live = [e for e in ours if not e.obsolete], [e for e in theirs if not e.obsolete]
    assert [e.msgid for e in live[0]] == [e.msgid for e in live[1]]
    differ = {a.msgid[:24]: (a, b) for a, b in zip(*live, strict=True) if str(a) != str(b)}
    assert sorted(differ) == ["2025", "Boris Dayma wrote [A Rec", "Hardware setup logbook"]
    carried, fuzzy = differ["Boris Dayma wrote [A Rec"]  # link-only: update carries it over, msgmerge fuzzies
    assert NEW_URL in carried.msgstr and "fuzzy" not in carried.flags
    assert fuzzy.flags == ["fuzzy"] and OLD_URL in fuzzy.msgstr and OLD_URL in (fuzzy.previous_msgid or "")
    year, empty = differ["2025"]  # nothing to translate: update fills it with its English
    assert (year.msgstr, year.flags, empty.msgstr) == ("2025", [], "")
    new, near = differ["Hardware setup logbook"]  # msgmerge offers a translation still in use, fuzzy
    assert (new.msgstr, near.flags, near.previous_msgid) == ("", ["fuzzy"], "Hardware setup logbooks")
    jacob = next(e for e in live[0] if e.msgid.startswith("Jacob"))  # edited: fuzzy in both, the same
    assert jacob.flags == ["fuzzy"] and (jacob.previous_msgid or "").startswith("Jacob Austin maintains")
    # update also keeps the reviewed translations of the old English as #~ (a revert recovers them)
    gone = [[e.msgid[:20] for e in catalog if e.obsolete] for catalog in (ours, theirs)]
    assert gone == [["Boris Dayma wrote [A", "Jacob Austin maintai", "The listing is in no"],
                    ["The listing is in no"]]
    assert [str(e) for e in ours if e.obsolete][-1] == next(str(e) for e in theirs if e.obsolete)
