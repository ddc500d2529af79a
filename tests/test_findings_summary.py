"""One findings reporter: every command that reports findings counts them with `summarize` and
exits by `exit_status` (1 on an error, 0 otherwise; `--strict`: 1 on any finding), and prints
the same count line."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.checks.findings import ERROR, NOTE, WARNING, Finding, Summary, exit_status, summarize
from l10n.cli import main
from l10n.reports import stale as stale_report
from l10n.reports import verifs as verifs_report
from l10n.reports.gate import CHECK_ERRORS
from mini_project import MSGIDS, translated, write_catalog, write_project, write_template


def finding(severity: str) -> Finding:
    return Finding("locale/xx/LC_MESSAGES/README.po", 3, severity, "some-code", f"a {severity}")


SETS = {  # findings -> (exit status, exit status with --strict, the count line)
    "none": ([], 0, 0, "0 error(s), 0 warning(s)"),
    "a warning": ([WARNING], 0, 1, "0 error(s), 1 warning(s)"),
    "a note": ([NOTE], 0, 1, "0 error(s), 0 warning(s), 1 note(s)"),
    "errors and the rest": ([ERROR, WARNING, ERROR, NOTE, WARNING], 1, 1, "2 error(s), 2 warning(s), 1 note(s)"),
}


@pytest.mark.parametrize("name", SETS)
def test_summarize_counts_each_severity_and_exit_status_follows_errors(name: str) -> None:
    severities, status, strict, line = SETS[name]
    findings = [finding(s) for s in severities]
    summary = summarize(findings)
    assert summary == Summary(severities.count(ERROR), severities.count(WARNING), severities.count(NOTE))
    assert str(summary) == line
    assert (exit_status(findings), exit_status(findings, strict=True)) == (status, strict)


def test_an_unknown_severity_counts_as_a_note() -> None:
    assert summarize([finding("hint")]) == Summary(0, 0, 1)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    config = write_project(tmp_path / "project", code=())
    (tmp_path / "english.md").write_text("# Title\n", encoding="utf-8")
    (tmp_path / "translated.md").write_text("# 标题\n", encoding="utf-8")
    return config.root


COMMANDS = {  # command -> (the module attribute that produces its findings, its arguments)
    "check": ("l10n.commands.check.check_catalogs", []),
    "check-build": ("l10n.commands.verify.check_build", []),
    "compare-md": ("l10n.commands.verify.compare_markdown", ["../translated.md", "--english", "../english.md"]),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name", SETS)
def test_every_findings_command_exits_and_counts_by_the_one_summary(
        root: Path, command: str, name: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    severities, status, _, line = SETS[name]
    target, args = COMMANDS[command]
    monkeypatch.setattr(target, lambda *args, **kwargs: [finding(s) for s in severities])
    monkeypatch.chdir(root)
    assert main(["--root", str(root), command, *args]) == status
    out, err = capsys.readouterr()
    assert err.splitlines()[-1] == line
    assert out.count("some-code") == len(severities)


@pytest.mark.parametrize("name", SETS)
def test_compare_md_strict_fails_on_any_finding(root: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    severities, _, strict, _ = SETS[name]
    monkeypatch.setattr("l10n.commands.verify.compare_markdown", lambda *a: [finding(s) for s in severities])
    monkeypatch.chdir(root)
    assert main(["compare-md", "../translated.md", "--english", "../english.md", "--strict"]) == strict


@pytest.mark.parametrize("name", SETS)
def test_verifs_checks_step_is_the_same_summary(root: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    severities, status, _, line = SETS[name]
    config = write_project(root.parent / "verifs", code=())
    write_template(config, MSGIDS)
    write_catalog(config, "zh_CN", {msgid: translated(msgid) for msgid in MSGIDS})
    # verifs checks through the gate's assessment (`reports/stale.py`), as CI's `make stale` does
    monkeypatch.setattr(stale_report, "check_catalogs", lambda *a: [finding(s) for s in severities])
    report = verifs_report.verifs(config, ["zh_CN"])
    [step] = [s for s in report.steps if s.name == "checks"]
    count, _, _ = step.summary.partition(": ")  # the count line, then what an error means here
    assert count == line
    # an error fails verifs (as it fails `make check`), at the language's gate step, for that reason
    assert [s.name for s in report.failed] == (["gate"] if status else [])
    [verdict] = report.verdicts
    assert [r.rule for r in verdict.reasons] == ([CHECK_ERRORS] if status else [])
    if status:
        assert verdict.reasons[0].text.startswith(f"{severities.count(ERROR)} check errors (first: ")
