"""Benchmark: the Chinese search words of rjieba (what the build uses) against jieba's.

Sphinx's Chinese search (sphinx.search.zh) segments with jieba when it is installed. The build
uses rjieba instead (jieba-rs: jieba's dictionary and algorithm, in Rust; a 3.6 MB wheel, where
jieba 0.42.1 is a source distribution that installs 37 MB), through
`l10n.build.sphinx_ext.chinese_search_language`. This script takes every translated entry of every
Chinese catalog under locale/ (and the paragraphs of any Markdown files given), as the text a
reader sees (markdown-it-py: link targets are not text), and, in one run:

- compares the words each one puts in the search index (split, stemmed, filtered, as Sphinx's
  index builder does), Chinese words and Latin ones apart: the texts whose words differ, and the
  words found by one only (the Latin ones come from Sphinx's own pattern in the build, where
  jieba also cuts inside them);
- times each: the first text (the dictionary loads) and all the texts, best of N, as a ratio.

    .venv/bin/python benchmarks/bench_search.py [--repeat 5] [FILE.md ...]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

import polib
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench_check import best_of  # noqa: E402 (one way to take the best of N runs)

from l10n.build.sphinx_ext import chinese_search_language  # noqa: E402


def texts(markdown: list[Path]) -> list[str]:
    found = [entry.msgstr for path in sorted((ROOT / "locale").glob("zh*/LC_MESSAGES/*.po"))
             for entry in polib.pofile(str(path)) if entry.msgstr and not entry.obsolete]
    found += [paragraph for path in markdown for paragraph in path.read_text(encoding="utf-8").split("\n\n")]
    return [shown for shown in map(shown_text, found) if shown.strip()]


def shown_text(markdown: str) -> str:
    parser = MarkdownIt()
    return " ".join(child.content for token in parser.parseInline(markdown) for child in token.children or []
                    if child.type in ("text", "code_inline"))


def is_chinese(word: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in word)


def index_words(language: object, text: str) -> set[str]:
    words = set()
    for word in language.split(text):  # type: ignore[attr-defined]
        stemmed = language.stem(word)  # type: ignore[attr-defined]
        if language.word_filter(stemmed) and stemmed not in language.stopwords:  # type: ignore[attr-defined]
            words.add(stemmed)
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("markdown", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    import jieba
    from sphinx.search.zh import SearchChinese

    jieba.setLogLevel(logging.WARNING)
    corpus = texts(args.markdown)
    start = time.perf_counter()
    ours = chinese_search_language()({})
    ours.split(corpus[0])
    ours_first = time.perf_counter() - start
    start = time.perf_counter()
    theirs = SearchChinese({})
    theirs.split(corpus[0])
    theirs_first = time.perf_counter() - start
    differ = [(text, index_words(ours, text) ^ index_words(theirs, text)) for text in corpus]
    differ = [(text, words) for text, words in differ if words]
    chinese = [(text, words) for text, words in differ if any(map(is_chinese, words))]
    ours_all = best_of(args.repeat, lambda: [ours.split(text) for text in corpus])
    theirs_all = best_of(args.repeat, lambda: [theirs.split(text) for text in corpus])
    words = set().union(*(index_words(theirs, text) for text in corpus))
    print(f"{len(corpus)} texts, {len(words)} distinct index words (jieba)")
    print(f"texts whose Chinese index words differ: {len(chinese)}; Latin ones: {len(differ) - len(chinese)}")
    for text, found in differ[:10]:
        print(f"  {sorted(found)[:8]}  in  {text[:60]!r}")
    print(f"first text (dictionary load): rjieba {ours_first:.3f} s, jieba {theirs_first:.3f} s "
          f"({ours_first / theirs_first:.2f}x)")
    print(f"all texts, best of {args.repeat}: rjieba {ours_all:.3f} s, jieba {theirs_all:.3f} s "
          f"({ours_all / theirs_all:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
