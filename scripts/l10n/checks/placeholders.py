"""The placeholders check: an entry flagged `python-format` (every entry of the site catalog,
`catalog/site_strings.py`) must keep the msgid's `%(name)s` placeholders and write a literal
percent sign as `%%`, as `msgfmt -c` checks a C or Python format. A dropped, added or broken
placeholder is an error: the string is formatted with `%` when a page is rendered. An entry
check, not a message rule: it reads the entry's flags, and it cannot be switched off.

The theme-markup check: a site catalog entry whose msgid holds HTML tags (a few of furo's words,
`catalog/theme_strings.py`) keeps them exactly, in order; the build escapes everything else
(`text/markup.py`) and shows the English for a translation that does not keep them: a warning.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog.lines import po_lines
from ..config import SITE_CATALOG
from ..text.markup import markup_problem
from ..text.placeholders import PYTHON_FORMAT_FLAG, placeholder_problem
from .findings import ERROR, WARNING, Finding
from .registry import EntriesContext, entry_check


@entry_check("placeholders")
def check_placeholders(context: EntriesContext) -> Iterator[Finding]:
    for entry in context.entries:
        if entry.obsolete or not entry.msgid or not entry.msgstr or PYTHON_FORMAT_FLAG not in entry.flags:
            continue
        problem = placeholder_problem(entry.msgid, entry.msgstr)
        if problem is None:
            continue
        code, message = problem
        severity = ERROR
        if "fuzzy" in entry.flags:  # fuzzy entries are not compiled: a warning until reviewed
            severity, message = WARNING, f"{message} (fuzzy entry, not built)"
        line = po_lines(context.path).msgstr_line(entry.linenum)
        yield Finding(context.display_path, line, severity, code, message,
                      "keep every %(name)s of the msgid exactly, write a literal % as %%, then run `make check`")


@entry_check("theme-markup")
def check_theme_markup(context: EntriesContext) -> Iterator[Finding]:
    if context.path.name != f"{SITE_CATALOG}.po":
        return
    for entry in context.entries:
        if entry.obsolete or not entry.msgid or not entry.msgstr:
            continue
        problem = markup_problem(entry.msgid, entry.msgstr)
        if problem is not None:
            line = po_lines(context.path).msgstr_line(entry.linenum)
            yield Finding(context.display_path, line, WARNING, *problem,
                          "copy each tag of the msgid into the msgstr unchanged, then run `make check`")
