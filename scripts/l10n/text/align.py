"""The one block alignment of a translated Markdown document with its English original.

Blocks (segments) are paired on markdown-it block structure plus language-independent anchors
(link destinations and images, numbers, inline code): a dynamic-programming alignment, so an
inserted or missing block does not shift everything after it. Headings are matched under one
document-wide level shift, chosen as the shift that gives the best alignment. The importer and
`compare-md` both use it; it is pure: segments in, pairs out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .segments import InlineFeatures, Segment, inline_features

MAX_LEVEL_SHIFT = 2


@dataclass(frozen=True)
class Pair:
    english: Segment
    translated: Segment


@dataclass
class Alignment:
    """Which translated block translates which English block, under one heading-level shift."""

    pairs: list[Pair]
    unmatched_english: list[Segment]
    unmatched_translated: list[Segment]
    heading_shift: int


def _overlap(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a and not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


def _pair_score(e: Segment, ef: InlineFeatures, t: Segment, tf: InlineFeatures,
                shift: int, position: float) -> float | None:
    """How well two blocks correspond; None when they cannot (different kinds)."""
    if e.kind != t.kind:
        return None
    score = 0.2 + 0.3 * position
    if e.kind == "heading":
        score += 0.5 if t.level - e.level == shift else -0.3
    score += 2.0 * _overlap(ef.destinations + ef.images, tf.destinations + tf.images)
    score += 0.5 * _overlap(ef.numbers, tf.numbers) + 0.5 * _overlap(ef.code, tf.code)
    return score


def _trace_back(move: list[list[int]], n: int, m: int) -> list[tuple[int, int]]:
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        if move[i][j] == 2:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move[i][j] == 0:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def align(english: list[Segment], translated: list[Segment],
          shift: int) -> tuple[float, list[tuple[int, int]]]:
    """Best monotone alignment (Needleman-Wunsch, free gaps): total score and index pairs."""
    ef = [inline_features(s.msgid) for s in english]
    tf = [inline_features(s.msgid) for s in translated]
    n, m = len(english), len(translated)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 skip english, 1 skip translated, 2 pair
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], 0), (best[i][j - 1], 1)]
            position = 1.0 - abs((i - 1) / max(n, 1) - (j - 1) / max(m, 1))
            score = _pair_score(english[i - 1], ef[i - 1], translated[j - 1], tf[j - 1], shift, position)
            if score is not None and score > 0:
                options.append((best[i - 1][j - 1] + score, 2))
            best[i][j], move[i][j] = max(options, key=lambda o: (o[0], o[1]))
    return best[n][m], _trace_back(move, n, m)


def align_documents(english: list[Segment], translated: list[Segment]) -> Alignment:
    """The best alignment over every heading-level shift (ties: the smallest shift)."""
    shift, (_, index_pairs) = max(
        ((s, align(english, translated, s)) for s in range(-MAX_LEVEL_SHIFT, MAX_LEVEL_SHIFT + 1)),
        key=lambda item: (item[1][0], -abs(item[0])),
    )
    paired_e = {i for i, _ in index_pairs}
    paired_t = {j for _, j in index_pairs}
    return Alignment(
        pairs=[Pair(english[i], translated[j]) for i, j in index_pairs],
        unmatched_english=[s for i, s in enumerate(english) if i not in paired_e],
        unmatched_translated=[s for j, s in enumerate(translated) if j not in paired_t],
        heading_shift=shift,
    )
