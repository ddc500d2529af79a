"""Message checks: each msgstr against its msgid, parsed with the MyST markdown-it configuration.

The core, `message_problems(msgid, msgstr, language)`, is pure: it returns `Problem`s that the
registered check places at the msgstr's line in the PO file. It is a table of message rules
(`@message_rule`, registry.py), run in the order below, each a function over one `Message` that
lists every code it can emit: `message_problems(..., rules=["links"])` or `run_rule("links", ...)`
runs some alone, `disabled=` leaves codes out (`[tool.l10n.checks] disabled_codes`). A msgstr must
keep the msgid's link destinations, images, footnotes and code spans (the one anchors diff,
text/anchors.py), its emphasis, and its block shape (one paragraph stays one paragraph, shape.py),
and must not add anything that changes what the build does: raw HTML, MyST directives, roles or
fences, unsafe URL schemes, a trailing `# noqa`, or more markup than the build can afford
(build_cost.py). Those codes are protected: the gate relies on them, so they cannot be switched off.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator

import polib

from ..catalog.lines import po_lines
from ..config import SITE_CATALOG
from ..text.anchors import CHANGES, differences, inline_anchors
from ..text.references import reference_links
from ..text.segments import InlineFeatures, inline_features, link_skeleton
from .build_cost import markup_problem, nesting_problem
from .findings import ERROR, WARNING, Finding
from .problem import FIX_KEEP, Problem
from .registry import EntriesContext, disabled_rule, entry_check, message_rule, selected_message_rules
from .shape import SHAPE_CODES, block_shape, parsed_block_shape, shape_problems

__all__ = ["FIX_KEEP", "Message", "Problem", "block_shape", "message_problems", "parsed_block_shape", "run_rule"]

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


class Message:
    """One translation being checked, with what the rules read: the markup bound's verdict, and
    unless it refuses the msgstr unparsed, both texts' inline features and the block shape
    problems (all cached: a rule run alone costs no more)."""

    __slots__ = ("ef", "flood", "language", "msgid", "msgstr", "reshaped", "shape", "tf")

    def __init__(self, msgid: str, msgstr: str, language: str = "") -> None:
        self.msgid, self.msgstr, self.language = msgid, msgstr, language
        self.flood: Problem | None = markup_problem(msgid, msgstr)  # refused: parsing it is the cost
        parse = self.flood is None
        self.ef = inline_features(msgid) if parse else _UNPARSED
        self.tf = inline_features(msgstr) if parse else _UNPARSED
        self.shape: list[Problem] = list(shape_problems(msgid, msgstr)) if parse else []
        self.reshaped = bool(self.shape)  # not one inline text any more: its code, emphasis, words mislead


_UNPARSED = InlineFeatures()  # what a rule that parses would see of a refused msgstr (it is not run)


def _kind_codes(kind: str) -> tuple[str, ...]:
    return tuple(f"{kind}-{change}" for change in CHANGES)


def _anchor_problems(kind: str, m: Message) -> list[Problem]:
    """The msgstr's changed, dropped and added anchors of one kind (text/anchors.py)."""
    expected, actual = inline_anchors(m.ef, kind), inline_anchors(m.tf, kind)
    if expected == actual:
        return []
    return [Problem(ERROR, diff.code, diff.describe("msgid")) for diff in differences(kind, expected, actual)]


def _is_exempt_from_translation(msgid: str) -> bool:
    """Only code, URLs, numbers or names: nothing a translator would change."""
    words = [w for w in link_skeleton(msgid).prose.split() if _WORD.search(w)]
    if not words:
        return True
    names = [w for w in words if any(c.isdigit() for c in w) or any(c.isupper() for c in w[1:])]
    if len(names) == len(words):
        return True
    return len(words) <= 3 and all(w[:1].isupper() for w in words) and len(words) > 1


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


# The rules, in the order they run. A rule that parses is skipped for a msgstr whose markup
# count is refused (markup-count): the parse is the cost the bound refuses.
@message_rule("markup-count", ["markup-count"], protected=["markup-count"], parses=False)
def _markup_count(m: Message) -> Iterable[Problem]:
    return [m.flood] if m.flood is not None else []


