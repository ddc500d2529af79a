"""The number check (checks/numbers.py): real errors found in translations, and the forms a
translator may legitimately change accepted."""

from __future__ import annotations

import pytest

from l10n.checks.findings import WARNING
from l10n.checks.message import message_problems, run_rule
from l10n.checks.numbers import NUMBER_CODES, cjk_numerals, number_words, numbers, separators
from l10n.checks.registry import load_message_rules


def _codes(msgid: str, msgstr: str, language: str = "zh_CN") -> list[str]:
    return [p.code for p in run_rule("numbers", msgid, msgstr, language)]


@pytest.mark.parametrize(("msgid", "msgstr", "language", "message"), [
    # errors seen in real translations (issue 14)
    ("Day 4", "第 1 天", "zh_TW", "number 4 of the English is missing; 1 is not in the English"),
    ("(45 minutes)", "(5 分鐘)", "zh_TW", "number 45 of the English is missing; 5 is not in the English"),
    ("4 is even", "44 es par", "es", "number 4 of the English is missing; 44 is not in the English"),
    ("15-25 people", "15 bis 20 Personen", "de", "number 25 of the English is missing; 20 is not in the English"),
    ("It is 8x faster.", "它快 6 倍。", "zh_CN", "number 8 of the English is missing; 6 is not in the English"),
    ("BLOOM-176B was trained on 384 GPUs.", "BLOOM-176B 在 348 个 GPU 上训练。", "zh_CN",
     "number 384 of the English is missing; 348 is not in the English"),
    ("Llama 2 70B", "Llama 2 7B", "ja", "number 70 of the English is missing; 7 is not in the English"),
    ("Released in 2023, v1.2", "发布于 2022 年，v1.2", "zh_CN",
     "number 2023 of the English is missing; 2022 is not in the English"),
    ("3.5 GB per GPU", "3,5 GB pro GPU", "en", "number 3.5 of the English is missing; 3, 5 are not in the English"),
])
def test_a_changed_number_is_one_warning_naming_both(msgid: str, msgstr: str, language: str, message: str) -> None:
    (problem,) = run_rule("numbers", msgid, msgstr, language)
    assert (problem.severity, problem.code, problem.message) == (WARNING, "number-changed", message)
    missing = message.split(" of the English")[0].split(" ", 1)[1]
    added = message.split("; ")[1].rsplit(" ", 5)[0]
    assert problem.fix == f"write {missing} where the translation has {added}"


def test_dropped_and_added_numbers_name_them_as_a_multiset() -> None:
    (dropped,) = run_rule("numbers", "Use 8 GPUs, then 8 more.", "先用 8 个 GPU，再加更多。", "zh_CN")
    assert (dropped.code, dropped.message, dropped.fix) == (
        "number-dropped", "number 8 of the English is missing", "write 8 as in the English")
    (added,) = run_rule("numbers", "Use more GPUs.", "使用 16 或 32 个 GPU。", "zh_CN")
    assert (added.code, added.message) == ("number-added", "numbers 16, 32 are not in the English")
    assert added.fix == "remove 16, 32, or write the English's number"
    (two,) = run_rule("numbers", "from 10 to 20", "von bis", "de")
    assert two.message == "numbers 10, 20 of the English are missing"


@pytest.mark.parametrize(("msgid", "msgstr", "language"), [
    ("9_765_625 steps", "9.765.625 Schritte", "de"),           # grouping: underscores, German dots
    ("9,765,625 steps", "9 765 625 étapes", "fr"),             # French spaces (ASCII, or babel's U+202F)
    ("9,765,625 steps", "9\u202f765\u202f625 étapes", "fr"),
    ("9,765,625 steps", "9'765'625 Schritte", "de_CH"),
    ("1,000 GPUs", "1.000 GPUs", "de"),
    ("1,000 GPUs", "1000 个 GPU", "zh_CN"),
    ("3.5 GB", "3,5 GB", "de"),                                # decimal comma where the language has it
    ("3.5 GB", "3.5 GB", "de"),                                # or the English point kept
    ("2.5 and 1,000", "٢٫٥ و ١٬٠٠٠", "ar"),                    # Arabic-Indic digits and signs
    ("2.5 or 3.0", "۲/۵ یا ۳/۰", "fa"),                        # the slash Persian keyboards type
    ("1,000 GPUs", "１０００ 个 GPU", "zh_CN"),                   # full-width digits
    ("8x faster", "快 8 倍", "zh_CN"),                          # multipliers
    ("8x faster", "8 times faster", "en_GB"),
    ("8x faster", "8× plus rapide", "fr"),
    ("50% faster", "快 ５０％", "zh_CN"),                          # percent signs
    ("50% faster", "50 % plus rapide", "fr"),
    ("15-25 people", "15 à 25 personnes", "fr"),               # ranges
    ("15-25 people", "15～25 人", "ja"),
    ("two GPUs", "2 GPU", "fr"),                               # a number word may become a digit
    ("two GPUs", "deux GPU", "fr"),
    ("in July", "7月に", "ja"),                                 # a month, a weekday, an hour
    ("Saturday", "Thứ 7", "vi"),
    ("6 p.m.", "18:00", "de"),
    ("a second ago", "1 секунду назад", "ru"),
    ("4 GPUs", "四个 GPU", "zh_CN"),                             # a CJK numeral may stand for a digit
    ("12 layers", "十二层", "zh_CN"),
    ("BLOOM-176B and Llama 2 70B", "BLOOM-176B 和 Llama 2 700亿", "zh_CN"),  # scale words
    ("1.5M tokens", "150万个词元", "zh_CN"),
    ("5 million rows", "5 millions de lignes", "fr"),
    ("the 1st run", "第1次运行", "ja"),                          # ordinals
    ("the 1st run", "la 1re exécution", "fr"),
    ("Python 3.11, released 2022-10-24", "Python 3.11，2022 年 10 月 24 日发布", "zh_CN"),
])
def test_what_a_translator_may_change_is_accepted(msgid: str, msgstr: str, language: str) -> None:
    assert _codes(msgid, msgstr, language) == []


