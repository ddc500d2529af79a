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


def test_an_up_to_date_translated_catalog_passes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(project, "stale", "--no-gettext") == 0
    out = capsys.readouterr().out
    assert f"{PO}: ok; synced to revision {LABEL} (master {LABEL}), 0 entries changed since; " \
           f"{len(MSGIDS)} translated, 0 fuzzy, 0 untranslated (100.0%)" in out


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
    assert f"3 entries changed since revision {LABEL}" in out
    [removed] = [line for line in out.splitlines() if "no longer in the master" in line]
    line = int(removed.split(":")[1])
    assert removed.startswith(f"{PO}:{line}: warning stale-source: English text no longer in the master: "
                              "Alice wrote")
    assert po_line(project, line).startswith('msgstr "')  # findings point at the msgstr line
    assert po_line(project, line - 1).startswith('msgid "Alice wrote')


def test_after_update_the_gate_names_fuzzy_and_untranslated_entries_at_their_po_lines(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    assert run(project, "update") == 0
    assert "1 fuzzied" in capsys.readouterr().out
    assert run(project, "stale", "--no-gettext", "--format", "json") == 1
    [report] = json.loads(capsys.readouterr().out)
    stats = report["stats"]
    assert report["failed"] and report["changed_since"] == 0
    assert (stats["fuzzy"], stats["untranslated"]) == (1, 1)
    entries = {f["code"]: f for f in report["findings"] if f["code"] in ("fuzzy", "untranslated")}
    fuzzy, untranslated = entries["fuzzy"]["line"], entries["untranslated"]["line"]
    assert po_line(project, fuzzy).startswith('msgstr "译 Alice wrote')
    assert po_line(project, fuzzy - 1).startswith('msgid "Alice has written')
    assert po_line(project, fuzzy - 2).startswith('#| msgid "Alice wrote')
    assert po_line(project, untranslated) == 'msgstr ""'
    assert po_line(project, untranslated - 1).startswith('msgid "Zoë benchmarks')
    assert report["reasons"] == ["1 fuzzy entry", "1 untranslated entry"]


def test_policies_fuzzy_warn_and_fail_under(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    run(project, "update")
    # the master has one entry more; all but the fuzzy Alice item and the new one are translated
    total = len(MSGIDS) + 1
    percent = 100 * (total - 2) / total
    under, over = int(percent) - 1, int(percent) + 1
    capsys.readouterr()
    assert run(project, "stale", "--no-gettext", "--fuzzy", "warn") == 1  # the untranslated one still fails
    assert " error stale-catalog: zh_CN is stale: 1 untranslated entry " in capsys.readouterr().out
    # nothing left that fails: warnings only, exit 0
    assert run(project, "stale", "--no-gettext", "--fuzzy", "warn", "--fail-under", f"{under}") == 0
    assert " error " not in capsys.readouterr().out
    assert run(project, "stale", "--no-gettext", "--fuzzy", "fail", "--fail-under", f"{under}") == 1
    assert run(project, "stale", "--no-gettext", "--fuzzy", "warn", "--fail-under", f"{under}",
               "--fail-under", f"zh_CN={over}") == 1
    out = capsys.readouterr().out
    assert f"{percent:.1f}% translated, under the {over}% threshold" in out


def test_github_format_annotates_po_lines_and_writes_the_job_summary(
        project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    edit_english(project)
    run(project, "update")
    capsys.readouterr()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert run(project, "stale", "--no-gettext", "--format", "github") == 1
    lines = capsys.readouterr().out.splitlines()
    warnings = [line for line in lines if line.startswith(f"::warning file={PO},line=")]
    assert len(warnings) == 2
    for annotation in warnings:
        line = int(annotation.split("line=")[1].split(",")[0])
        assert po_line(project, line).startswith('msgstr "')
    assert any(line.startswith(f"::error file={PO},title=stale-catalog::zh_CN is stale") for line in lines)
    total = len(MSGIDS) + 1
    table = summary.read_text(encoding="utf-8")
    assert f"| zh_CN | stale | {LABEL} | {LABEL} | 0 | {total - 2} | 1 | 1 | {100 * (total - 2) / total:.1f} |" \
        in table


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
    assert main(["--root", str(project), "stale", "--no-gettext"]) == 1  # every language
    out = capsys.readouterr().out
    assert "locale/fr/LC_MESSAGES/README.po: stale;" in out and f"{len(MSGIDS)} untranslated entries" in out
    assert f"{PO}: ok;" in out
    assert run(project, "stale", "--no-gettext", "--languages", "zh_CN") == 0
    assert run(project, "stale", "--no-gettext", "--languages", "zh_CN,fr", "--fail-under", "fr=0") == 0


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
