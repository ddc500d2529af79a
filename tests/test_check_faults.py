"""`make check` on the fault corpus (tests/faults/), the locale tree, and the shipped catalog."""

from __future__ import annotations

import ast
import csv
import shutil
import signal
import threading
from collections import defaultdict
from pathlib import Path

import polib
import pytest

from conftest import ROOT, copy_project
from l10n.catalog.io import CatalogReadError, new_catalog, read_po, write_po
from l10n.catalog.lines import po_lines
from l10n.checks.files import plural_forms_problem
from l10n.checks.findings import ERROR, Finding
from l10n.checks.message import message_problems
from l10n.checks.registry import EntriesContext, RegisteredCheck, load_checks, load_message_rules
from l10n.checks.runner import check_catalog, check_catalogs
from l10n.cli import main
from l10n.config import load_config
from l10n.errors import L10nError
from l10n.text import segments
from l10n.text.segments import clear_inline_features_cache

FAULTS = ROOT / "tests" / "faults"


def _expected() -> dict[str, set[tuple[int, str, str]]]:
    rows: dict[str, set[tuple[int, str, str]]] = defaultdict(set)
    with open(FAULTS / "EXPECTED.tsv", encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows[row["file"]].add((int(row["line"]), row["severity"], row["code"]))
    return rows


EXPECTED = _expected()
# the fault files are hand-written: other checks (formatting) also speak
MY_CHECKS = ["messages", "files", "newlines", "cjk-latin-space", "cjk-latin-space-majority"]


def _project_with_catalog(tmp_path: Path, po: Path, language: str = "zh_CN") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    dest = tmp_path / "locale" / language / "LC_MESSAGES" / "README.po"
    dest.parent.mkdir(parents=True)
    shutil.copy(po, dest)
    return tmp_path


def test_every_fault_file_has_expectations() -> None:
    files = {p.name for p in FAULTS.glob("*.po")}
    assert files == set(EXPECTED)
    assert len(files) >= 35


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fault_corpus(tmp_path: Path, name: str) -> None:
    root = _project_with_catalog(tmp_path, FAULTS / name)
    findings = check_catalogs(load_config(root), only=MY_CHECKS)
    assert {(f.line, f.severity, f.code) for f in findings} == EXPECTED[name]
    assert all(f.path == "locale/zh_CN/LC_MESSAGES/README.po" for f in findings)
    assert all(f.fix for f in findings), "every finding names its fix"


def test_check_command_exit_status_and_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project_with_catalog(tmp_path, FAULTS / "link-changed.po")
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("locale/zh_CN/LC_MESSAGES/README.po:12: error link-changed: link "
                               "https://example.com/guide#setup became https://evil.example/guide#setup")
               for line in out)
    root2 = _project_with_catalog(tmp_path / "warn", FAULTS / "emphasis-count.po")
    assert main(["--root", str(root2), "check"]) == 0  # warnings do not block


def test_shipped_catalogs_have_no_findings() -> None:
    config = load_config(ROOT)
    assert check_catalogs(config, ["zh_CN"]) == []
    assert [f for f in check_catalogs(config) if f.severity == ERROR] == []  # every language builds


def test_msgstr_lines_of_the_shipped_catalog() -> None:
    path = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    lines = path.read_text(encoding="utf-8").splitlines()
    table = po_lines(path)
    for entry in read_po(path):
        if entry.msgid and not entry.obsolete:
            assert lines[table.msgstr_line(entry.linenum) - 1].startswith("msgstr ")
    assert lines[table.header_fields["Plural-Forms"] - 1].startswith('"Plural-Forms:')


def test_oversized_catalog_is_its_own_error(tmp_path: Path) -> None:
    po = tmp_path / "big.po"
    shutil.copy(FAULTS / "link-changed.po", po)
    with pytest.raises(CatalogReadError) as caught:
        read_po(po, max_bytes=100)
    assert caught.value.code == "catalog-too-large"


