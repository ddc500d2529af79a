"""How much a translated block looks like the translation of an English block, from evidence that
needs no dictionary: the block kind and where it sits, the anchors a translator keeps (link
destinations, images, code, numbers, names and acronyms written in Latin letters such as `FP8`),
the length and the number of sentences.

Length is counted in units that are comparable across scripts: one per Han or kana character,
one per word elsewhere. The expected ratio of a document pair is its own, Gale–Church style: the
translation's units over the English units, over the whole documents; a dropped or added block
barely moves it, and it needs no table of languages (zh_CN against English: about 1.6 characters
per word).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .segments import Segment, inline_features, without_urls

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")
_NAME = re.compile(r"[^\W_](?:[\w.+/-]*[^\W_])?")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")
_NUMBER = re.compile(r"\d+(?:[.,_]\d+)*")
_GROUPING = str.maketrans("", "", ",_")

SMOOTHING = 3.0  # units added to both lengths: a two-word heading's ratio is noise, a paragraph's is not


@dataclass(frozen=True)
class BlockFeatures:
    """What one block offers for pairing."""

    kind: str
    place: str  # "list", "table", "quote" or "" (the container a translator keeps)
    units: int
    sentences: int
    links: tuple[str, ...]
    code: tuple[str, ...]
    numbers: tuple[str, ...]
    names: tuple[str, ...]  # Latin-letter words a translation may keep (FP8, BigScience, LLM)

    @property
    def anchored(self) -> bool:
        return bool(self.links or self.code or self.numbers or self.names)


def _number_value(shown: str) -> str:
    digits = "".join(str(unicodedata.digit(c)) if c.isdigit() else c for c in shown)
    return digits.translate(_GROUPING)


def _place(segment: Segment) -> str:
    for container, place in (("table", "table"), ("bullet_list", "list"), ("ordered_list", "list"),
                             ("blockquote", "quote")):
        if container in segment.containers:
            return place
    return ""


def _is_name(word: str, first: bool) -> bool:
    """A word a translation may keep as written: an acronym, a model name, a capitalized name (not
    the block's first word, which any sentence capitalizes)."""
    if len(word) < 2 or not any(c.isalpha() for c in word):
        return False
    return any(c.isdigit() or c.isupper() for c in word[1:]) or (word[0].isupper() and not first)


def block_features(segment: Segment) -> BlockFeatures:
    features = inline_features(segment.msgid)
    visible = without_urls(features.text)
    cjk = len(_CJK.findall(visible))
    words = len(_WORD.findall(_CJK.sub(" ", visible)))
    latin = [w for w in _NAME.findall(_CJK.sub(" ", visible)) if w.isascii() and not w.isdigit()]
    names = tuple(w.lower() for k, w in enumerate(latin) if _is_name(w, first=k == 0))
    return BlockFeatures(
        kind=segment.kind, place=_place(segment), units=cjk + words,
        sentences=max(1, len(_SENTENCE_END.findall(visible.rstrip()))),
        links=features.destinations + features.images, code=features.code,
        numbers=tuple(_number_value(n) for n in _NUMBER.findall(visible)), names=names)


def expected_ratio(english: list[BlockFeatures], translated: list[BlockFeatures]) -> float:
    """Translated units per English unit over the whole documents (1.0 when either is empty)."""
    e_units, t_units = sum(f.units for f in english), sum(f.units for f in translated)
    return t_units / e_units if e_units and t_units else 1.0


def length_ratio(e: BlockFeatures, t: BlockFeatures) -> float:
    return (t.units + SMOOTHING) / (e.units + SMOOTHING)


def length_misfit(e: BlockFeatures, t: BlockFeatures, expected: float) -> float:
    """How many times too long or too short the translation is (1.0: as expected)."""
    return math.exp(abs(math.log(length_ratio(e, t) / expected)))


def overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float | None:
    """Dice overlap of two multisets; None when neither side has any."""
    if not a and not b:
        return None
    common = sum((Counter(a) & Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


_ANCHOR_WEIGHTS = (("links", 2.0), ("code", 0.8), ("numbers", 1.0), ("names", 1.2))


def anchor_score(e: BlockFeatures, t: BlockFeatures) -> float:
    """Shared anchors count for a pair, anchors on one side only against it."""
    score = 0.0
    for name, weight in _ANCHOR_WEIGHTS:
        shared = overlap(getattr(e, name), getattr(t, name))
        if shared is not None:
            score += weight * (shared - 0.35)
    return score


def content_score(e: BlockFeatures, t: BlockFeatures, expected: float) -> float | None:
    """The evidence that t translates e, position aside; None when it cannot (different kinds)."""
    if e.kind != t.kind:
        return None
    score = 1.0 + anchor_score(e, t)
    score -= 1.5 * math.log(length_misfit(e, t, expected))
    score -= 0.4 * min(abs(e.sentences - t.sentences), 3)
    if e.place != t.place:
        score -= 0.5
    return score
