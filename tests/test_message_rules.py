"""The message checks as a table of named rules (scripts/l10n/checks/message.py, registry.py):
each rule runs alone, emits only the codes it lists, and any code but a protected one can be
switched off in `[tool.l10n.checks] disabled_codes`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from l10n.catalog.io import read_po, write_po
from l10n.checks.message import message_problems, run_rule
from l10n.checks.registry import load_message_rules
from l10n.cli import main
from l10n.config import load_config
from l10n.errors import L10nError

GUIDE = "Read [the guide](https://example.com/guide) and `pip install x`."
# rule: (msgid, msgstr, the codes of the rule alone, the other rules' codes in a full run)
RULE_CASES = {
    "markup-count": ("Resources", "*a" * 4999, ["markup-count"], ["length-ratio"]),
    "shape": ("Resources", "# 资源 <b>x</b>", ["heading-marker"], ["raw-html", "raw-html"]),
    "unsafe-url": (GUIDE, "阅读[指南](javascript:alert(1)) 和 `pip install x`。", ["unsafe-url"], ["link-dropped"]),
    "links": (GUIDE, "阅读[指南](https://evil.example/guide) 和 `pip install y`。", ["link-changed"],
              ["code-changed"]),
    "images": ("![logo](a.png) is ours", "![标志](../../etc/passwd.png) 是我们的", ["image-changed"], []),
    "footnotes": ("See this[^1].", "见此。", ["footnote-dropped"], []),
    "code": (GUIDE, "阅读 [指南](https://example.com/guide) 和 `pip install y`。" + "很长" * 150, ["code-changed"],
             ["length-ratio"]),
    "raw-html": ("Resources", "资源<script>x</script>", ["raw-html", "raw-html"], []),
    "myst-role": ("Resources", "{download}`资源 <x.py>`", ["myst-role"], ["no-target-script"]),
    "noqa": ("Resources", "资源 # noqa", ["noqa"], []),
    "markup-nesting": ("Resources", "资源" + "**" * 9 + "x" + "**" * 9, ["markup-nesting"], ["strong-count"]),
    "emphasis": ("A *very* good guide", "一个很好的指南", ["emphasis-count"], []),
    "translated": ("Similar online guides", "Similar online guides", ["untranslated"], []),
    "length": ("Resources", "Resources " * 10, ["length-ratio"], ["no-target-script"]),
    "numbers": ("Train for 3 epochs", "训练 5 个周期", ["number-changed"], []),
    "typography": ("Use the GPU (see the notes).", "使用 GPU（见注释)。", ["bracket-mismatch"], []),
}
# the codes the issue names as the gate's (`markers`: the block markers), never switched off
SECURITY = {"raw-html", "unsafe-url", "myst-directive", "myst-role", "markup-count", "markup-nesting", "noqa",
            "blank-line", "block-shape", "heading-marker", "list-marker", "ordered-list-marker", "quote-marker"}


def test_every_rule_has_a_case() -> None:
    assert list(RULE_CASES) == list(load_message_rules())  # and the table runs in this order


@pytest.mark.parametrize("name", sorted(RULE_CASES))
def test_each_rule_runs_alone(name: str) -> None:
    msgid, msgstr, alone, others = RULE_CASES[name]
    rule = load_message_rules()[name]
    found = [p.code for p in run_rule(name, msgid, msgstr, "zh_CN")]
    assert found == alone
    assert set(found) <= set(rule.codes)
    assert message_problems(msgid, msgstr, "zh_CN", rules=[name]) == run_rule(name, msgid, msgstr, "zh_CN")
    assert sorted(p.code for p in message_problems(msgid, msgstr, "zh_CN")) == sorted(alone + others)


def test_the_whole_table_is_its_rules_one_after_the_other() -> None:
    rules = list(load_message_rules())
    for msgid, msgstr, _, _ in RULE_CASES.values():
        alone = [p for name in rules for p in run_rule(name, msgid, msgstr, "zh_CN")]
        assert message_problems(msgid, msgstr, "zh_CN") == alone
    msgid, msgstr = RULE_CASES["links"][:2]  # named in any order, the rules run in the table's
    assert [p.code for p in message_problems(msgid, msgstr, "zh_CN", rules=["code", "links"])] == \
        ["link-changed", "code-changed"]
    with pytest.raises(KeyError, match="no message rule nope"):
        run_rule("nope", "a", "b")


def test_a_rule_that_parses_never_runs_on_a_msgstr_refused_unparsed() -> None:
    msgid, flood, _, _ = RULE_CASES["markup-count"]
    assert run_rule("links", msgid, flood + "[x](https://evil.example)") == []
    assert [p.code for p in run_rule("length", msgid, flood)] == ["length-ratio"]  # counts, does not parse


def test_disabled_codes_leave_exactly_those_codes_out() -> None:
    msgid, msgstr, _, _ = RULE_CASES["links"]
    full = message_problems(msgid, msgstr, "zh_CN")
    assert {p.code for p in full} == {"link-changed", "code-changed"}
    assert message_problems(msgid, msgstr, "zh_CN", disabled={"code-changed"}) == \
        [p for p in full if p.code != "code-changed"]


def test_protected_codes_are_the_gates() -> None:
    rules = load_message_rules().values()
    protected = {code for rule in rules for code in rule.protected}
    assert protected >= SECURITY | {"code-fence", "image-added", "image-changed"}
    assert protected <= {code for rule in rules for code in rule.codes}
    assert not protected & {"length-ratio", "untranslated", "link-added", "link-changed", "emphasis-count"}


def _with_checks(root: Path, setting: str) -> Path:
    """The setting added to the project's [tool.l10n.checks] table (made if it has none)."""
    pyproject = root / "pyproject.toml"
    text, header = pyproject.read_text(encoding="utf-8"), "[tool.l10n.checks]\n"
    text = text.replace(header, f"{header}{setting}\n") if header in text else f"{text}\n{header}{setting}\n"
    pyproject.write_text(text, encoding="utf-8")
    return root


