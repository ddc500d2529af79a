"""One policy, one gate: `make verifs` and `make stale` (what CI runs) give the same verdict for
the same reason on the partial French catalog, under `[tool.l10n.gate]` of the project's
pyproject.toml; the policy's settings are checked, each bad one a one-line error at its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from l10n.catalog.io import read_po, write_po
from l10n.catalog.stats import CatalogStats
from l10n.catalog.sync import TemplateDiff
from l10n.checks.findings import ERROR, WARNING, Finding
from l10n.config import GatePolicy
from l10n.reports.gate import CHECK_ERRORS, FAIL_UNDER, FUZZY, OUT_OF_DATE, CatalogState, decide
from partial_fr import write_partial_fr_project
from translator_project import run_cli

ROOT = Path(__file__).resolve().parent.parent
PO = "locale/fr/LC_MESSAGES/README.po"
BORIS = "Boris Dayma wrote [A Recipe for Training Large Models]"


@pytest.fixture
def project(partial_fr_project: Path) -> Path:
    return partial_fr_project


def set_policy(project: Path, table: str) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + f"\n[tool.l10n.gate]\n{table}\n", encoding="utf-8")


def verdicts(project: Path, *extract: str) -> tuple[int, str, int, dict]:
    """verifs' exit status and output, and stale's exit status and JSON report of fr (each
    extracts the template first unless `extract` is `--no-gettext`)."""
    verifs_status, verifs_out, _ = run_cli(project, "verifs", *extract)
    stale_status, stale_out, err = run_cli(project, "stale", "--format", "json", *extract)
    assert stale_status in (0, 1), err
    [report] = json.loads(stale_out)
    return verifs_status, verifs_out, stale_status, report


def assert_same_verdict(project: Path, *extract: str) -> dict:
    """Both commands pass or both fail, and verifs prints stale's verdict and fix word for word."""
    verifs_status, verifs_out, stale_status, report = verdicts(project, *extract)
    assert verifs_status == stale_status == (1 if report["failed"] else 0)
    gate_line = "  ok    gate: " if not report["failed"] else "  FAIL  gate: "
    assert gate_line + report["verdict"] + (f" ({report['fix']})" if report["fix"] else "") in verifs_out.splitlines()
    return report


def msgstr_line(project: Path, msgid_start: str) -> int:
    lines = (project / PO).read_text(encoding="utf-8").splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith(f'msgid "{msgid_start}'))
    return next(n for n in range(first, len(lines)) if lines[n].startswith("msgstr")) + 1


def test_the_partial_correct_catalog_passes_both_with_every_entry_annotated(project: Path) -> None:
    report = assert_same_verdict(project, "--no-gettext")
    assert report["verdict"].startswith("fr passes the pull-request gate: no check error, up to date with the "
                                        "English master")
    stats = report["stats"]
    assert stats["fuzzy"] == 2 and stats["untranslated"] > 0
    status, out, _ = run_cli(project, "stale", "--no-gettext", "--format", "github")
    assert status == 0
    annotations = out.splitlines()
    fuzzy = [line for line in annotations if line.startswith(f"::warning file={PO},") and "title=fuzzy::" in line]
    untranslated = [line for line in annotations if line.startswith(f"::notice file={PO},")
                    and "title=untranslated::" in line]
    assert (len(fuzzy), len(untranslated)) == (stats["fuzzy"], stats["untranslated"])
    assert "### Translation status" in out and "fr passes the pull-request gate" in out  # no summary file: stdout


@pytest.mark.parametrize(("table", "rule", "text"), [
    ('fuzzy = "fail"', FUZZY, 'fr fails the pull-request gate: 2 fuzzy entries, and the policy fails them '
                              '(fuzzy = "fail")'),
    ("fail_under = 50", FAIL_UNDER, "% translated, under the 50% threshold (fail_under)"),
    ("fail_under = { default = 0, fr = 50 }", FAIL_UNDER, "% translated, under the 50% threshold (fail_under)"),
])
def test_a_stricter_policy_fails_both_for_the_same_reason(project: Path, table: str, rule: str, text: str) -> None:
    set_policy(project, table)
    report = assert_same_verdict(project, "--no-gettext")
    assert report["failed"] and [reason["rule"] for reason in report["reasons"]] == [rule]
    assert text in report["verdict"]
    assert "run `make" in report["fix"]


def test_a_check_error_fails_both_naming_the_line_and_the_fix(project: Path) -> None:
    path = project / PO
    catalog = read_po(path)
    entry = next(e for e in catalog if e.msgid.startswith(BORIS))
    entry.msgstr = "Boris Dayma a écrit une recette pour entraîner de grands modèles"  # the link dropped
    write_po(path, catalog)
    report = assert_same_verdict(project, "--no-gettext")
    [reason] = report["reasons"]
    line = msgstr_line(project, BORIS)
    assert reason == {"rule": CHECK_ERRORS, "text": f"1 check error (first: {PO}:{line} link-dropped)",
                      "fix": "fix each error where it is reported, then run `make check LANGUAGE=fr`"}


def test_a_catalog_synced_to_another_revision_fails_both(project: Path) -> None:
    path = project / PO
    path.write_text(path.read_text(encoding="utf-8").replace("X-Source-Revision: 23 f538bea",
                                                              "X-Source-Revision: 22 0123abc"), encoding="utf-8")
    report = assert_same_verdict(project, "--no-gettext")
    [reason] = report["reasons"]
    assert reason == {"rule": OUT_OF_DATE, "text": f"{PO} is synced to revision 22 0123abc, the master is 23 f538bea",
                      "fix": "run `make update LANGUAGE=fr`"}


