"""Python-format placeholders (`%(name)s`, `%%`): the named values a site string is formatted with.

Every string of the site catalog is formatted with `%` and a dict (Jinja2's new-style gettext,
`build/ui.py`), so a translation must name exactly the msgid's placeholders and write a literal
percent sign as `%%`: anything else raises at render time.
"""

from __future__ import annotations

import re

PYTHON_FORMAT_FLAG = "python-format"
# %(name)[flags][width][.precision]type, or %%
_TOKEN = re.compile(r"%(?:%|\((?P<name>\w+)\)[-#0 +]*(?:\d+)?(?:\.\d+)?[diouxXeEfFgGcrsa])")


def placeholders(text: str) -> list[str] | None:
    """The names of the text's `%(name)s` placeholders, in order; None when a `%` is not part of
    one or of `%%` (the text is not a valid format for a dict)."""
    names = []
    position = 0
    for match in _TOKEN.finditer(text):
        if "%" in text[position:match.start()]:
            return None
        if match.group("name"):
            names.append(match.group("name"))
        position = match.end()
    return None if "%" in text[position:] else names


def placeholder_problem(msgid: str, msgstr: str) -> tuple[str, str] | None:
    """(code, message) when the msgstr cannot be formatted as the msgid is; None when it can."""
    expected, actual = placeholders(msgid), placeholders(msgstr)
    if expected is None:
        return None  # not a format string: nothing to keep
    if actual is None:
        return "placeholder-invalid", "a '%' that is not a placeholder of the msgid: write a literal '%' as '%%'"
    dropped = sorted(set(expected) - set(actual))
    if dropped:
        return "placeholder-dropped", f"placeholder {', '.join(f'%({n})s' for n in dropped)} of the msgid is missing"
    added = sorted(set(actual) - set(expected))
    if added:
        return "placeholder-added", f"placeholder {', '.join(f'%({n})s' for n in added)} is not in the msgid"
    return None