def test_the_setting_is_read_into_a_typed_field(tmp_path: Path) -> None:
    assert load_config(ROOT).checks.disabled_codes == frozenset()
    root = _with_checks(copy_project(tmp_path / "p").root, 'disabled_codes = ["length-ratio", "untranslated"]')
    assert load_config(root).checks.disabled_codes == frozenset({"length-ratio", "untranslated"})


@pytest.mark.parametrize(("setting", "said"), [
    ('disabled_codes = ["raw-html"]', "raw-html cannot be switched off (the pre-build gate relies on it)"),
    ('disabled_codes = ["length-ratio", "image-added"]', "image-added cannot be switched off"),
    ('disabled_codes = ["heading-marker"]', "heading-marker cannot be switched off"),
    ('disabled_codes = ["glossary-term"]', "glossary-term is not a message check code"),
    ('disabled_codes = "length-ratio"', "disabled_codes must be a list of finding codes"),
    ('disable_codes = ["length-ratio"]', "has no setting disable_codes"),
])
def test_a_bad_checks_setting_is_a_one_line_config_error(tmp_path: Path, setting: str, said: str,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = _with_checks(copy_project(tmp_path / "p").root, setting)
    with pytest.raises(L10nError):
        load_config(root)
    assert main(["--root", str(root), "check"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("pyproject.toml: error: [tool.l10n.checks] ") and said in line


def _check_json(root: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["--root", str(root), "check", "--format", "json"]) == 0  # warnings only
    findings: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return findings


def test_disabling_a_code_in_pyproject_removes_exactly_that_code_from_check(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = copy_project(tmp_path / "project")
    catalog = read_po(config.po_path("zh_CN"))
    long_one, same_one = [e for e in catalog if e.msgid and e.msgstr and not e.obsolete][:2]
    long_one.msgstr += "很长" * (2 * len(long_one.msgid) + 40)  # length-ratio
    same_one.msgstr = same_one.msgid  # untranslated
    write_po(config.po_path("zh_CN"), catalog)
    before = _check_json(config.root, capsys)
    after = _check_json(_with_checks(config.root, 'disabled_codes = ["length-ratio"]'), capsys)
    assert {"length-ratio", "untranslated"} <= {f["code"] for f in before}
    assert after == [f for f in before if f["code"] != "length-ratio"]
