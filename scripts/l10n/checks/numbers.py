"""The number check: the numbers in a msgstr's prose against its msgid's, as multisets of values.

Only the prose counts (`text/segments.py`: the visible text, a link's text included, without link
destinations, URLs and code spans), and no printf or format placeholder (`%s`, `%(name)s`, `{0}`).
A number keeps its value, not its form: any Unicode digits (full-width `８`), the target language's
digit grouping and decimal sign (babel's locale data: `9.765.625` and `3,5` in German, `9 765 625`
in French, `9_765_625` anywhere), a scale word (`70B` is `700亿`, `1.5M` is `150万`). A suffix or a
separator is never a number (`8x` is `8 倍`, `15-25` is `15～25`, `1st` is `1er`). A number word of
the msgid (`two`) may become a digit, and a CJK numeral of the msgstr (`四`) may stand for a digit.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from babel import Locale, UnknownLocaleError

from ..text.segments import without_urls
from .findings import WARNING
from .problem import Problem
from .registry import message_rule

NUMBER_CODES = ("number-changed", "number-dropped", "number-added")

_PLACEHOLDER = re.compile(
    r"%(?:\([^)\s]*\))?(?:\d+\$)?[-#0+]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[hlLqjzt]?[diouxXeEfFgGcrsab%]"
    r"|\{[\w.\[\]]*(?:![rsa])?(?::[^{}\s]*)?\}")
_ANY_DIGIT = re.compile(r"\d")
_SPACES = " \u00a0\u202f\u2009"
_TOKEN_FORM = r"(?<![\d.,])(?:\d{{1,3}}(?:[{}_'’]\d{{3}})+(?:[.,]\d+)?(?![\d])|\d+(?:[.,]\d+)*)"
_TOKEN = re.compile(_TOKEN_FORM.format(_SPACES[1:]))  # "2 700" is two numbers, unless spaces group digits
_SPACED_TOKEN = re.compile(_TOKEN_FORM.format(_SPACES))  # where the group sign is a space: 9 765 625
_SCALE = re.compile(r"\s?(thousand|millions?|billions?|trillions?|milliards?|[KkMBT](?![^\W\d_])"
                    r"|[千万萬亿億兆천만억조])")
_SCALES = {"thousand": 3, "k": 3, "千": 3, "천": 3, "万": 4, "萬": 4, "만": 4, "million": 6, "m": 6,
           "亿": 8, "億": 8, "억": 8, "billion": 9, "milliard": 9, "b": 9, "trillion": 12, "t": 12, "兆": 12, "조": 12}
_WORDS = {word: value for value, word in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100, "thousand": 1000, "dozen": 12, "single": 1, "once": 1, "twice": 2, "double": 2,
               "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "both": 2})
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_WORDS.update({name: number for number, month in enumerate(_MONTHS, 1) for name in (month, month[:3], month[:4])})
_WORDS.update({"noon": 12, "midnight": 0, "a": 1, "an": 1, "decimal": 10})  # July: 7月, an hour: 1 Stunde
_WORD = re.compile(r"\b(" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]  # Monday is 1, or 2 (vi: Thứ 2)
_DAY = re.compile(r"\b(" + "|".join(f"{day[:3].capitalize()}(?:{day[3:]})?" for day in _DAYS) + r")\b")
_WHOLE_HOUR = re.compile(r"(?<=\d)[:h]00(?!\d)")  # 6:00 is 6, 18h00 is 18
_PM = re.compile(r"\s?[pP]\.?[mM]\b")
_CJK_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2, "兩": 2}
_CJK_NUMERAL = re.compile(r"[〇零一二两兩三四五六七八九十]+")


_TYPED_DECIMALS = {"fa": "/"}  # Persian keyboards lack the momayyez (٫): a slash is typed for it


@dataclass(frozen=True)
class Number:
    """One number of a text: as written, and every value it can mean (the first is the likeliest)."""

    shown: str
    values: tuple[str, ...]
    soft: bool = False  # a number word or numeral: it may stand for a digit, never missing or added


@cache
def separators(language: str) -> tuple[str, str]:
    """(group signs, decimal signs) of a language: babel's, for each of its numbering systems."""
    groups, decimals = {","}, {"."}
    try:
        locale = Locale.parse(language.split("@")[0].replace("-", "_") or "en")
    except (UnknownLocaleError, ValueError, TypeError):
        return ",", "."
    for symbols in locale.number_symbols.values():  # every numbering system's: latn, arab, ...
        groups.add(symbols.get("group", ","))
        decimals.add(symbols.get("decimal", "."))
    if "," in decimals:  # a decimal comma: a comma is never a group sign there
        groups.discard(",")
    decimals.update(_TYPED_DECIMALS.get(locale.language, ""))
    return "".join(sorted(groups)), "".join(sorted(decimals))