@message_rule("shape", SHAPE_CODES, protected=SHAPE_CODES)
def _shape(m: Message) -> Iterable[Problem]:
    return m.shape


@message_rule("unsafe-url", ["unsafe-url"], protected=["unsafe-url"])
def _unsafe_urls(m: Message) -> Iterator[Problem]:
    seen = set()
    for url in m.tf.links + m.tf.autolinks + m.tf.images:
        scheme = url.split(":", 1)[0].strip().lower() if ":" in url else ""
        if scheme in _UNSAFE_SCHEMES:
            seen.add(scheme)
            yield Problem(ERROR, "unsafe-url", f"{scheme}: destination {url[:60]!r}", "remove the link")
    for match in _UNSAFE_LINK_TEXT.finditer(m.msgstr):
        scheme = match.group(1).lower()
        if scheme not in seen:
            seen.add(scheme)
            yield Problem(ERROR, "unsafe-url", f"{scheme}: destination in {match.group(0)!r}",
                          "remove the link")


@message_rule("links", _kind_codes("link"))
def _links(m: Message) -> Iterator[Problem]:
    """Link differences; a dropped link the msgstr wrote as a reference link (`[t][r]`) says why:
    Sphinx parses each msgstr alone, without the document's `[r]: URL` definitions, so the page
    shows `[t][r]` as text (checked in a real build)."""
    if m.ef.destinations == m.tf.destinations:
        return
    found = differences("link", m.ef.destinations, m.tf.destinations)
    dropped = any(diff.change == "dropped" for diff in found)
    references = _added_references(m.msgid, m.msgstr) if dropped and "[" in m.msgstr else []
    for diff in found:
        if diff.change != "dropped" or not references:
            yield Problem(ERROR, diff.code, diff.describe("msgid"))
            continue
        text, label = references.pop(0)
        written = f"[{text}]" if label == text.lower() else f"[{text}][{label}]"
        yield Problem(ERROR, "link-dropped", f"{diff.describe('msgid')}: {written} is a reference link, and "
                      "reference links do not resolve inside a translation (Sphinx parses each msgstr alone, "
                      "without the document's definitions): the page shows it as text",
                      f"write the inline link [{text}]({diff.old})")


# an image source can copy any file into the site: a changed or added one is never let through
@message_rule("images", _kind_codes("image"), protected=["image-changed", "image-added"])
def _images(m: Message) -> Iterable[Problem]:
    return _anchor_problems("image", m)


@message_rule("footnotes", _kind_codes("footnote"))
def _footnotes(m: Message) -> Iterable[Problem]:
    return _anchor_problems("footnote", m)


@message_rule("code", _kind_codes("code"))
def _code(m: Message) -> Iterable[Problem]:
    return [] if m.reshaped else _anchor_problems("code", m)


@message_rule("raw-html", ["raw-html"], protected=["raw-html"])
def _raw_html(m: Message) -> Iterable[Problem]:
    added = (Counter(m.tf.html) - Counter(m.ef.html)).elements() if m.tf.html != m.ef.html else ()
    return [Problem(ERROR, "raw-html", f"raw HTML {html[:60]!r} is not in the msgid", "remove it") for html in added]


@message_rule("myst-role", ["myst-role"], protected=["myst-role"])
def _myst_role(m: Message) -> Iterable[Problem]:
    added = (Counter(m.tf.roles) - Counter(m.ef.roles)).elements() if m.tf.roles != m.ef.roles else ()
    return [Problem(ERROR, "myst-role", f"MyST role {{{role}}} is not in the msgid", "remove it") for role in added]


@message_rule("noqa", ["noqa"], protected=["noqa"])
def _noqa(m: Message) -> Iterator[Problem]:
    if _NOQA.search(m.msgstr) and not _NOQA.search(m.msgid):
        yield Problem(ERROR, "noqa", "trailing '# noqa' silences Sphinx's reference checks",
                      "remove it (or write '\\# noqa' for literal text)")


