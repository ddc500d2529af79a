"""Reference-style links of an inline text (`[t][r]`, `[t][]`, `[t]`): what would be a link if the
document defined the label. A msgstr is parsed alone, without the document's `[r]: URL`
definitions, so such a link in a translation shows as text: the link check says so."""

from __future__ import annotations

from .segments import _inline_parser

_REFERENCE = "\0reference:"


class _EveryLabel(dict[str, dict[str, str]]):
    """A reference map in which every label is defined (the document's own is not known here)."""

    def get(self, key: str, default: object = None) -> dict[str, str]:
        return {"href": _REFERENCE + key.lower(), "title": ""}


def reference_links(text: str) -> tuple[tuple[str, str], ...]:
    """The (link text, label) of each reference-style link of a text (`[t][r]`, `[t][]`, `[t]`):
    what would be a link if the document defined the label."""
    if "[" not in text:
        return ()
    found: list[tuple[str, str]] = []
    label = ""
    words: list[str] = []
    for parent in _inline_parser().parseInline(text, {"references": _EveryLabel()}):
        for child in parent.children or []:
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            if href.startswith(_REFERENCE):
                label, words = href.removeprefix(_REFERENCE), []
            elif child.type == "link_close" and label:
                found.append(("".join(words), label))
                label = ""
            elif label:
                words.append(child.content)
    return tuple(found)
