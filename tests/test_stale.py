"""`make stale` / `l10n stale`: the CI gate, on a small project of the tests' own with the English
edited as a contributor would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from l10n.catalog.io import read_po
from l10n.cli import main
from mini_project import ALICE, CAROL, ENGLISH, LABEL, MSGIDS, OLDER_LABEL, translate_all, write_project

ROOT = Path(__file__).resolve().parent.parent
PO = "locale/zh_CN/LC_MESSAGES/README.po"
ALICE_EDITED = ALICE.replace("Alice wrote", "Alice has written")
NEW_ITEM = "- Zoë benchmarks every accelerator, weekly, in [tables](https://example.org/tables).\n"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small project with its POT extracted and a complete zh_CN catalog."""
    config = write_project(tmp_path_factory.mktemp("pristine") / "project", code=("conf.py", "Makefile"))
    assert main(["--root", str(config.root), "init", "zh_CN"]) == 0
    translate_all(config, "zh_CN")
    return config.root


@pytest.fixture
def project(pristine: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(pristine, copy)
    return copy


def run(project: Path, *args: str) -> int:
    """The CLI on the zh_CN catalog (a test may add other languages)."""
    if args and args[0] in ("stale", "update") and not {"--language", "--languages"} & set(args):
        args = (*args, "--language", "zh_CN")
    return main(["--root", str(project), *args])


def edit_english(project: Path) -> None:
    """A prose edit in one item and one new item, as a contributor would make them."""
    readme = project / "source" / "README.md"
    text = readme.read_text(encoding="utf-8")
    text = text.replace(ALICE, ALICE_EDITED).replace("\n## Useful compilations\n",
                                                    "\n" + NEW_ITEM + "\n## Useful compilations\n")
    readme.write_text(text, encoding="utf-8")


def po_line(project: Path, line: int) -> str:
    return (project / PO).read_text(encoding="utf-8").splitlines()[line - 1]


def stale_json(project: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    """`l10n stale --format json` on zh_CN: the exit status and the language's report."""
    capsys.readouterr()
    status = run(project, "stale", "--no-gettext", "--format", "json", *args)
    [report] = json.loads(capsys.readouterr().out)
    return status, report


def readme_catalog(report: dict) -> dict:
    [catalog] = [c for c in report["catalogs"] if c["path"] == PO]
    return catalog


def test_an_up_to_date_translated_catalog_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "stale", "--no-gettext") == 0
    out = capsys.readouterr().out
    assert f"{PO}: synced to revision {LABEL} (master {LABEL}), 0 entries changed since; " \
           f"{len(MSGIDS)} translated, 0 fuzzy, 0 untranslated (100.0%)" in out
    assert "zh_CN passes the pull-request gate: no check error, up to date with the English master" in out


def test_english_edited_without_update_is_out_of_date(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    assert run(project, "stale") == 1  # extracts the POT from the edited master first
    out = capsys.readouterr().out
    source_lines = (project / "source" / "README.md").read_text(encoding="utf-8").splitlines()
    new_line = source_lines.index(NEW_ITEM.rstrip("\n")) + 1
    assert f"source/README.md:{new_line}: warning stale-source: zh_CN: English text not in the catalog: " \
           "Zoë benchmarks" in out
    # changed since: the two new msgids the catalog lacks (edited Alice item, new item) and the
    # old Alice msgid the catalog still has active
    assert f"{PO}: error pull-request-gate: zh_CN fails the pull-request gate: {PO} is out of date with the " \
           f"English master: 3 entries changed since revision {LABEL} (fix: run `make update LANGUAGE=zh_CN`)" in out
    [removed] = [line for line in out.splitlines() if "no longer in the master" in line]
    line = int(removed.split(":")[1])
    assert removed.startswith(f"{PO}:{line}: warning stale-source: English text no longer in the master: "
                              "Alice wrote")
    assert po_line(project, line).startswith('msgstr "')  # findings point at the msgstr line
    assert po_line(project, line - 1).startswith('msgid "Alice wrote')


def test_after_update_the_gate_names_fuzzy_and_untranslated_entries_at_their_msgstr_lines(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    assert run(project, "update") == 0
    assert "1 fuzzied" in capsys.readouterr().out
    # up to date, correct, partly fuzzy and untranslated: the default policy lets it through
    status, report = stale_json(project, capsys)
    assert status == 0 and not report["failed"] and report["reasons"] == []
    catalog = readme_catalog(report)
    assert catalog["changed_since"] == 0
    assert (catalog["stats"]["fuzzy"], catalog["stats"]["untranslated"]) == (1, 1)
    entries = {f["code"]: f for f in report["findings"] if f["path"] == PO and f["code"] in ("fuzzy", "untranslated")}
    assert (entries["fuzzy"]["severity"], entries["untranslated"]["severity"]) == ("warning", "note")
    fuzzy, untranslated = entries["fuzzy"]["line"], entries["untranslated"]["line"]
    assert po_line(project, fuzzy).startswith('msgstr "译 Alice wrote')
    assert po_line(project, fuzzy - 1).startswith('msgid "Alice has written')
    assert po_line(project, fuzzy - 2).startswith('#| msgid "Alice wrote')
    assert po_line(project, untranslated) == 'msgstr ""'
    assert po_line(project, untranslated - 1).startswith('msgid "Zoë benchmarks')


def test_policy_overrides_fuzzy_and_fail_under(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    run(project, "update")
    status, report = stale_json(project, capsys)
    stats = report["stats"]  # of every catalog of the language
    percent = 100 * stats["translated"] / (stats["translated"] + stats["fuzzy"] + stats["untranslated"])
    under, over = int(percent) - 1, int(percent) + 1
    assert status == 0
    status, report = stale_json(project, capsys, "--fuzzy", "fail")
    assert status == 1 and [r["rule"] for r in report["reasons"]] == ["fuzzy"]
    assert report["verdict"] == 'zh_CN fails the pull-request gate: 1 fuzzy entry, and the policy fails them ' \
                                '(fuzzy = "fail")'
    assert stale_json(project, capsys, "--fail-under", f"{under}")[0] == 0
    status, report = stale_json(project, capsys, "--fail-under", f"{under}", "--fail-under", f"zh_CN={over}")
    assert status == 1
    assert [r["text"] for r in report["reasons"]] == [f"{percent:.1f}% translated, under the {over}% threshold "
                                                      "(fail_under)"]
    # the project's policy, overridden on the command line
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + '\n[tool.l10n.gate]\nfuzzy = "fail"\n',
                         encoding="utf-8")
    assert stale_json(project, capsys)[0] == 1
    assert stale_json(project, capsys, "--fuzzy", "allow")[0] == 0


def test_github_format_annotates_msgstr_lines_and_writes_the_job_summary(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    run(project, "update")
    capsys.readouterr()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(project, "stale", "--no-gettext", "--format", "github") == 0
    lines = capsys.readouterr().out.splitlines()
    [warning] = [line for line in lines if line.startswith(f"::warning file={PO},line=")]
    [notice] = [line for line in lines if line.startswith(f"::notice file={PO},line=")]
    assert "title=fuzzy::fuzzy: Alice has written" in warning and "title=untranslated::" in notice
    for annotation in (warning, notice):
        line = int(annotation.split("line=")[1].split(",")[0])
        assert po_line(project, line).startswith('msgstr "')
        assert f"- `{PO}:{line}` " in summary.read_text(encoding="utf-8")  # every entry, in the job summary
    assert not any(line.startswith("::error") for line in lines)
    total = len(MSGIDS) + 1
    table = summary.read_text(encoding="utf-8")
    percent = 100 * (total - 2) / total
    assert f"| zh_CN | passes | {PO} | {LABEL} | {LABEL} | 0 | {total - 2} | 1 | 1 | {percent:.1f} |" in table
    assert "**zh_CN passes the pull-request gate: no check error," in table
    assert run(project, "stale", "--no-gettext", "--format", "github", "--fuzzy", "fail") == 1
    assert f"::error file={PO},title=pull-request-gate::zh_CN fails the pull-request gate: 1 fuzzy entry" \
        in capsys.readouterr().out


def test_bad_threshold_is_one_line_and_exit_2(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "stale", "--no-gettext", "--fail-under", "120") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("--fail-under: error: invalid percent '120'") and "\n" not in err


def make(project: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    venv = Path(sys.executable).parent.parent
    return subprocess.run(["make", "-s", f"VENV={venv}", "-o", f"{venv}/bin/.installed", "LANGUAGE=zh_CN", *targets],
                          cwd=project, capture_output=True, text=True)


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_acceptance_an_item_leaves_the_master_and_comes_back(project: Path) -> None:
    po = project / PO
    synced = po.read_bytes()
    source = project / "source" / "README.md"
    # the Carol item leaves the master: its translation goes obsolete (kept), and nothing is left
    # to translate: the gate passes
    source.write_text(ENGLISH.replace(f"- {CAROL}\n", ""), encoding="utf-8")
    result = make(project, "gettext", "update")
    assert result.returncode == 0, result.stderr
    assert "0 fuzzy, 0 untranslated, 1 obsolete; 0 new, 0 fuzzied, 0 carried over, 0 recovered, 1 obsoleted" \
        in result.stdout
    assert f'#~ msgid "{CAROL}' in po.read_text(encoding="utf-8")
    assert make(project, "stale").returncode == 0
    # the item restored but not merged: the gate fails, naming the entry at its PO line
    source.write_text(ENGLISH, encoding="utf-8")
    result = make(project, "stale")
    # `l10n stale` exits 1; make reports a failed recipe as its own status 2 ("Error 1")
    assert result.returncode == 2 and "stale] Error 1" in result.stderr
    [finding] = [line for line in result.stdout.splitlines() if "stale-source" in line]
    line = int(finding.split(":")[1])
    assert po_line(project, line).startswith(f'#~ msgid "{CAROL}')
    assert "English text is back; its translation is obsolete here" in finding
    # update recovers the translation: the catalog is byte for byte what it was
    result = make(project, "update")
    assert "1 recovered" in result.stdout and "(written)" in result.stdout
    assert po.read_bytes() == synced
    assert make(project, "stale").returncode == 0
    # a second update changes nothing
    result = make(project, "update")
    assert "(unchanged)" in result.stdout and po.read_bytes() == synced


def test_workflow_runs_the_gate_per_language_in_a_matrix() -> None:
    path = ROOT / ".github" / "workflows" / "translations.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML 1.1 reads the key `on` as True
    job = workflow["jobs"]["stale"]
    assert job["strategy"]["matrix"]["language"] == "${{ fromJSON(needs.languages.outputs.list) }}"
    runs = [step.get("run", "") for step in job["steps"]]
    assert 'make stale LANGUAGE="$MATRIX_LANGUAGE" STALE_ARGS="--format github"' in runs
    assert job["steps"][-1]["env"] == {"MATRIX_LANGUAGE": "${{ matrix.language }}"}


def test_languages_are_gated_separately(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "init", "fr", "--no-gettext") == 0  # a new language: every entry to translate
    capsys.readouterr()
    assert main(["--root", str(project), "stale", "--no-gettext"]) == 0  # every language: new and partial passes
    out = capsys.readouterr().out
    assert f"locale/fr/LC_MESSAGES/README.po: synced to revision {LABEL} (master {LABEL}), 0 entries changed " \
           f"since; 0 translated, 0 fuzzy, {len(MSGIDS)} untranslated (0.0%)" in out
    assert "fr passes the pull-request gate" in out and "zh_CN passes the pull-request gate" in out
    assert main(["--root", str(project), "stale", "--no-gettext", "--fail-under", "fr=10"]) == 1
    out = capsys.readouterr().out
    assert "fr fails the pull-request gate: 0.0% translated, under the 10% threshold (fail_under)" in out
    assert "zh_CN passes the pull-request gate" in out
    assert run(project, "stale", "--no-gettext", "--languages", "zh_CN", "--fail-under", "fr=10") == 0


def test_catalog_synced_to_an_older_revision_is_stale(project: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    po = project / PO
    text = po.read_text(encoding="utf-8")
    assert f"X-Source-Revision: {LABEL}" in text
    po.write_text(text.replace(f"X-Source-Revision: {LABEL}", f"X-Source-Revision: {OLDER_LABEL}"),
                  encoding="utf-8")
    assert run(project, "stale", "--no-gettext") == 1
    assert f"synced to revision {OLDER_LABEL}, the master is {LABEL}" in capsys.readouterr().out
    assert run(project, "update", "--no-gettext") == 0  # rewrites the header from [tool.l10n.upstream]
    assert read_po(po).metadata["X-Source-Revision"] == LABEL
    assert run(project, "stale", "--no-gettext") == 0
