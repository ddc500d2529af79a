"""The typography checks (checks/typography.py, checks/cjk.py) and `make fix-typography`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from l10n.catalog.io import new_catalog, read_po, write_po
from l10n.catalog.typography_fix import fix_typography, refusal
from l10n.checks.message import run_rule
from l10n.checks.runner import check_catalogs
from l10n.checks.typography import fixed_msgstr, latin_spacing_problem, prose_runs, spacing_mode
from l10n.cli import main
from l10n.config import load_config
from l10n.errors import L10nError


def _codes(msgid: str, msgstr: str, language: str = "zh_CN") -> list[str]:
    return [problem.code for problem in run_rule("typography", msgid, msgstr, language)]


@pytest.mark.parametrize(("msgid", "msgstr", "codes"), [
    ("See (chapter 2).", "见（第 2 章)。", ["bracket-mismatch"]),
    ("See (chapter 2).", "见（第 2 章）。", []),
    ("Say \"hi\".", "说“你好\"。", ["bracket-mismatch"]),
    ("Say \"hi\".", "说“你好”。", []),
    ("The [draft] one.", "使用[草稿。", ["bracket-unbalanced"]),
    ("Use (a).", "使用 a)。", ["bracket-unbalanced"]),
    ("Use 「a」.", "使用「a\"。", ["bracket-mismatch"]),
    ("Use :) or 1) a", "使用 :) 或 1) a", []),  # the English does not pair up: not the translator's
    ("See [the guide](https://x.y/a_(b)).", "见[指南](https://x.y/a_(b)。", []),  # a destination is not prose
    ("Run `f(`.", "运行 `f(`。", []),  # nor a code span
    ("Note: read.", "注意:请阅读。", ["cjk-halfwidth-punctuation"]),
    ("Note: read.", "注意：请阅读。", []),
    ("Note: read.", "注意： 请阅读。", ["cjk-punctuation-space"]),
    ("At 12:30 go.", "12:30 出发。", []),  # a time between digits is not CJK punctuation
    ("The LLM (model).", "大型语言模型(模型)。", ["cjk-halfwidth-punctuation"]),
    ("Run `a: b`.", "运行`中: 文`。", []),
    ("Note: read.", "Note:  read.", []),  # Latin prose: no CJK rule
])
def test_typography_rules(msgid: str, msgstr: str, codes: list[str]) -> None:
    assert _codes(msgid, msgstr) == codes


def test_cjk_rules_only_for_zh_and_ja() -> None:
    assert _codes("Note: read.", "注意:请阅读。", "ko") == []
    assert _codes("Note: read.", "注意:読む。", "ja") == ["cjk-halfwidth-punctuation"]


def test_prose_runs_skip_code_links_and_html() -> None:
    text = "见 [a](https://u/x)) 和 `b` b <i>c</i> c"
    assert [run for _, run in prose_runs(text)] == ["见 ", "a", ") 和 ", " b ", "c", " c"]
    assert all(text[at:at + len(run)] == run for at, run in prose_runs(text))


@pytest.mark.parametrize(("msgstr", "mode", "fixed"), [
    ("在GPU上训练LLM", "always", "在 GPU 上训练 LLM"),
    ("在 GPU 上", "never", "在GPU上"),
    ("见（第 2 章)。", "always", "见（第 2 章）。"),
    ("说“你好\"。", "always", "说“你好”。"),
    ("注意: 请阅读 , 好", "always", "注意：请阅读，好"),
    ("日本語です,はい", "always", "日本語です、はい"),  # a Japanese comma
    ("运行`a,b`和[链接](https://x.y/a,b)及https://x.y/c,d", "always",
     "运行`a,b`和[链接](https://x.y/a,b)及https://x.y/c,d"),  # code, destinations and URLs untouched
    ("见 [a](https://x.y/a) （备份： [1](https://x.y/1) | [2](https://x.y/2))", "always",
     "见 [a](https://x.y/a)（备份：[1](https://x.y/1) | [2](https://x.y/2)）"),  # the shipped zh_CN's slip
])
def test_fixed_msgstr(msgstr: str, mode: str, fixed: str) -> None:
    language = "ja" if "日本" in msgstr else "zh_CN"
    assert fixed_msgstr(msgstr, language, mode) == fixed


def test_the_majority_decides_and_a_tie_spaces() -> None:
    assert spacing_mode("majority", ["在GPU上", "在CPU上", "在 TPU 上"])[0] == "never"
    assert spacing_mode("majority", ["在GPU上", "在 TPU 上"])[0] == "always"
    assert spacing_mode("never", ["在 TPU 上"])[0] == "never"


def _mini_project(tmp_path: Path, entries: list[tuple[str, str, bool]], setting: str = "majority") -> Path:
    root = tmp_path / "project"
    root.mkdir(parents=True)
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (root / "pyproject.toml").write_text(text.replace('cjk_latin_space = "always"', f'cjk_latin_space = "{setting}"'),
                                         encoding="utf-8")
    catalog = new_catalog("zh_CN", "test")
    import polib

    for msgid, msgstr, fuzzy in entries:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr, flags=["fuzzy"] if fuzzy else []))
    path = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    path.parent.mkdir(parents=True)
    write_po(path, catalog)
    return root


ENTRIES = [
    ("Train on GPUs.", "在 GPU 上训练。", False),
    ("Use CPUs.", "使用 CPU。", False),
    ("Use TPUs.", "使用TPU。", False),
    ("Note: read `a, b`.", "注意: 阅读 `a, b`。", False),
    ("Fuzzy: one.", "模糊:一个TPU", True),
    ("Empty.", "", False),
]


def test_fix_command_writes_only_built_prose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _mini_project(tmp_path, ENTRIES)
    path = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    before = path.read_bytes()
    assert main(["--root", str(root), "fix-typography", "--check"]) == 1
    assert path.read_bytes() == before  # --check writes nothing
    out = capsys.readouterr().out
    assert "README.po:" in out and "would fix" in out
    assert main(["--root", str(root), "fix-typography"]) == 0
    msgstrs = {entry.msgid: entry.msgstr for entry in read_po(path)}
    assert msgstrs["Use TPUs."] == "使用 TPU。"  # the majority (2 of 3) spaces
    assert msgstrs["Note: read `a, b`."] == "注意：阅读 `a, b`。"  # the code span keeps its comma
    assert msgstrs["Fuzzy: one."] == "模糊:一个TPU"  # fuzzy: never touched
    assert msgstrs["Empty."] == ""
    assert main(["--root", str(root), "fix-typography", "--check"]) == 0
    left = [f.message for f in check_catalogs(load_config(root), ["zh_CN"]) if f.code.startswith(("cjk", "bracket"))]
    assert left and all("模糊" in message for message in left)  # only the fuzzy entry's, for its reviewer


def test_a_fix_that_would_add_a_finding_or_touch_markup_is_refused() -> None:
    # without the space, `*` after `。` before `丙` is not right-flanking: the emphasis would not render
    assert refusal("A *b.* c", "一 *乙。* 丙", "一 *乙。*丙", "zh_CN", frozenset()).startswith("the fix would give it")
    assert refusal("Run `a`.", "运行 `a`。", "运行 `b`。", "zh_CN", frozenset()).startswith("the fix would change")
    assert refusal("A b", "一 乙 ，丙", "一 乙，丙", "zh_CN", frozenset()) == ""


def test_cjk_latin_space_check_follows_the_setting(tmp_path: Path) -> None:
    entries = [("Use TPUs.", "使用TPU。", False), ("Use CPUs.", "使用CPU。", False), ("GPU.", "用 GPU。", False)]
    majority = check_catalogs(load_config(_mini_project(tmp_path / "m", entries)), ["zh_CN"])
    assert [f.code for f in majority if f.code == "cjk-latin-space"] == ["cjk-latin-space"]  # the one spaced
    always = check_catalogs(load_config(_mini_project(tmp_path / "a", entries, "always")), ["zh_CN"])
    assert len([f for f in always if f.code == "cjk-latin-space"]) == 2
    off = check_catalogs(load_config(_mini_project(tmp_path / "o", entries, "off")), ["zh_CN"])
    assert [f for f in off if f.code == "cjk-latin-space"] == []


def test_a_bad_spacing_setting_is_one_error(tmp_path: Path) -> None:
    root = _mini_project(tmp_path, [], "sometimes")
    with pytest.raises(L10nError, match="cjk_latin_space"):
        load_config(root)


def test_shipped_cjk_catalogs_need_no_fix(tmp_path: Path) -> None:
    root = tmp_path / "copy"
    shutil.copytree(ROOT / "locale", root / "locale")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    fixes = fix_typography(load_config(root), ["zh_CN", "zh_TW", "ja"], write=False)
    assert [change for fix in fixes for change in fix.changes] == []


def test_japanese_numbers_meet_their_counters_unspaced_chinese_ones_do_not() -> None:
    """ja writes 2021年, 第3章 with no space even where it spaces Latin words (GPU の); zh spaces
    digits like letters (2021 年)."""
    for text in ("2021年", "第3章", "70億パラメータ"):
        assert latin_spacing_problem(text, "ja", "always", None) is None, text
        assert latin_spacing_problem(text, "zh_CN", "always", None) is not None, text
    assert latin_spacing_problem("GPUの使い方", "ja", "always", None) is not None
    assert spacing_mode("majority", ["2021年", "第3章", "GPU の使い方"], "ja")[0] == "always"
    assert spacing_mode("majority", ["2021年", "第3章", "GPU の使い方"], "zh_CN")[0] == "never"