@pytest.mark.parametrize(("value", "problem"), [
    ("nplurals=1; plural=0;", None),
    ("nplurals=2; plural=(n != 1);", None),
    ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
     None),
    ("nplurals=2; plural=n.__class__;", "rejected by gettext"),
    ("nplurals=2; plural=(n != 1)", None),
    ("nplurals=0; plural=0;", "outside 1..6"),
    ("nplurals=2; plural=n+2;", "outside 0..1"),
    ("plural=0;", "is not"),
])
def test_plural_forms_are_parsed_by_gettext(value: str, problem: str | None) -> None:
    result = plural_forms_problem(value)
    if problem is None:
        assert result is None
    else:
        assert result is not None and problem in result


def test_parallel_check_gives_the_serial_result(tmp_path: Path) -> None:
    messages = []
    for name in sorted(EXPECTED):
        if name.startswith(("po-syntax", "invalid-utf8", "charset")):
            continue
        messages += [(e.msgid, e.msgstr) for e in read_po(FAULTS / name) if e.msgid]
    shipped = read_po(ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po")
    messages += [(e.msgid, e.msgstr) for e in shipped if e.msgid and not e.obsolete]
    catalog = new_catalog("zh_CN", "README")
    for index, (msgid, msgstr) in enumerate(messages * 4):  # fuzzy and obsolete ones among them
        entry = polib.POEntry(msgctxt=str(index), msgid=msgid, msgstr=msgstr)
        copy, position = divmod(index, len(messages))
        turn = position + copy  # a message's 4 copies take 4 turns in a row: at most one is fuzzy
        if turn % 5 == 0:
            entry.flags.append("fuzzy")
            entry.previous_msgid = f"an older {msgid}"
        entry.obsolete = turn % 50 == 49
        catalog.append(entry)
    config = copy_project(tmp_path / "project")
    path = config.po_path("zh_CN", "README")
    write_po(path, catalog)
    checks = list(load_checks().values())
    clear_inline_features_cache()
    parallel = check_catalog(config, "zh_CN", path, checks, parallel_min=10)  # forked workers, a piece each
    assert not segments._FEATURES_CACHE  # nothing was parsed in this process: the workers did it
    serial = check_catalog(config, "zh_CN", path, checks, parallel_min=len(catalog) + 1)
    assert len(serial) > len(catalog) // 4
    assert {f.code for f in serial} >= {"link-dropped", "raw-html", "glossary-term", "untranslated",
                                        "newline-mismatch"}
    assert any("(fuzzy entry, not built)" in f.message for f in serial)
    assert sorted(parallel) == sorted(serial)


def test_a_process_running_other_threads_checks_in_itself(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project")
    path = config.po_path("zh_CN", "README")
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        clear_inline_features_cache()
        assert check_catalog(config, "zh_CN", path, list(load_checks().values()), parallel_min=1) == []
        assert segments._FEATURES_CACHE  # parsed here: no fork while another thread runs
    finally:
        release.set()
        other.join()


def test_an_error_raised_in_a_worker_reaches_the_caller_whole(tmp_path: Path) -> None:
    config = copy_project(tmp_path / "project")
    path = config.po_path("zh_CN", "README")

    def refuse(context: EntriesContext) -> list[Finding]:
        raise L10nError(context.display_path, "cannot check this", "fix it", 7)

    def give_up(signum: int, frame: object) -> None:
        raise TimeoutError("the worker's error never came back: the pool hangs")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(30)  # a worker's error that cannot be unpickled hangs the pool
    try:
        with pytest.raises(L10nError) as raised:
            check_catalog(config, "zh_CN", path, [RegisteredCheck("refuse", refuse, per_entry=True)], parallel_min=1)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    shown = "locale/zh_CN/LC_MESSAGES/README.po"
    assert (raised.value.path, raised.value.line, raised.value.fix) == (shown, 7, "fix it")
    assert str(raised.value) == f"{shown}:7: error: cannot check this (fix it)"


@pytest.mark.parametrize(("text", "flagged"), [
    ("https://jax-ml.github.io/scaling-book/", False),  # only a URL
    ("`pip install deepspeed`", False),                  # only code
    ("2021", False),                                     # only a number
    ("Boris Dayma", False),                              # only a name
    ("NVIDIA H100", False),
    ("Resources", True),
    ("Similar online guides", True),
    ("see https://example.org/ for more", True),
])
def test_untranslated_exemptions(text: str, flagged: bool) -> None:
    codes = {p.code for p in message_problems(text, text, "zh_CN")}
    assert codes == ({"untranslated"} if flagged else set())
    if not flagged:
        assert message_problems(text, text, "fr") == []


def _finding_codes_in_source() -> set[str]:
    """Every code the checkers write as a literal: Finding(path, line, severity, CODE, ...),
    Problem(severity, CODE, ...) and CatalogReadError(CODE, ...), and every code a message rule
    lists."""
    position = {"Finding": 3, "Problem": 1, "CatalogReadError": 0}
    codes = set()
    package = ROOT / "scripts" / "l10n"
    for module in [*sorted((package / "checks").glob("*.py")), *sorted((package / "verify").glob("*.py")),
                   package / "catalog" / "io.py", package / "catalog" / "importer.py"]:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in position:
                index = position[node.func.id]
                if len(node.args) > index and isinstance(node.args[index], ast.Constant):
                    codes.add(node.args[index].value)
    return codes | {code for rule in load_message_rules().values() for code in rule.codes}


def test_every_finding_code_is_documented_in_the_readme() -> None:
    codes = _finding_codes_in_source() | {code for expected in EXPECTED.values() for _, _, code in expected}
    assert len(codes) > 40 and {"raw-html", "link-dropped", "not-normalized", "glossary-term"} <= codes
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(code for code in codes if f"`{code}`" not in readme) == []



def _findings_of(tmp_path: Path, name: str, code: str) -> list[Finding]:
    root = _project_with_catalog(tmp_path, FAULTS / name)
    return [f for f in check_catalogs(load_config(root), only=MY_CHECKS) if f.code == code]


def test_a_reference_link_in_a_msgstr_is_dropped_and_says_why(tmp_path: Path) -> None:
    """Sphinx parses each msgstr alone, without the document's `[r]: URL` definitions: a built page
    shows `[t][r]` as text (tried in a real build), so link-dropped is right, and says why."""
    (finding,) = _findings_of(tmp_path, "link-dropped-reference.po", "link-dropped")
    assert finding.severity == ERROR
    assert finding.message.startswith("link https://example.com/guide of the msgid is missing: [指南][guide] is a "
                                      "reference link, and reference links do not resolve inside a translation")
    assert finding.fix.startswith("write the inline link [指南](https://example.com/guide)")
    forms = (("阅读[指南][]。", "[指南]"), ("阅读[指南]。", "[指南]"), ("阅读[指南][G u]。", "[指南][g u]"))
    for msgstr, written in forms:  # collapsed, shortcut, and full with a label to normalize
        (problem,) = message_problems("Read [the guide](https://example.com/guide).", msgstr, "zh_CN")
        assert f": {written} is a reference link" in problem.message
    (plain,) = message_problems("Read [the guide](https://example.com/guide).", "阅读指南。", "zh_CN")
    assert plain.message == "link https://example.com/guide of the msgid is missing"  # no reference: as before
    (kept,) = message_problems("See [the guide](https://example.com/g) [1].", "参见指南 [1]。", "zh_CN")
    assert kept.message == "link https://example.com/g of the msgid is missing"  # [1] is the msgid's own text


def test_an_eval_rst_fence_names_the_directives_it_runs(tmp_path: Path) -> None:
    """A blank line inside the fence is reported, and so is the fence: Sphinx parses the whole
    msgstr, so runs the directive, before it keeps only the first block."""
    (finding,) = _findings_of(tmp_path, "myst-directive-eval-rst.po", "myst-directive")
    assert finding.severity == ERROR
    assert "MyST directive {eval-rst}" in finding.message
    assert "reStructuredText directive 'raw'" in finding.message
    nested = "感谢。\n```{eval-rst}\n.. note::\n\n   .. include:: /etc/passwd\n\n.. |x| raw:: html\n\n   <b>\n```"
    (problem,) = [p for p in message_problems("Thank you.", nested, "zh_CN") if p.code == "myst-directive"]
    assert "directives 'note', 'include', 'raw'" in problem.message
