"""The few interface strings the site adds (switcher label, fallback banner), per language.

A language without its own strings gets the English ones, marked lang="en" like any fallback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UiStrings:
    lang: str  # the language these strings are written in
    switcher: str
    # {untranslated}: passages not yet translated; {changed}: English changed since translated
    fallback: str
    read_english: str
    below_threshold: str  # {percent}, {threshold}


ENGLISH = UiStrings(
    lang="en",
    switcher="Language",
    fallback="Some passages are shown in English: {untranslated} not yet translated, "
             "{changed} changed in the English since they were translated.",
    read_english="Read the English original",
    below_threshold="This translation is {percent:.0f}% complete, "
                    "below the {threshold:.0f}% publishing threshold.",
)

STRINGS = {
    "en": ENGLISH,
    "zh_CN": UiStrings(
        lang="zh_CN",
        switcher="语言",
        fallback="部分段落以英文显示：{untranslated} 段尚未翻译，{changed} 段的英文原文在翻译后有改动。",
        read_english="阅读英文原文",
        below_threshold="本译文完成度为 {percent:.0f}%，低于 {threshold:.0f}% 的发布门槛。",
    ),
    "zh_TW": UiStrings(
        lang="zh_TW",
        switcher="語言",
        fallback="部分段落以英文顯示：{untranslated} 段尚未翻譯，{changed} 段的英文原文在翻譯後有更動。",
        read_english="閱讀英文原文",
        below_threshold="本譯文完成度為 {percent:.0f}%，低於 {threshold:.0f}% 的發布門檻。",
    ),
    "ja": UiStrings(
        lang="ja",
        switcher="言語",
        fallback="一部の段落を英語で表示しています：未翻訳 {untranslated} 件、"
                 "翻訳後に英語の原文が変更されたもの {changed} 件。",
        read_english="英語の原文を読む",
        below_threshold="この翻訳の完成度は {percent:.0f}% で、"
                        "公開基準の {threshold:.0f}% を下回っています。",
    ),
}


def ui_strings(language: str) -> UiStrings:
    return STRINGS.get(language, ENGLISH)
