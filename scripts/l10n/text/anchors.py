"""The one anchors diff: what a translation dropped, added or changed of its English's anchors.

An anchor is something a translation must keep as it is: a link destination, an image source, a
footnote reference, an inline code span, a code block. `differences(kind, expected, actual)`
compares two sequences of one kind as multisets and pairs what is left in document order: the
first dropped item and the first added one are one changed item, and so on; what remains on one
side is dropped or added. So each code means one thing wherever it is reported:

- `<kind>-changed`: an item of the English is missing and the translation has one the English
  lacks in its place (paired in document order): "link A became B";
- `<kind>-dropped`: an item of the English is missing, with nothing added to pair it with;
- `<kind>-added`: the translation has an item the English lacks, with nothing dropped to pair.

The message checks (`make check`), the importer, `compare-md` and `check-build` all use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .segments import InlineFeatures, inline_features

CHANGES = ("changed", "dropped", "added")
# the anchors of an inline text that the importer and compare-md compare, in their order
TEXT_KINDS = ("link", "image", "code")


@dataclass(frozen=True)
class AnchorDifference:
    kind: str  # "link", "image", "footnote", "code", "code-block"
    change: str  # "changed", "dropped" or "added"
    old: str | None  # the English item (None when added)
    new: str | None  # the translation's item (None when dropped)
    old_index: int | None = None  # its position in the expected sequence
    new_index: int | None = None  # its position in the actual sequence

    @property
    def code(self) -> str:
        return f"{self.kind}-{self.change}"

    def describe(self, source: str) -> str:
        """The difference in words; `source` names the English side ("msgid", "English")."""
        if self.change == "changed":
            return f"{self.kind} {self.old} became {self.new}"
        if self.change == "dropped":
            return f"{self.kind} {self.old} of the {source} is missing"
        return f"{self.kind} {self.new} is not in the {source}"


def _surplus(items: Sequence[str], other: Sequence[str]) -> list[tuple[int, str]]:
    """(position, item) of the items not matched in `other` (as a multiset), in their order."""
    left = Counter(items) - Counter(other)
    surplus = []
    for index, item in enumerate(items):
        if left[item] > 0:
            left[item] -= 1
            surplus.append((index, item))
    return surplus


def differences(kind: str, expected: Iterable[str], actual: Iterable[str]) -> list[AnchorDifference]:
    """The changed, then dropped, then added items of `actual` against `expected` (multisets;
    a dropped and an added item in document order count as one changed item)."""
    expected, actual = list(expected), list(actual)
    if expected == actual:
        return []
    dropped, added = _surplus(expected, actual), _surplus(actual, expected)
    found = [AnchorDifference(kind, "changed", old, new, i, j)
             for (i, old), (j, new) in zip(dropped, added, strict=False)]
    found += [AnchorDifference(kind, "dropped", old, None, i, None) for i, old in dropped[len(added):]]
    found += [AnchorDifference(kind, "added", None, new, None, j) for j, new in added[len(dropped):]]
    return found


_FIELDS = {"link": "destinations", "image": "images", "footnote": "footnotes", "code": "code"}


def inline_anchors(features: InlineFeatures, kind: str) -> tuple[str, ...]:
    """The anchors of one kind of an inline text: links are inline links and autolinks."""
    anchors: tuple[str, ...] = getattr(features, _FIELDS[kind])
    return anchors


def text_differences(english: str, translation: str,
                     kinds: Sequence[str] = TEXT_KINDS) -> list[AnchorDifference]:
    """The differences of two inline texts' anchors, kind by kind."""
    ef, tf = inline_features(english), inline_features(translation)
    return [d for kind in kinds for d in differences(kind, inline_anchors(ef, kind), inline_anchors(tf, kind))]
