"""The one place PO files are read and written.

Reading goes through polib, guarded by a size limit and a lexical check of every line (polib
silently drops an unterminated string); errors name file and line. Writing renders with one
normalization (no wrapping, so a URL is never split; obsolete entries last) and replaces the
file atomically, only when its bytes change.
"""

from __future__ import annotations

import gc
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import polib

from ..errors import L10nError
from ..locales import plural_forms, validate_language

MAX_PO_BYTES = 4_000_000
WRAP_WIDTH = 0  # never wrap: translators' editors wrap for display, git diffs stay one line per field

_KEYWORD = re.compile(r'^(#~\s*)?(#\|\s*)?(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+"')
_STRING = re.compile(r'^(#~\s*)?(#\|\s*)?"')
_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


class CatalogReadError(L10nError):
    """A catalog that cannot be read; `code` names the problem for `make check` findings."""

    def __init__(self, code: str, path: str | Path, message: str, fix: str = "", line: int | None = None):
        self.code = code
        super().__init__(path, message, fix, line)


def declared_charset(raw: bytes) -> tuple[str, int] | None:
    """The charset the header's Content-Type declares, and its line; None without one."""
    header_end = raw.find(b"\n\n")
    header = raw if header_end < 0 else raw[:header_end]
    match = _CHARSET.search(header)
    if match is None:
        return None
    return match.group(1).decode("ascii"), header[: match.start()].count(b"\n") + 1


def lint_po_text(text: str) -> Iterator[tuple[int, str]]:
    """(line, problem) for lines polib would misread or drop without an error."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or (stripped[0] == "#" and not stripped.startswith(("#~", "#|"))):
            continue
        if not (stripped[0] == '"' or _KEYWORD.match(stripped) or _STRING.match(stripped)):
            if not stripped.startswith(("#|", "#~")):  # previous msgids, obsolete comments ("#~ #, fuzzy")
                yield number, f"unexpected text {stripped[:40]!r}"
            continue
        if not _is_closed(stripped, stripped.index('"')):
            yield number, "unterminated string"


def _is_closed(line: str, start: int) -> bool:
    """Whether the string opening at line[start] ends the line with an unescaped closing quote."""
    if len(line) - start < 2 or line[-1] != '"':
        return False
    if line[-2] != "\\":  # the common case, without copying the string
        return True
    backslashes = len(line) - 1 - len(line[start + 1:-1].rstrip("\\")) - start - 1
    return backslashes % 2 == 0


def read_po(path: str | Path, max_bytes: int = MAX_PO_BYTES) -> polib.POFile:
    """Read a PO or POT file; raise L10nError naming file and line on any problem."""
    return parse_po_text(read_po_text(path, max_bytes), path)


def read_po_text(path: str | Path, max_bytes: int = MAX_PO_BYTES) -> str:
    """A PO file's text, if it is within the size limit and UTF-8 (CatalogReadError if not)."""
    path = Path(path)
    if not path.is_file():
        raise L10nError(path, "file not found", "run `make update` to create it, or check the path")
    size = path.stat().st_size
    if size > max_bytes:
        raise CatalogReadError("catalog-too-large", path,
                               f"file is {size} bytes, over the {max_bytes}-byte limit",
                               "split the document or raise max_po_bytes in [tool.l10n]", 1)
    raw = path.read_bytes()
    charset = declared_charset(raw)  # "CHARSET" is the template placeholder; `make check` flags it in a PO
    if charset is not None and charset[0].lower().replace("_", "-") not in ("utf-8", "utf8", "charset"):
        raise CatalogReadError("charset-not-utf8", path,
                               f"charset {charset[0]} declared; catalogs must be UTF-8",
                               "convert with `msgconv -t UTF-8` and declare charset=UTF-8", charset[1])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogReadError("invalid-utf8", path, f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                               "save the file as UTF-8", line) from None