def _canonical(digits: str) -> str:
    """A value's one spelling: `007` is `7`, `3.50` is `3.5`, `1.2.3` (a version) stays."""
    if digits.count(".") > 1:
        return ".".join(part.lstrip("0") or "0" for part in digits.split("."))
    try:
        value = Decimal(digits).normalize()
    except InvalidOperation:
        return digits
    return format(value, "f")


def _readings(token: str, groups: str, decimals: str) -> list[tuple[str, ...]]:
    """What a token of digits and separators means: one number (its readings), or several."""
    plain = token.translate({ord(c): None for c in _SPACES + "_'’"})
    if plain != token:  # grouped with spaces, underscores or apostrophes: the sign after is a decimal sign
        return [(_canonical(plain.replace(",", ".")),)]
    signs = [c for c in token if c in ".,"]
    if not signs:
        return [(_canonical(token),)]
    parts = re.split(r"[.,]", token)
    grouped = len(parts[0]) <= 3 and all(len(part) == 3 for part in parts[1:-1])
    last = signs[-1]
    if len(set(signs)) == 2:  # 9,765,625.5 or 9.765.625,5: the last sign is the decimal sign
        if grouped and len(set(signs[:-1])) == 1 and last not in signs[:-1]:
            return [(_canonical("".join(parts[:-1]) + "." + parts[-1]),)]
        return [(_canonical(part),) for part in parts]
    whole, fraction = "".join(parts), ".".join(parts)
    if grouped and len(parts[-1]) == 3:
        if len(parts) > 2:
            return [(_canonical(whole),)]
        as_group = last in groups or last not in decimals
        first, other = (whole, fraction) if as_group else (fraction, whole)
        return [(_canonical(first), _canonical(other))]
    if last == "." or (last in decimals and len(parts) == 2):
        return [(_canonical(fraction if last == "," else token),)]
    return [(_canonical(part),) for part in parts]


def _scaled(value: str, scale: str) -> str | None:
    exponent = _SCALES.get(scale.lower().rstrip("s") if len(scale) > 1 else scale.lower())
    if exponent is None or value.count(".") > 1:
        return None
    return _canonical(format(Decimal(value).scaleb(exponent), "f"))


def _digits(text: str) -> str:
    """Every decimal digit as ASCII (`８` is `8`, `٣` is `3`)."""
    if text.isascii():
        return text
    return _ANY_DIGIT.sub(lambda match: str(unicodedata.decimal(match.group())), text)


def _local_signs(text: str, groups: str, decimals: str) -> str:
    """A language's own signs between digits as the ones the tokens know (`۲٫۵`, `۲/۵`: 2.5)."""
    for signs, replacement in ((decimals, "."), (groups, "")):
        for sign in set(signs) - set(".,'’" + _SPACES):
            text = re.sub(rf"(?<=\d){re.escape(sign)}(?=\d)", replacement, text)
    return text


def numbers(text: str, language: str = "en") -> list[Number]:
    """The numbers of one prose text, read with the separators of its language."""
    groups, decimals = separators(language)
    text = _local_signs(_PLACEHOLDER.sub(" ", _digits(text)), groups, decimals)
    text = _WHOLE_HOUR.sub("", text)
    found: list[Number] = []
    for match in (_SPACED_TOKEN if set(groups) & set(_SPACES) else _TOKEN).finditer(text):
        scale = _SCALE.match(text, match.end())
        readings = _readings(match.group(), groups, decimals)
        for values in readings:
            scaled = _scaled(values[0], scale.group(1)) if scale else None
            if _PM.match(text, match.end()) and values[0].isdigit():  # 6 p.m. is 18:00
                scaled = str(int(values[0]) + 12)
            shown = match.group() if len(readings) == 1 else values[0]  # 1,2,3: three numbers
            found.append(Number(shown, values + ((scaled,) if scaled else ())))
    return found


