"""Property-based tests of the message checks (hypothesis)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from l10n.checks.findings import ERROR, WARNING
from l10n.checks.message import block_shape, message_problems, parsed_block_shape, run_rule
from l10n.checks.registry import load_message_rules
from l10n.checks.runner import check_catalogs
from l10n.config import load_config
from l10n.text.segments import _parse_inline_features, inline_features

ZH = ["模型", "训练", "数据", "集群", "内存", "速度", "网络", "梯度", "精度", "参数", "日志"]
WORD = st.from_regex(r"[a-z]{2,9}", fullmatch=True)
URL = st.from_regex(r"(https://[a-z]{2,8}\.(com|org)/[a-z0-9/_-]{0,12}|[a-z]{1,6}\.md)(#[a-z-]{1,8})?",
                    fullmatch=True)
CODE = st.from_regex(r"[a-z_.()=/-]{1,12}", fullmatch=True)
NUMBER = st.from_regex(r"[1-9][0-9]{0,3}(,[0-9]{3})?", fullmatch=True)


def _zh(word: str) -> str:
    return ZH[sum(map(ord, word)) % len(ZH)]


@st.composite
def structured_message(draw: st.DrawFn) -> tuple[str, str]:
    """An English msgid of words, links, images, autolinks, code, emphasis, numbers, and the same
    structure with the words replaced by Chinese ones."""
    english: list[str] = []
    chinese: list[str] = []
    first = draw(WORD)
    english.append(first)
    chinese.append(_zh(first))
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["word", "link", "image", "autolink", "code", "em", "strong", "number"]))
        if kind == "word":
            word = draw(WORD)
            english.append(word)
            chinese.append(_zh(word))
        elif kind in ("link", "image"):
            words, url = draw(st.lists(WORD, min_size=1, max_size=3)), draw(URL)
            bang = "!" if kind == "image" else ""
            english.append(f"{bang}[{' '.join(words)}]({url})")
            chinese.append(f"{bang}[{''.join(map(_zh, words))}]({url})")
        elif kind == "autolink":
            url = draw(URL.filter(lambda u: u.startswith("https://")))
            english.append(f"<{url}>")
            chinese.append(f"<{url}>")
        elif kind == "code":
            code = draw(CODE)
            english.append(f"`{code}`")
            chinese.append(f"`{code}`")
        elif kind in ("em", "strong"):
            word, mark = draw(WORD), "*" if kind == "em" else "**"
            english.append(f"{mark}{word}{mark}")
            chinese.append(f"{mark}{_zh(word)}{mark}")
        else:
            number = draw(NUMBER)
            english.append(number)
            chinese.append(number)
    return " ".join(english), " ".join(chinese)


@given(structured_message())
@settings(max_examples=300, deadline=None)
def test_same_structure_other_words_has_no_findings(message: tuple[str, str]) -> None:
    msgid, msgstr = message
    assert message_problems(msgid, msgstr, "zh_CN") == []


@given(structured_message(), st.sampled_from(["# ", "- ", "> ", "2024. ", "    "]))
@settings(max_examples=100, deadline=None)
def test_a_leading_block_marker_is_always_an_error(message: tuple[str, str], marker: str) -> None:
    msgid, msgstr = message
    problems = message_problems(msgid, marker + msgstr, "zh_CN")
    assert any(p.severity == ERROR for p in problems)


MARKDOWNISH = st.text(alphabet=st.sampled_from(list("ab 中文#*_-+>`~[]()!<>{}:%=|\\&.0123\n\t")) ,
                      max_size=40)


@given(st.one_of(st.text(max_size=200), MARKDOWNISH), st.one_of(st.text(max_size=200), MARKDOWNISH),
       st.sampled_from(["zh_CN", "ja", "fr", "pt_BR"]))
@settings(max_examples=400, deadline=None)
def test_checker_never_crashes_on_arbitrary_text(msgid: str, msgstr: str, language: str) -> None:
    for problem in message_problems(msgid, msgstr, language):
        assert problem.severity in (ERROR, WARNING)
        assert problem.code and problem.code == problem.code.lower() and " " not in problem.code
    for rule in load_message_rules().values():  # each rule emits only the codes it lists
        assert {p.code for p in run_rule(rule.name, msgid, msgstr, language)} <= set(rule.codes), rule.name


@given(st.one_of(st.text(max_size=80), MARKDOWNISH))
@settings(max_examples=400, deadline=None)
def test_shortcuts_agree_with_the_parser(text: str) -> None:
    """The checks skip the parser for plain text; the result must be what the parser gives."""
    fast, full = inline_features(text), _parse_inline_features(text)
    for name in ("links", "images", "autolinks", "footnotes", "code", "html", "roles"):
        assert getattr(fast, name) == getattr(full, name)
    assert (fast.emphasis, fast.strong) == (full.emphasis, full.strong)
    if "\n" not in text:
        assert block_shape(text) == parsed_block_shape(text)


@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_arbitrary_catalog_bytes_never_crash_the_check(tmp_path: Path, data: bytes) -> None:
    root = tmp_path / "project"
    catalog = root / "locale" / "zh_CN" / "LC_MESSAGES" / "README.po"
    if not root.exists():
        catalog.parent.mkdir(parents=True)
        shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    header = (ROOT / "tests" / "faults" / "link-changed.po").read_bytes()
    catalog.write_bytes(header + data)
    for finding in check_catalogs(load_config(root)):
        assert finding.path.startswith("locale/zh_CN")
        assert finding.severity in ("error", "warning")