@message_rule("markup-nesting", ["markup-nesting"], protected=["markup-nesting"])
def _markup_nesting(m: Message) -> Iterable[Problem]:
    problem = nesting_problem(m.ef, m.tf)
    return [problem] if problem is not None else []


@message_rule("emphasis", ["emphasis-count", "strong-count", "unrendered-emphasis"])
def _emphasis(m: Message) -> Iterator[Problem]:
    ef, tf = m.ef, m.tf
    if m.reshaped:
        return
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


@message_rule("translated", ["untranslated", "no-target-script"])
def _translated(m: Message) -> Iterator[Problem]:
    script = _TARGET_SCRIPT.get(m.language.split("_")[0])
    same = m.msgstr == m.msgid
    no_script = script is not None and not script.search(m.tf.text)
    if m.reshaped or not (same or no_script) or _is_exempt_from_translation(m.msgid):
        return
    if same:
        yield Problem(WARNING, "untranslated", "msgstr is the msgid unchanged (English left in place)",
                      "translate it, or empty the msgstr to fall back to the English openly")
    else:
        yield Problem(WARNING, "no-target-script",
                      f"no character of the {m.language} script in the visible text", "translate it")


@message_rule("length", ["msgstr-too-long", "length-ratio"], parses=False)
def _length(m: Message) -> Iterator[Problem]:
    msgid, msgstr = m.msgid, m.msgstr
    if len(msgstr) > MAX_MSGSTR_CHARS and len(msgstr) > 10 * len(msgid):
        yield Problem(ERROR, "msgstr-too-long", f"msgstr has {len(msgstr)} characters, msgid {len(msgid)}",
                      "translate only the msgid")
    elif len(msgstr) > 4 * len(msgid) + 40 or (len(msgid) >= 80 and len(msgstr) < 0.1 * len(msgid)):
        yield Problem(WARNING, "length-ratio", f"msgstr has {len(msgstr)} characters, msgid {len(msgid)}",
                      "check that it translates exactly this msgid")


from . import numbers as _numbers  # noqa: E402, F401  (registers the `numbers` rule, after these)
from . import typography as _typography  # noqa: E402, F401  (the `typography` rule and cjk-latin-space)


def message_problems(msgid: str, msgstr: str, language: str = "", rules: Iterable[str] | None = None,
                     disabled: Collection[str] = ()) -> list[Problem]:
    """Every problem of one translation (an empty msgstr has none: the English is shown), from
    every rule or the named `rules`, in the rules' order, without the `disabled` codes."""
    if not msgstr.strip():  # Sphinx ignores a blank msgstr too: the English is shown
        return []
    message = Message(msgid, msgstr, language)
    problems: list[Problem] = []
    refused = message.flood is not None
    for rule in selected_message_rules(rules):
        if refused and rule.parses:
            continue
        if not disabled:
            problems += rule.run(message)
        elif not disabled_rule(rule, disabled):
            problems += (problem for problem in rule.run(message) if problem.code not in disabled)
    return problems


def run_rule(name: str, msgid: str, msgstr: str, language: str = "") -> list[Problem]:
    """One rule alone (`message_problems` with `rules=[name]`)."""
    return message_problems(msgid, msgstr, language, rules=[name])


def _translations(entry: polib.POEntry) -> Iterator[tuple[str, str]]:
    if entry.msgid_plural:
        for index, text in sorted(entry.msgstr_plural.items()):
            yield (entry.msgid if int(index) == 0 else entry.msgid_plural), text
    else:
        yield entry.msgid, entry.msgstr


@entry_check("messages")
def check_messages(context: EntriesContext) -> Iterator[Finding]:
    if context.path.name == f"{SITE_CATALOG}.po":
        return  # the site's own words are not Markdown: the pages escape them (checks/placeholders.py)
    disabled = context.config.checks.disabled_codes
    for entry in context.entries:
        if entry.obsolete or not entry.msgid:
            continue
        problems = [p for msgid, msgstr in _translations(entry)
                    for p in message_problems(msgid, msgstr, context.language, disabled=disabled)]
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