def parse_po_text(text: str, path: str | Path, first_line: int = 1,
                  klass: type[polib.POFile] = polib.POFile) -> polib.POFile:
    """Parse PO text that starts on line `first_line` of the file at `path` (a piece of the file
    starts further down): every line checked, then polib; lines in errors and every entry's
    `linenum` are the file's."""
    offset = first_line - 1
    if not offset:
        text = text.removeprefix("\ufeff")  # a BOM, as Windows editors may write
    for line, problem in lint_po_text(text):
        raise CatalogReadError("po-syntax", path, f"PO syntax error: {problem}",
                               "fix the quoting on that line", line + offset)
    collecting = gc.isenabled()
    gc.disable()  # polib's entries hold no cycles: collector passes over the growing catalog only cost time
    try:
        catalog = polib.pofile(text, wrapwidth=WRAP_WIDTH, check_for_duplicates=False, klass=klass)
    except (OSError, ValueError) as exc:
        match = _SYNTAX_LINE.search(str(exc))
        error_line = int(match.group(1)) + offset if match else None
        raise CatalogReadError("po-syntax", path, "PO syntax error", "fix the entry on that line",
                               error_line) from None
    finally:
        if collecting:
            gc.enable()
    if offset:
        for entry in catalog:
            # polib starts the first entry before it reads a line (linenum 0): it starts on line 1
            entry.linenum = (entry.linenum or 1) + offset
    return catalog


def render_po(po: polib.POFile) -> str:
    """The normalized text of a catalog: what every writer in the pipeline produces. Pure: the
    catalog is not changed (obsolete entries go last in the text, not in the object)."""
    entries = list(po)
    ordered = sorted(entries, key=lambda entry: entry.obsolete)  # stable: active, then obsolete
    view = po
    if po.wrapwidth != WRAP_WIDTH or any(a is not b for a, b in zip(entries, ordered, strict=True)):
        view = polib.POFile(wrapwidth=WRAP_WIDTH, encoding=po.encoding, check_for_duplicates=False)
        view.header, view.metadata, view.metadata_is_fuzzy = po.header, po.metadata, po.metadata_is_fuzzy
        view.extend(ordered)
    text = str(view)
    return text if text.endswith("\n") else text + "\n"


def write_po(path: str | Path, po: polib.POFile) -> bool:
    """Write atomically (temp file + rename in the same directory); return True if bytes changed."""
    path = Path(path)
    data = render_po(po).encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return True


def standard_metadata(language: str, project_name: str, translator: str = "",
                      team: str = "", revision_date: str = "") -> dict[str, str]:
    """The header every catalog of this project carries (Poedit reads all of these)."""
    validate_language(language)
    return {
        "Project-Id-Version": project_name,
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": revision_date or now_stamp(),
        "Last-Translator": translator or "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": team or f"{language} translators",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language),
    }


def new_catalog(language: str, project_name: str, **metadata: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.metadata = standard_metadata(language, project_name, **metadata)
    po.header = (f"{language} translation of {project_name}.\n"
                 "This file is distributed under the same license as the original (CC BY-SA 4.0).")
    return po


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M+0000")


def set_previous(entry: polib.POEntry, previous_msgid: str | None) -> None:
    entry.previous_msgid = previous_msgid
    entry.previous_msgctxt = None
    entry.previous_msgid_plural = None


def clear_fuzzy(entry: polib.POEntry) -> None:
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    set_previous(entry, None)


def mark_fuzzy(entry: polib.POEntry, previous_msgid: str | None = None) -> None:
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    if previous_msgid is not None and previous_msgid != entry.msgid:
        set_previous(entry, previous_msgid)


def add_comment(entry: polib.POEntry, comment: str) -> None:
    """Append a translator comment once."""
    lines = entry.tcomment.splitlines() if entry.tcomment else []
    if comment not in lines:
        lines.append(comment)
    entry.tcomment = "\n".join(lines)
