"""Where a glossary term occurs: the matching behind the `glossary` check (`glossary.py` reads the file).

- A Latin term or translation matches on word boundaries: not preceded or followed by an ASCII
  letter or digit, so a CJK character is a boundary (`在GPU上` holds GPU, `GBS` does not hold GB);
  a number right before a term that starts with a letter is a boundary too (`80GB` holds GB).
  An English plural -s/-es counts, in lower case only (`GPUs`, not `GBS`).
- A translation with a CJK character matches as a substring (CJK text has no spaces).
- Case-insensitive, except a term marked `[case]`: then case-sensitive and whole-word (no plural),
  on both sides.
- Not matched in the msgid: link destinations, URLs, inline code, and the text of a link the
  msgstr keeps unchanged as its own link text when it is more than the term (a paper title kept
  in English: "BloombergGPT: A Large Language Model for Finance").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property

from ..text.segments import inline_features, without_urls
from .findings import Finding

_CJK = ("\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf"
        "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f")
_HAS_CJK = re.compile(f"[{_CJK}]")
_WORDS = re.compile(r"[A-Za-z0-9]+")  # the runs a Latin boundary delimits
_AFTER_NUMBER = re.compile(r"(?<=[0-9])[A-Za-z][A-Za-z0-9]*")  # and a word after a number: 80GB


@dataclass(frozen=True)
class GlossaryTerm:
    english: str
    translations: tuple[str, ...]  # empty when the term is kept as is
    note: str
    line: int
    case_sensitive: bool = False  # `[case]`: exact case, whole word, no plural

    @property
    def keep(self) -> bool:
        return not self.translations

    @property
    def pattern(self) -> re.Pattern[str]:
        """The term in English text, the form used as group 1."""
        return _latin_pattern(self.english, self.case_sensitive, ignore_case=not self.case_sensitive)

    @property
    def first_word(self) -> str:
        words = _WORDS.findall(self.english)
        return words[0].casefold() if words else ""


@dataclass(frozen=True)
class Glossary:
    path: str
    terms: tuple[GlossaryTerm, ...] = ()
    problems: tuple[Finding, ...] = field(default_factory=tuple)

    @cached_property
    def by_first_word(self) -> dict[str, tuple[int, ...]]:
        """Each term's first word, and its plural forms, to the indices of the terms starting so."""
        index: dict[str, list[int]] = {}
        for number, term in enumerate(self.terms):
            word = term.first_word
            for form in {word, word + "s", word + "es"} if word else {""}:
                index.setdefault(form, []).append(number)
        return {form: tuple(numbers) for form, numbers in index.items()}

    @cached_property
    def first_words(self) -> frozenset[str]:
        return frozenset(self.by_first_word)


@cache
def _latin_pattern(text: str, whole_word: bool, ignore_case: bool) -> re.Pattern[str]:
    """`text` between Latin boundaries (an ASCII letter or digit is no boundary; a CJK character,
    a space or punctuation is; a digit is one before a letter: `80GB`), its words separated by any
    whitespace, a lower-case plural -s/-es allowed unless whole-word."""
    words = r"\s+".join(re.escape(word) for word in text.split())
    before = "[A-Za-z]" if text[:1].isascii() and text[:1].isalpha() else "[A-Za-z0-9]"
    plural = "" if whole_word else "(?-i:s|es)?"
    return re.compile(rf"(?<!{before})({words}){plural}(?![A-Za-z0-9])", re.IGNORECASE if ignore_case else 0)


def _translated(term: GlossaryTerm, translation: str, text: str) -> bool:
    """Whether `text` (a msgstr's visible words) uses `translation` of `term`."""
    if _HAS_CJK.search(translation):
        return translation in text if term.case_sensitive else translation.casefold() in text.casefold()
    return _latin_pattern(translation, term.case_sensitive, not term.case_sensitive).search(text) is not None


def _kept(term: GlossaryTerm, used: str, text: str) -> bool:
    """Whether `text` writes the term unchanged: as the msgid does or as the glossary does."""
    return any(_latin_pattern(form, term.case_sensitive, ignore_case=False).search(text)
               for form in {used, term.english})


def _honoured(term: GlossaryTerm, used: str, text: str) -> bool:
    if term.keep:
        return _kept(term, used, text)
    return any(_translated(term, translation, text) for translation in term.translations)


def _candidates(glossary: Glossary, msgid: str) -> list[GlossaryTerm]:
    """The terms whose first word (or its plural) occurs in the raw msgid, in glossary order: a
    cheap superset of the terms the msgid's visible text contains, so most entries skip the
    Markdown parser."""
    index = glossary.by_first_word
    folded = msgid.casefold()
    words = glossary.first_words.intersection(_WORDS.findall(folded) + _AFTER_NUMBER.findall(folded))
    if not words and "" not in index:
        return []
    numbers = {number for word in words for number in index[word]}
    numbers.update(index.get("", ()))
    return [glossary.terms[number] for number in sorted(numbers)]


def _folded(text: str) -> str:
    return " ".join(text.split())


def link_texts(text: str) -> list[str]:
    """The visible text of each link of an inline Markdown text (not autolinks), whitespace
    folded, as the text core's parser reads it; the words joined as `inline_features` joins them."""
    return list(inline_features(text).link_texts) if "[" in text else []


def _kept_titles(msgid: str, msgstr: str, english_text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) in `english_text` of each link text of the msgid that the msgstr keeps
    unchanged as one of its own link texts."""
    kept = set(link_texts(msgstr))
    spans = []
    for title in link_texts(msgid):
        start = english_text.find(title) if title in kept and _WORDS.search(title) else -1
        if start >= 0:
            spans.append((start, start + len(title), title))
    return spans


def _term_used(term: GlossaryTerm, english_text: str, titles: list[tuple[int, int, str]]) -> str | None:
    """The form of the term the English uses, outside the titles kept in English that are more
    than the term itself; None when it uses none."""
    for match in term.pattern.finditer(english_text):
        inside = any(start <= match.start() and match.end() <= end and not term.pattern.fullmatch(title)
                     for start, end, title in titles)
        if not inside:
            return match.group(1)
    return None


def term_findings(glossary: Glossary, msgid: str, msgstr: str) -> Iterator[tuple[GlossaryTerm, str]]:
    """(term, the form the msgid uses) for every glossary term the msgstr does not honour."""
    candidates = _candidates(glossary, msgid)
    if not candidates:
        return
    english_text = _folded(without_urls(inline_features(msgid).text))
    translated_text = inline_features(msgstr).text
    titles = _kept_titles(msgid, msgstr, english_text)
    for term in candidates:
        used = _term_used(term, english_text, titles)
        if used is None:
            continue
        if not _honoured(term, used, translated_text):
            yield term, used