def number_words(text: str) -> list[Number]:
    """The English number words of a text (`two`, `twice`, `a dozen`): each may become a digit."""
    found = [Number(m.group(), (str(_WORDS[m.group().lower()]),), soft=True) for m in _WORD.finditer(text)]
    for match in _DAY.finditer(text):
        day = next(index for index, name in enumerate(_DAYS) if name.startswith(match.group().lower()[:3]))
        found.append(Number(match.group(), (str(day), str(day + 1), str(day or 7)), soft=True))
    return found


def cjk_numerals(text: str) -> list[Number]:
    """The CJK numerals of a text (`四`, `十二`, `两`), up to 99: each may stand for a digit."""
    found = []
    for match in _CJK_NUMERAL.finditer(text):
        written = match.group()
        tens, _, ones = written.rpartition("十")
        if "十" not in written:
            value = int("".join(str(_CJK_DIGITS[c]) for c in written))
        elif len(tens) <= 1 and len(ones) <= 1 and "十" not in tens:
            value = 10 * (_CJK_DIGITS.get(tens, 1) if tens else 1) + (_CJK_DIGITS.get(ones, 0) if ones else 0)
        else:
            continue
        found.append(Number(written, (str(value),), soft=True))
    return found


def _pair(wanted: list[Number], offered: list[Number], exact: bool) -> None:
    """Remove from both lists each number of `wanted` that one of `offered` can mean (exact: its
    likeliest value only)."""
    for number in list(wanted):
        for other in offered:
            same = number.values[0] == other.values[0] if exact else set(number.values) & set(other.values)
            if same:
                wanted.remove(number)
                offered.remove(other)
                break


def number_differences(msgid: str, msgstr: str, language: str) -> tuple[list[Number], list[Number]]:
    """(the msgid's numbers missing from the msgstr, the msgstr's numbers not in the msgid), in
    each text's order: prose texts, without links or code."""
    if not (_ANY_DIGIT.search(msgid) or _ANY_DIGIT.search(msgstr)):
        return [], []
    missing, added = numbers(msgid), numbers(msgstr, language)
    for exact in (True, False):
        _pair(missing, added, exact)
    if missing:
        _pair(missing, cjk_numerals(msgstr), exact=False)
    if added:
        _pair(added, number_words(msgid), exact=False)
    return missing, added


def _listed(found: list[Number]) -> str:
    return ", ".join(number.shown for number in found)


def number_problems(msgid: str, msgstr: str, language: str) -> Iterator[Problem]:
    """One warning at most: which numbers of the English are missing, which are not in it."""
    missing, added = number_differences(msgid, msgstr, language)
    lost = f"number{'s' if len(missing) > 1 else ''} {_listed(missing)} of the English " \
           f"{'are' if len(missing) > 1 else 'is'} missing"
    new = f"{_listed(added)} {'are' if len(added) > 1 else 'is'} not in the English"
    if missing and added:
        yield Problem(WARNING, "number-changed", f"{lost}; {new}",
                      f"write {_listed(missing)} where the translation has {_listed(added)}")
    elif missing:
        yield Problem(WARNING, "number-dropped", lost, f"write {_listed(missing)} as in the English")
    elif added:
        yield Problem(WARNING, "number-added", f"number{'s' if len(added) > 1 else ''} {new}",
                      f"remove {_listed(added)}, or write the English's number")


@message_rule("numbers", NUMBER_CODES)
def _numbers(m: Any) -> Iterator[Problem]:  # a checks.message.Message
    if m.reshaped:
        return iter(())
    return number_problems(_prose(m.ef.text), _prose(m.tf.text), m.language)


def _prose(visible: str) -> str:
    """Visible text without URLs, nor a link the parser refused (`[t](vbscript:f(1))` shows as text:
    the unsafe-url rule reports it)."""
    text = without_urls(visible)
    return text if "](" not in text else " ".join(word for word in text.split() if "](" not in word)
