"""The one block alignment of a translated Markdown document with its English original.

Blocks (segments) are paired by a global dynamic-programming alignment (sequence alignment that
may skip a block on either side, like Gale–Church), scored by `text/block_score.py`: kind and
place, anchors (links, images, code, numbers, names kept in Latin letters), length against the
documents' own ratio, sentence count, and position. Headings are matched under one document-wide
level shift, chosen as the shift that gives the best alignment.

Every pair also says how sure it is. A pair is unsure (its `doubts` say why) when its length or
sentences do not fit, when the best alignment without it scores almost as well (computed exactly,
from the forward and backward tables), or when it would score as well swapped with a neighbour.
The importer imports an unsure pair fuzzy; `compare-md` reports it. Pure: segments in, pairs out.
"""

from __future__ import annotations

from dataclasses import dataclass

from .block_score import BlockFeatures, block_features, content_score, expected_ratio
from .pair_doubts import Scores, pair_doubts
from .segments import Segment

MAX_LEVEL_SHIFT = 2
Cell = float | None


@dataclass(frozen=True)
class Pair:
    english: Segment
    translated: Segment
    doubts: tuple[str, ...] = ()  # why the pair may be wrong; empty when it is sure

    @property
    def sure(self) -> bool:
        return not self.doubts


@dataclass
class Alignment:
    """Which translated block translates which English block, under one heading-level shift."""

    pairs: list[Pair]
    unmatched_english: list[Segment]
    unmatched_translated: list[Segment]
    heading_shift: int
    expected_ratio: float = 1.0  # translated length units per English unit (`text/block_score.py`)


def _scores(english: list[Segment], translated: list[Segment], content: list[list[Cell]],
            shift: int) -> list[list[Cell]]:
    n, m = len(english), len(translated)
    table: list[list[Cell]] = []
    for i, e in enumerate(english):
        row: list[Cell] = []
        for j, t in enumerate(translated):
            score = content[i][j]
            if score is not None:
                score += 0.3 * (1.0 - abs(i / max(n, 1) - j / max(m, 1)))
                if e.kind == "heading":
                    score += 0.5 if t.level - e.level == shift else -0.6
            row.append(score if score is not None and score > 0 else None)
        table.append(row)
    return table


def forward(score: list[list[Cell]], n: int, m: int) -> list[list[float]]:
    """best[i][j]: the best alignment of the first i English and first j translated blocks."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = score[i - 1][j - 1]
            best[i][j] = max(best[i - 1][j], best[i][j - 1],
                             best[i - 1][j - 1] + s if s is not None else 0.0)
    return best


def backward(score: list[list[Cell]], n: int, m: int) -> list[list[float]]:
    """best[i][j]: the best alignment of the English blocks from i and translated blocks from j."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = score[i][j]
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + s if s is not None else 0.0)
    return best


def _trace(score: list[list[Cell]], best: list[list[float]], n: int, m: int) -> list[tuple[int, int]]:
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        s = score[i - 1][j - 1]
        if s is not None and best[i][j] == best[i - 1][j - 1] + s:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def align(english: list[Segment], translated: list[Segment], shift: int,
          content: list[list[Cell]] | None = None) -> tuple[float, list[tuple[int, int]], Scores]:
    """Best monotone alignment under one heading shift: total score, index pairs, the tables."""
    if content is None:
        content = _content(english, translated)[0]
    n, m = len(english), len(translated)
    score = _scores(english, translated, content, shift)
    ahead = forward(score, n, m)
    return ahead[n][m], _trace(score, ahead, n, m), Scores(score, content, ahead, backward(score, n, m))


def _content(english: list[Segment], translated: list[Segment]
             ) -> tuple[list[list[Cell]], list[BlockFeatures], list[BlockFeatures], float]:
    ef = [block_features(s) for s in english]
    tf = [block_features(s) for s in translated]
    ratio = min(max(expected_ratio(ef, tf), 0.5), 3.0)
    if len(ef) > 2 * len(tf) or len(tf) > 2 * len(ef):
        ratio = 1.0  # one file holds a part of the other: its length says nothing yet
    return [[content_score(e, t, ratio) for t in tf] for e in ef], ef, tf, ratio


def _best_shift(english: list[Segment], translated: list[Segment], content: list[list[Cell]]
                ) -> tuple[int, tuple[float, list[tuple[int, int]], Scores]]:
    return max(
        ((s, align(english, translated, s, content)) for s in range(-MAX_LEVEL_SHIFT, MAX_LEVEL_SHIFT + 1)),
        key=lambda item: (item[1][0], -abs(item[0])),
    )


def align_documents(english: list[Segment], translated: list[Segment]) -> Alignment:
    """The best alignment over every heading-level shift (ties: the smallest shift), each pair with
    its doubts. Aligned twice: the length ratio the second pass expects is that of the first pass's
    pairs, so a partial translation (half the blocks) does not make every pair look too short."""
    content, ef, tf, ratio = _content(english, translated)
    shift, (_, index_pairs, scores) = _best_shift(english, translated, content)
    if index_pairs:
        ratio = expected_ratio([ef[i] for i, _ in index_pairs], [tf[j] for _, j in index_pairs])
        content = [[content_score(e, t, ratio) for t in tf] for e in ef]
        shift, (_, index_pairs, scores) = _best_shift(english, translated, content)
    texts = ([s.msgid for s in english], [s.msgid for s in translated])
    doubts = pair_doubts(index_pairs, scores, ef, tf, ratio, texts,
                         ([s.line for s in english], [s.line for s in translated]))
    paired_e = {i for i, _ in index_pairs}
    paired_t = {j for _, j in index_pairs}
    return Alignment(
        pairs=[Pair(english[i], translated[j], d) for (i, j), d in zip(index_pairs, doubts, strict=True)],
        unmatched_english=[s for i, s in enumerate(english) if i not in paired_e],
        unmatched_translated=[s for j, s in enumerate(translated) if j not in paired_t],
        heading_shift=shift,
        expected_ratio=ratio,
    )
