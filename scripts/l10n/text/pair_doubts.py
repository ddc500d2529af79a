"""Why a pair of the block alignment (`text/align.py`) may be wrong: the reasons an import marks
it fuzzy with.

A pair is unsure when
- its length does not fit: more than `MISFIT` times longer or shorter than the documents' own
  ratio expects, or a different number of sentences with a length off by `SENTENCE_MISFIT`;
- the English has numbers and the translation none of them (`2021` against `2022年`);
- the best alignment without it scores less than `MARGIN` below the best alignment: something
  else fits almost as well (exact, from the forward and backward tables of the alignment);
- swapped with a neighbouring pair it would score at least as well, less `MARGIN`;
- it is a paragraph next to a paragraph left unpaired on one side only: the two may have been
  merged into it (an English one) or split from it (a translated one).
"""

from __future__ import annotations

from dataclasses import dataclass

from .block_score import BlockFeatures, length_misfit, length_ratio

MISFIT = 2.0
SENTENCE_MISFIT = 1.4
MARGIN = 0.6

Cell = float | None


@dataclass(frozen=True)
class Scores:
    """The tables of one alignment: pair scores (with and without position and heading level),
    the forward and the backward best scores."""

    score: list[list[Cell]]
    content: list[list[Cell]]
    ahead: list[list[float]]
    behind: list[list[float]]


def _best_without(scores: Scores, i: int, j: int, same_text: list[bool]) -> float:
    """The best alignment score in which English block i is not paired with translated block j
    (nor with a translated block of the same text, which would import the same words)."""
    ahead, behind, row = scores.ahead, scores.behind, scores.score[i]
    best = max(ahead[i][k] + behind[i + 1][k] for k in range(len(row) + 1))
    for k, s in enumerate(row):
        if s is not None and not same_text[k]:
            best = max(best, ahead[i][k] + s + behind[i + 1][k + 1])
    return best


def _swap_loss(scores: Scores, a: tuple[int, int], b: tuple[int, int]) -> float:
    """How much better the pairs a and b score than the same blocks crossed (inf: cannot cross)."""
    content = scores.content
    crossed_1, crossed_2 = content[a[0]][b[1]], content[b[0]][a[1]]
    kept_1, kept_2 = content[a[0]][a[1]], content[b[0]][b[1]]
    if None in (crossed_1, crossed_2, kept_1, kept_2):
        return float("inf")
    return (kept_1 or 0.0) + (kept_2 or 0.0) - (crossed_1 or 0.0) - (crossed_2 or 0.0)


def _fit_doubts(e: BlockFeatures, t: BlockFeatures, ratio: float) -> list[str]:
    doubts = []
    misfit = length_misfit(e, t, ratio)
    if misfit > MISFIT or (e.sentences != t.sentences and misfit > SENTENCE_MISFIT):
        doubts.append(f"length ratio {length_ratio(e, t):.1f} (expected ~{ratio:.1f})")
    if e.sentences != t.sentences and misfit > SENTENCE_MISFIT:
        doubts.append(f"{e.sentences} sentence(s), translation {t.sentences}")
    if e.numbers and not set(e.numbers) & set(t.numbers):
        doubts.append(f"numbers {' '.join(e.numbers) or '(none)'} vs {' '.join(t.numbers) or '(none)'}")
    return doubts


def pair_doubts(pairs: list[tuple[int, int]], scores: Scores, english: list[BlockFeatures],
                translated: list[BlockFeatures], ratio: float, texts: tuple[list[str], list[str]],
                lines: tuple[list[int], list[int]]) -> list[tuple[str, ...]]:
    """The doubts of each pair, in order (an empty tuple: sure)."""
    total = scores.ahead[-1][-1]
    e_texts, t_texts = texts
    result = []
    for k, (i, j) in enumerate(pairs):
        doubts = _fit_doubts(english[i], translated[j], ratio)
        same = [t == t_texts[j] for t in t_texts]
        if total - _best_without(scores, i, j, same) < MARGIN:
            doubts.append("another pairing fits almost as well")
        for other in (pairs[k - 1] if k else None, pairs[k + 1] if k + 1 < len(pairs) else None):
            if other is None or e_texts[other[0]] == e_texts[i] or t_texts[other[1]] == t_texts[j]:
                continue
            if _swap_loss(scores, (i, j), other) < MARGIN:
                doubts.append(f"may be swapped with English line {lines[0][other[0]]}")
        doubts += _neighbour_doubts(pairs, k, english, translated, lines)
        if doubts and not _shares(english[i], translated[j]):
            doubts.append("no shared anchor")
        result.append(tuple(doubts))
    return result


def _shares(e: BlockFeatures, t: BlockFeatures) -> bool:
    return any(set(getattr(e, name)) & set(getattr(t, name)) for name in ("links", "code", "numbers", "names"))


def _neighbour_doubts(pairs: list[tuple[int, int]], k: int, english: list[BlockFeatures],
                      translated: list[BlockFeatures], lines: tuple[list[int], list[int]]) -> list[str]:
    """A paragraph whose neighbouring paragraph is left unpaired on one side only."""
    i, j = pairs[k]
    if english[i].kind != "paragraph":
        return []
    doubts = []
    before = pairs[k - 1] if k else (-1, -1)
    after = pairs[k + 1] if k + 1 < len(pairs) else (len(english), len(translated))
    for (i0, j0), (i1, j1) in ((before, (i, j)), ((i, j), after)):
        if j1 - j0 == 1:
            alone = [lines[0][x] for x in range(i0 + 1, i1) if english[x].kind == "paragraph"]
            doubts += [f"English line {line} has no translation: merged into this one?" for line in alone]
        elif i1 - i0 == 1:
            alone = [lines[1][x] for x in range(j0 + 1, j1) if translated[x].kind == "paragraph"]
            doubts += [f"translated line {line} pairs with nothing: split from this one?" for line in alone]
    return doubts
