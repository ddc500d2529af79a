"""Message checks: each msgstr against its msgid, parsed with the MyST markdown-it configuration.

The core, `message_problems(msgid, msgstr, language)`, is pure: it returns `Problem`s that the
registered check places at the msgstr's line in the PO file. A msgstr must keep the msgid's link
destinations, images, footnotes and code spans, its emphasis, and its block shape (one paragraph
stays one paragraph), and must not add anything that changes what the build does: raw HTML,
MyST directives, roles or fences, unsafe URL schemes, a trailing `# noqa`, or more markup than
the build can afford (build_cost.py). The block shape checks are in shape.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

import polib

from ..catalog.lines import po_lines
from ..text.segments import InlineFeatures, inline_features, is_url, reference_links
from .build_cost import markup_problem, nesting_problem
from .findings import ERROR, WARNING, Finding
from .problem import FIX_KEEP, Problem
from .registry import EntriesContext, entry_check
from .shape import block_shape, parsed_block_shape, shape_problems

__all__ = ["FIX_KEEP", "Problem", "block_shape", "message_problems", "parsed_block_shape"]

_UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "file")
_UNSAFE_LINK_TEXT = re.compile(r"(?:\]\(\s*<?|<)\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
_NOQA = re.compile(r"(?<!\\)#\s*noqa\s*$", re.IGNORECASE)  # the pattern Sphinx's i18n transform strips
_WORD = re.compile(r"[^\W\d_]+")
_TARGET_SCRIPT = {
    "zh": re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
}
MAX_MSGSTR_CHARS = 10_000


def _paired_differences(kind: str, expected: Iterable[str], actual: Iterable[str]) -> Iterator[Problem]:
    """Dropped, added and changed items of two multisets (a dropped and an added one in document
    order count as one changed item)."""
    expected, actual = list(expected), list(actual)
    if expected == actual:
        return
    dropped = _surplus(expected, actual)
    added = _surplus(actual, expected)
    for old, new in zip(dropped, added, strict=False):
        yield Problem(ERROR, f"{kind}-changed", f"{kind} {old} became {new}")
    for old in dropped[len(added):]:
        yield Problem(ERROR, f"{kind}-dropped", f"{kind} {old} of the msgid is missing")
    for new in added[len(dropped):]:
        yield Problem(ERROR, f"{kind}-added", f"{kind} {new} is not in the msgid")


def _surplus(items: list[str], other: list[str]) -> list[str]:
    """The items not matched in `other` (as a multiset), in the order they occur."""
    left = Counter(items) - Counter(other)
    surplus = []
    for item in items:
        if left[item] > 0:
            left[item] -= 1
            surplus.append(item)
    return surplus


def _unsafe_urls(feats: InlineFeatures, msgstr: str) -> Iterator[Problem]:
    seen = set()
    for url in feats.links + feats.autolinks + feats.images:
        scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
        if scheme in _UNSAFE_SCHEMES:
            seen.add(scheme)
            yield Problem(ERROR, "unsafe-url", f"{scheme}: destination {url[:60]!r}", "remove the link")
    for match in _UNSAFE_LINK_TEXT.finditer(msgstr):
        scheme = match.group(1).lower()
        if scheme not in seen:
            seen.add(scheme)
            yield Problem(ERROR, "unsafe-url", f"{scheme}: destination in {match.group(0)!r}",
                          "remove the link")


def _is_exempt_from_translation(feats: InlineFeatures) -> bool:
    """Only code, URLs, numbers or names: nothing a translator would change."""
    words = [w for w in feats.text.split() if _WORD.search(w) and not is_url(w)]
    if not words:
        return True
    names = [w for w in words if any(c.isdigit() for c in w) or any(c.isupper() for c in w[1:])]
    if len(names) == len(words):
        return True
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and len(words) > 1


def _leak_problems(msgid: str, msgstr: str, ef: InlineFeatures, tf: InlineFeatures,
                   language: str) -> Iterator[Problem]:
    script = _TARGET_SCRIPT.get(language.split("_")[0])
    same = msgstr == msgid
    no_script = script is not None and not script.search(tf.text)
    if not (same or no_script) or _is_exempt_from_translation(ef):
        return
    if same:
        yield Problem(WARNING, "untranslated", "msgstr is the msgid unchanged (English left in place)",
                      "translate it, or empty the msgstr to fall back to the English openly")
    else:
        yield Problem(WARNING, "no-target-script",
                      f"no character of the {language} script in the visible text", "translate it")


def _emphasis_problems(ef: InlineFeatures, tf: InlineFeatures) -> Iterator[Problem]:
    if ef.emphasis != tf.emphasis:
        yield Problem(WARNING, "emphasis-count", f"{tf.emphasis} emphasis span(s), msgid has {ef.emphasis}")
    if ef.strong != tf.strong:
        yield Problem(WARNING, "strong-count", f"{tf.strong} strong span(s), msgid has {ef.strong}")
    for mark in ("*", "_"):
        if tf.text.count(mark) > ef.text.count(mark):
            yield Problem(WARNING, "unrendered-emphasis",
                          f"'{mark}' left as literal text: the emphasis does not render "
                          "(CommonMark's flanking rules: a delimiter next to CJK punctuation needs a space "
                          "on its other side)",
                          "move the marker inside the punctuation, or add a space outside it")
            break


def _length_problems(msgid: str, msgstr: str) -> Iterator[Problem]:
    if len(msgstr) > MAX_MSGSTR_CHARS and len(msgstr) > 10 * len(msgid):
        yield Problem(ERROR, "msgstr-too-long", f"msgstr has {len(msgstr)} characters, msgid {len(msgid)}",
                      "translate only the msgid")
    elif len(msgstr) > 4 * len(msgid) + 40 or (len(msgid) >= 80 and len(msgstr) < 0.1 * len(msgid)):
        yield Problem(WARNING, "length-ratio", f"msgstr has {len(msgstr)} characters, msgid {len(msgid)}",
                      "check that it translates exactly this msgid")


def _added_references(msgid: str, msgstr: str) -> list[tuple[str, str]]:
    """The msgstr's reference-style links (text, label) that are not the msgid's own brackets."""
    theirs = Counter(label for _, label in reference_links(msgid))
    added = []
    for text, label in reference_links(msgstr):
        if theirs[label] > 0:
            theirs[label] -= 1
        else:
            added.append((text, label))
    return added


def _link_problems(msgid: str, msgstr: str, ef: InlineFeatures, tf: InlineFeatures) -> Iterator[Problem]:
    """Link differences; a dropped link the msgstr wrote as a reference link (`[t][r]`) says why:
    Sphinx parses each msgstr alone, without the document's `[r]: URL` definitions, so the page
    shows `[t][r]` as text (checked in a real build)."""
    if ef.destinations == tf.destinations:
        return
    problems = list(_paired_differences("link", ef.destinations, tf.destinations))
    dropped = any(p.code == "link-dropped" for p in problems)
    references = _added_references(msgid, msgstr) if dropped and "[" in msgstr else []
    for problem in problems:
        if problem.code != "link-dropped" or not references:
            yield problem
            continue
        text, label = references.pop(0)
        url = problem.message.removeprefix("link ").removesuffix(" of the msgid is missing")
        written = f"[{text}]" if label == text.lower() else f"[{text}][{label}]"
        yield Problem(ERROR, "link-dropped", f"{problem.message}: {written} is a reference link, and reference "
                      "links do not resolve inside a translation (Sphinx parses each msgstr alone, without "
                      "the document's definitions): the page shows it as text",
                      f"write the inline link [{text}]({url})")


def message_problems(msgid: str, msgstr: str, language: str = "") -> list[Problem]:
    """Every problem of one translation (an empty msgstr has none: the English is shown)."""
    if not msgstr.strip():  # Sphinx ignores a blank msgstr too: the English is shown
        return []
    flood = markup_problem(msgid, msgstr)
    if flood is not None:  # refused unparsed: parsing it is the cost the bound refuses
        return [flood, *_length_problems(msgid, msgstr)]
    ef, tf = inline_features(msgid), inline_features(msgstr)  # cached, shared with every check
    problems = list(shape_problems(msgid, msgstr))
    reshaped = bool(problems)  # not one inline text any more: its code, emphasis and words mislead
    problems += _unsafe_urls(tf, msgstr)
    problems += _link_problems(msgid, msgstr, ef, tf)
    problems += _paired_differences("image", ef.images, tf.images)
    problems += _paired_differences("footnote", ef.footnotes, tf.footnotes)
    if not reshaped:
        problems += _paired_differences("code", ef.code, tf.code)
    for html in (Counter(tf.html) - Counter(ef.html)).elements() if tf.html != ef.html else ():
        problems.append(Problem(ERROR, "raw-html", f"raw HTML {html[:60]!r} is not in the msgid",
                                "remove it"))
    for role in (Counter(tf.roles) - Counter(ef.roles)).elements() if tf.roles != ef.roles else ():
        problems.append(Problem(ERROR, "myst-role", f"MyST role {{{role}}} is not in the msgid", "remove it"))
    if _NOQA.search(msgstr) and not _NOQA.search(msgid):
        problems.append(Problem(ERROR, "noqa", "trailing '# noqa' silences Sphinx's reference checks",
                                "remove it (or write '\\# noqa' for literal text)"))
    problems += filter(None, [nesting_problem(ef, tf)])
    if not reshaped:
        problems += _emphasis_problems(ef, tf)
        problems += _leak_problems(msgid, msgstr, ef, tf, language)
    problems += _length_problems(msgid, msgstr)
    return problems


def _translations(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    if entry.msgid_plural:
        for index, text in sorted(entry.msgstr_plural.items()):
            yield (entry.msgid if int(index) == 0 else entry.msgid_plural), text
    else:
        yield entry.msgid, entry.msgstr


@entry_check("messages")
def check_messages(context: EntriesContext) -> Iterator[Finding]:
    for entry in context.entries:
        if entry.obsolete or not entry.msgid:
            continue
        problems = [p for msgid, msgstr in _translations(entry)
                    for p in message_problems(msgid, msgstr, context.language)]
        if not problems:
            continue
        line = po_lines(context.path).msgstr_line(entry.linenum)  # scanned at the first finding only
        fuzzy = "fuzzy" in entry.flags
        for problem in problems:
            severity, text = problem.severity, problem.message
            if fuzzy and severity == ERROR:  # fuzzy entries are not built: a warning until reviewed
                severity, text = WARNING, f"{text} (fuzzy entry, not built)"
            fix = f"{problem.fix}, then run `make check`"
            yield Finding(context.display_path, line, severity, problem.code, text, fix)
