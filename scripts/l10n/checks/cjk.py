"""The CJK typography of one run of prose (zh, ja), after the Chinese copywriting guidelines.

A run is one text token of a msgstr (`typography.prose_runs`): no code span, link destination or
markup is in it, and each URL word is set aside before the rules read it. Three rules, each a
pure function from a run to its corrected form, so the check (a difference is a finding) and
`make fix-typography` (the corrected run is written) agree by construction:

- `fullwidth_punctuation`: an ASCII `,` `:` `;` `!` `?` between CJK characters is the full-width
  sign (`、` for a Japanese comma); ASCII parentheses around CJK text are `（）`;
- `punctuation_spacing`: no space before or after a full-width sign;
- `latin_spacing`: one space between CJK and Latin letters or digits ("always"), or none ("never").

autocorrect-py (the guidelines' own linter) was measured and not used: it knows only "always",
writes `，` for a Japanese comma, puts a space inside `大型语言模型 (LLM)` rather than full-width
parentheses, and gives a corrected text without saying which rule changed it.
"""

from __future__ import annotations

import re

from ..text.segments import is_url

CJK_LANGUAGES = ("zh", "ja")
SPACING_MODES = ("majority", "always", "never", "off")

_CJK = "\u2e80-\u2eff\u3040-\u30ff\u3100-\u312f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_LATIN = "A-Za-z0-9"
FULLWIDTH = "，。、：；！？（）「」『』《》【】〈〉［］"
_URL_MARK = "\ue000"  # a private-use character: neither CJK nor Latin, so no rule reads across it

_UNSPACED = re.compile(f"(?<=[{_CJK}])(?=[{_LATIN}])|(?<=[{_LATIN}])(?=[{_CJK}])")
_SPACED = re.compile(f"(?<=[{_CJK}]) +(?=[{_LATIN}])|(?<=[{_LATIN}]) +(?=[{_CJK}])")
# Japanese writes a number against its counter or prefix with no space (2021年, 第3章, 70億) even
# where it spaces Latin words (GPU の): only letters meet the spacing rule there
_LETTERS = "A-Za-z"
_UNSPACED_JA = re.compile(f"(?<=[{_CJK}])(?=[{_LETTERS}])|(?<=[{_LETTERS}])(?=[{_CJK}])")
_SPACED_JA = re.compile(f"(?<=[{_CJK}]) +(?=[{_LETTERS}])|(?<=[{_LETTERS}]) +(?=[{_CJK}])")
_SPACE_AT_FULLWIDTH = re.compile(f"[ \t\u3000]+(?=[{FULLWIDTH}])|(?<=[{FULLWIDTH}])[ \t\u3000]+")
_HALFWIDTH = re.compile(f"(?<=[{_CJK}]) *([,:;!?]) *(?=[{_CJK}])")
_PARENTHESES = re.compile(f"\\(([^()]*[{_CJK}][^()]*)\\)")
_HAS_CJK = re.compile(f"[{_CJK}]")
_FULL = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？"}
_WORD = re.compile(r"\S+")


def is_cjk_language(language: str) -> bool:
    return language.split("_")[0].split("-")[0] in CJK_LANGUAGES


def has_cjk(text: str) -> bool:
    return _HAS_CJK.search(text) is not None


def _masked(run: str) -> tuple[str, list[str]]:
    """The run with each URL word replaced by one mark, and the URLs in order."""
    urls: list[str] = []

    def mark(match: re.Match[str]) -> str:
        if not is_url(match.group()):
            return match.group()
        urls.append(match.group())
        return _URL_MARK

    return (_WORD.sub(mark, run) if "://" in run or "www." in run else run), urls


def _unmasked(text: str, urls: list[str]) -> str:
    if not urls:
        return text
    pieces = text.split(_URL_MARK)
    return "".join(piece + (urls[index] if index < len(urls) else "") for index, piece in enumerate(pieces))


def fullwidth_punctuation(text: str, language: str) -> str:
    comma = "、" if language.startswith("ja") else "，"
    text = _HALFWIDTH.sub(lambda m: comma if m.group(1) == "," else _FULL[m.group(1)], text)
    return _PARENTHESES.sub(r"（\1）", text)


def punctuation_spacing(text: str) -> str:
    return _SPACE_AT_FULLWIDTH.sub("", text)


def _spacing_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(spaced, unspaced) boundary patterns of the language."""
    return (_SPACED_JA, _UNSPACED_JA) if language.startswith("ja") else (_SPACED, _UNSPACED)


def latin_spacing(text: str, mode: str, language: str = "") -> str:
    spaced, unspaced = _spacing_patterns(language)
    if mode == "always":
        return unspaced.sub(" ", text)
    if mode == "never":
        return spaced.sub("", text)
    return text


def may_need_punctuation_fix(text: str, language: str) -> bool:
    """Whether a punctuation rule changes some piece of `text` (URLs not set aside: a cheap look)."""
    return punctuation_spacing(text) != text or fullwidth_punctuation(text, language) != text


def boundaries(run: str, language: str = "") -> tuple[int, int]:
    """(spaced, unspaced) CJK–Latin boundaries of a run: its vote for the catalog's majority."""
    text, _ = _masked(run)
    spaced, unspaced = _spacing_patterns(language)
    return len(spaced.findall(text)), len(unspaced.findall(text))


def corrected(run: str, language: str, rules: tuple[str, ...], mode: str = "off") -> str:
    """The run with the named rules applied ("fullwidth", "spacing", "latin"), URLs untouched."""
    text, urls = _masked(run)
    if "fullwidth" in rules:
        text = fullwidth_punctuation(text, language)
    if "spacing" in rules:
        text = punctuation_spacing(text)
    if "latin" in rules:
        text = latin_spacing(text, mode, language)
    return _unmasked(text, urls)