def test_an_english_edit_without_update_fails_both(project: Path) -> None:
    source = project / "source" / "README.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Boris Dayma wrote", "Boris Dayma has written"),
                      encoding="utf-8")
    report = assert_same_verdict(project)  # each extracts the template from the edited English first
    [reason] = report["reasons"]
    assert reason["rule"] == OUT_OF_DATE and reason["fix"] == "run `make update LANGUAGE=fr`"
    assert reason["text"] == f"{PO} is out of date with the English master: 2 entries changed since revision " \
                             "23 f538bea"  # the edited msgid is missing, the old one is still active
    status, _, _ = run_cli(project, "update", "-l", "fr")
    assert status == 0
    assert not assert_same_verdict(project, "--no-gettext")["failed"]  # update fixed it; the entry is fuzzy


def test_decide_gives_every_reason_in_order_and_each_fix_once() -> None:
    diff = TemplateDiff(("new",), (), "23 f538bea", "23 f538bea")
    stats = CatalogStats(translated=1, fuzzy=1, untranslated=2)
    findings = [Finding(PO, 9, WARNING, "length-ratio", "long"), Finding(PO, 12, ERROR, "link-dropped", "no link"),
                Finding(PO, 20, ERROR, "code-changed", "code")]
    catalogs = [CatalogState(PO, diff, stats), CatalogState("locale/fr/LC_MESSAGES/other.po", diff, stats)]
    verdict = decide("fr", findings, catalogs, GatePolicy("fail", {"default": 10, "fr": 30}))
    assert [r.rule for r in verdict.reasons] == [CHECK_ERRORS, OUT_OF_DATE, OUT_OF_DATE, FUZZY, FAIL_UNDER]
    assert verdict.reasons[0].text == f"2 check errors (first: {PO}:12 link-dropped)"
    assert verdict.reasons[-1].text == "25.0% translated, under the 30% threshold (fail_under)"  # both catalogs
    assert verdict.fix.count("make update LANGUAGE=fr") == 1
    passing = decide("fr", findings[:1], [CatalogState(PO, TemplateDiff((), (), "", "23 f538bea"), stats)],
                     GatePolicy())
    assert passing.passed and passing.text == ("fr passes the pull-request gate: no check error, up to date with "
                                               "the English master, 25.0% translated (fail_under 0%); "
                                               "1 fuzzy entry allowed")


def test_the_workflow_runs_the_gate_under_the_project_policy() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "translations.yml").read_text(encoding="utf-8"))
    [gate] = [step["run"] for step in workflow["jobs"]["stale"]["steps"] if "make stale" in step.get("run", "")]
    assert gate == 'make stale LANGUAGE="$MATRIX_LANGUAGE" STALE_ARGS="--format github"'  # nothing overridden
    assert "[tool.l10n.gate]" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("table", "message"), [
    ('fuzzy = "warn"', """[tool.l10n.gate] fuzzy must be "allow" or "fail", not 'warn'"""),
    ("fuzzy = true", """[tool.l10n.gate] fuzzy must be "allow" or "fail", not True"""),
    ("fail_under = 120", "[tool.l10n.gate] fail_under: 120 is not a percent"),
    ('fail_under = { default = "high" }', "[tool.l10n.gate] fail_under: 'high' is not a percent"),
    ("fail_under = { fr-FR = 50 }", "[tool.l10n.gate] fail_under: 'fr-FR' is not a language code"),
    ("fail_under = false", "[tool.l10n.gate] fail_under: False is not a percent"),
    ("fuzzy_entries = \"allow\"", "[tool.l10n.gate] has no setting fuzzy_entries"),
])
def test_a_bad_policy_is_one_line_at_its_line_and_exit_2(tmp_path: Path, table: str, message: str) -> None:
    root = tmp_path / "project"
    write_partial_fr_project(root, code=())
    set_policy(root, table)
    line = (root / "pyproject.toml").read_text(encoding="utf-8").splitlines().index(table) + 1
    for command in ("stale", "verifs"):
        status, out, err = run_cli(root, command, "--no-gettext")
        assert (status, out) == (2, "")
        assert err.strip().startswith(f"pyproject.toml:{line}: error: {message} (") and "\n" not in err.strip()


def test_a_gate_that_is_not_a_table_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "project"
    write_partial_fr_project(root, code=())
    pyproject = root / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8").replace(
        'project_name = "partial-fr-l10n"', 'project_name = "partial-fr-l10n"\ngate = 50'), encoding="utf-8")
    status, _, err = run_cli(root, "stale", "--no-gettext")
    assert status == 2 and "error: [tool.l10n.gate] must be a table" in err


def test_the_site_words_do_not_count_toward_the_percent_but_their_fuzzy_entries_do() -> None:
    """site.po (the site's own words) is not the document: the percent translated is the
    documents', as publishing counts it; a fuzzy site string still meets the fuzzy rule."""
    synced = TemplateDiff((), (), "23 f538bea", "23 f538bea")
    document = CatalogState(PO, synced, CatalogStats(translated=6, untranslated=4))
    site = CatalogState("locale/fr/LC_MESSAGES/site.po", synced, CatalogStats(fuzzy=1, untranslated=45),
                        counted=False)
    verdict = decide("fr", [], [document, site], GatePolicy("allow", {"default": 50}))
    assert verdict.passed, verdict.text
    assert "60.0% translated" in verdict.text and "1 fuzzy entry allowed" in verdict.text
    failing = decide("fr", [], [document, site], GatePolicy("fail", {"default": 50}))
    assert [reason.rule for reason in failing.reasons] == [FUZZY]