@pytest.mark.parametrize(("msgid", "msgstr"), [
    ("See [paper 2](https://arxiv.org/abs/2305.14314).", "见[论文 2](https://arxiv.org/abs/2305.14314)。"),
    ("See <https://example.org/v2/3>.", "见 <https://example.org/v2/3>。"),
    ("Visit https://example.org/2023/ now", "现在访问 https://example.org/2023/"),
    ("Run `torchrun --nproc 8` here.", "在此运行 `torchrun --nproc 8`。"),
    ("Built with %(version)s on %d pages {0} %5.2f", "构建于 %(version)s，%d 页 {0} %5.2f"),
])
def test_destinations_urls_code_and_placeholders_hold_no_numbers(msgid: str, msgstr: str) -> None:
    assert _codes(msgid, msgstr) == []
    broken = msgstr.replace("2305", "2306").replace("v2/3", "v2/4").replace("2023/", "2024/")
    broken = broken.replace("nproc 8", "nproc 4").replace("%5.2f", "%6.1f")
    assert _codes(msgid, broken) == []  # other checks own those (links, code, printf)


def test_a_refused_link_is_left_to_the_unsafe_url_rule() -> None:
    codes = [p.code for p in message_problems("Thank you.", "感谢 [阅读](vbscript:msgbox(1))。", "zh_CN")]
    assert codes == ["unsafe-url"]
    assert _codes("Thank you.", "感谢 1 [阅读](vbscript:msgbox(1)) 。") == ["number-added"]


def test_link_text_counts() -> None:
    assert _codes("See [part 2](https://example.org/p).", "见[第 3 部分](https://example.org/p)。") == \
        ["number-changed"]


def test_a_number_word_only_excuses_a_digit_of_the_msgstr() -> None:
    assert _codes("two GPUs", "3 GPU", "fr") == ["number-added"]
    assert _codes("2 GPUs", "deux GPU", "fr") == ["number-dropped"]  # only where the msgid has the word
    assert _codes("4 GPUs", "一个 GPU") == ["number-dropped"]  # a numeral of another value is no excuse


def test_numbers_read_with_the_language_separators() -> None:
    assert separators("en") == (",٬", ".٫")
    assert "," not in separators("de")[0] and "." in separators("de")[0]
    assert "\u202f" in separators("fr")[0]
    assert separators("nowhere") == (",", ".")
    values = [n.values for n in numbers("1.000 und 1,5 und 9.765.625 und 1.2.3 und 007", "de")]
    assert values == [("1000", "1"), ("1.5",), ("9765625",), ("1.2.3",), ("7",)]
    assert [n.values for n in numbers("1,000 and 1,5 and 2 700 and 1,2,3")] == \
        [("1000", "1"), ("1",), ("5",), ("2",), ("700",), ("1",), ("2",), ("3",)]
    assert [n.values for n in numbers("9 765 625,5 und 1,000.5", "fr")] == [("9765625.5",), ("1000.5",)]
    assert [n.values for n in numbers("70B 和 700亿 和 8 K")] == [("70", "70000000000"), ("700", "70000000000"),
                                                                 ("8", "8000")]


def test_soft_numbers() -> None:
    assert [(n.shown, n.values) for n in number_words("Twice a Dozen on Mon")] == \
        [("Twice", ("2",)), ("a", ("1",)), ("Dozen", ("12",)), ("Mon", ("1", "2", "1"))]
    assert all(n.soft for n in number_words("one"))
    found = cjk_numerals("两个、十二、二十、三十五、二〇二三、九十九个十十")  # 十十 is no numeral
    assert [(n.shown, n.values) for n in found] == [("两", ("2",)), ("十二", ("12",)), ("二十", ("20",)),
                                                    ("三十五", ("35",)), ("二〇二三", ("2023",)), ("九十九", ("99",))]


def test_the_rule_is_registered_after_the_markup_rules_and_can_be_switched_off() -> None:
    rules = load_message_rules()
    assert list(rules)[-2:] == ["numbers", "typography"] and rules["numbers"].codes == NUMBER_CODES
    assert not rules["numbers"].protected
    assert [p.code for p in message_problems("Day 4", "第 1 天", "zh_CN")] == ["number-changed"]
    assert message_problems("Day 4", "第 1 天", "zh_CN", disabled={"number-changed"}) == []
    assert message_problems("Day 4", "", "zh_CN") == []  # an empty msgstr shows the English


def test_a_reshaped_msgstr_is_left_to_the_shape_rule() -> None:
    assert [p.code for p in message_problems("Step 1", "第 2 步\n\n更多", "zh_CN")] == ["blank-line"]
    assert [p.code for p in message_problems("Step 1", "第 2 步", "zh_CN")] == ["number-changed"]
