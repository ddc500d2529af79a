"""The one place PO files are read and written.

Reading goes through polib, guarded by a size limit and a check of every line as the PO line
reader (lines.py) classifies it (polib silently drops an unterminated string); errors name file
and line. A PO line ends at "\n" only (`po_text_lines`). Nothing is read through a symlink.
Writing renders with one normalization (no wrapping, so a URL is never split; obsolete entries
last) and replaces the file atomically, only when its bytes change.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import stat
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import polib

from ..errors import L10nError, os_error
from ..locales import plural_forms, validate_language
from .lines import PoLines, po_text_lines

MAX_PO_BYTES = 4_000_000
WRAP_WIDTH = 0  # never wrap: translators' editors wrap for display, git diffs stay one line per field

_SYNTAX_LINE = re.compile(r"\(line (\d+)\)")
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_BARE_MARK = re.compile(r"^(\s*#[,.:|])(?=\S)")  # "#,fuzzy": gettext reads it as "#, fuzzy", polib not


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


def read_po(path: str | Path, max_bytes: int = MAX_PO_BYTES) -> polib.POFile:
    """Read a PO or POT file; raise L10nError naming file and line on any problem."""
    return parse_po_text(read_po_text(path, max_bytes), path)


def read_po_text(path: str | Path, max_bytes: int = MAX_PO_BYTES) -> str:
    """A PO file's text, if it is a regular file (never read through a symlink), within the size
    limit, UTF-8 and not empty (CatalogReadError if not)."""
    path = Path(path)
    raw = _read_file(path, max_bytes)
    charset = declared_charset(raw)  # "CHARSET" is the template placeholder; `make check` flags it in a PO
    if charset is not None and charset[0].lower().replace("_", "-") not in ("utf-8", "utf8", "charset"):
        raise CatalogReadError("charset-not-utf8", path,
                               f"charset {charset[0]} declared; catalogs must be UTF-8",
                               "convert with `msgconv -t UTF-8` and declare charset=UTF-8", charset[1])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CatalogReadError("invalid-utf8", path, f"invalid UTF-8 byte 0x{raw[exc.start]:02x}",
                               "save the file as UTF-8", line) from None
    if not text.removeprefix("\ufeff").strip():
        language = path.parent.parent.name if path.parent.name == "LC_MESSAGES" else "xx"
        remedy = "run `make gettext`" if path.suffix == ".pot" else f"run `make update LANGUAGE={language}`"
        raise CatalogReadError("empty-catalog", path, "empty catalog: the file has no header and no entries",
                               f"delete it and {remedy}")
    return text


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, opened without following a symlink: refused in
    the open itself (O_NOFOLLOW), so nothing can swap one in between a check and the read."""
    try:  # O_NONBLOCK: a FIFO put there does not hang the open (it is refused below)
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise L10nError(path, "file not found", "run `make update` to create it, or check the path") from None
    except OSError as exc:
        if path.is_symlink():  # O_NOFOLLOW's ELOOP; nothing of the target is read or quoted
            raise CatalogReadError("symlink", path, "the catalog is a symlink: catalogs are never read through one",
                                   "replace it with the file itself") from None
        raise os_error(exc, path, "read") from None
    raw = b""
    try:  # fstat first: a directory opens, and os.fdopen raises on it
        info = os.fstat(fd)
        regular = stat.S_ISREG(info.st_mode)
        if regular and info.st_size <= max_bytes:  # to one byte over the limit: it may grow meanwhile
            with open(fd, "rb", closefd=False) as handle:
                raw = handle.read(max_bytes + 1)
    finally:
        os.close(fd)
    if not regular:
        what = "a directory" if stat.S_ISDIR(info.st_mode) else "a special file"
        raise CatalogReadError("not-a-file", path, f"{what} stands where the catalog file should be",
                               f"remove {what.replace('a ', 'the ', 1)} there and run `make update`")
    if info.st_size > max_bytes or len(raw) > max_bytes:
        raise CatalogReadError("catalog-too-large", path,
                               f"file is {max(info.st_size, len(raw))} bytes, over the {max_bytes}-byte limit",
                               "split the document or raise max_po_bytes in [tool.l10n]", 1)
    return raw


class _PolibLines(str):
    """Text polib parses as the given lines: it splits a string with `str.splitlines()`, at U+2028
    too. Its own value is empty, so polib never takes it for a file name and opens that."""

    lines: list[str]

    def splitlines(self, keepends: bool = False) -> list[str]:
        return self.lines


def parse_po_text(text: str, path: str | Path, first_line: int = 1,
                  klass: type[polib.POFile] = polib.POFile) -> polib.POFile:
    """Parse PO text that starts on line `first_line` of the file at `path` (a piece of the file
    starts further down): every line checked, then polib; lines in errors and every entry's
    `linenum` are the file's."""
    offset = first_line - 1
    if not offset:
        text = text.removeprefix("\ufeff")  # a BOM, as Windows editors may write
    lines = po_text_lines(text)
    for line, problem in PoLines.of(lines).syntax_problems():
        raise CatalogReadError("po-syntax", path, f"PO syntax error: {problem}",
                               "fix the quoting on that line", line + offset)
    source = _PolibLines()  # a mark without its space ("#,fuzzy") spaced: gettext reads it, polib refuses it
    source.lines = [_BARE_MARK.sub(r"\1 ", line, count=1) if line[:1] == "#" or line[:1].isspace() else line
                    for line in lines]
    collecting = gc.isenabled()
    gc.disable()  # polib's entries hold no cycles: collector passes over the growing catalog only cost time
    try:  # the encoding named: read_po_text refuses any but UTF-8 (polib would search the text for one)
        catalog = polib.pofile(source, encoding="utf-8", wrapwidth=WRAP_WIDTH,
                               check_for_duplicates=False, klass=klass)
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
    """Write atomically (temp file + rename in the same directory); return True if bytes changed.
    On any failure the old file is left as it was; an OS error is an L10nError naming the file."""
    path = Path(path)
    data = render_po(po).encode("utf-8")
    try:
        return _replace_file(path, data)
    except OSError as exc:
        raise os_error(exc, path, "write") from None


def _replace_file(path: Path, data: bytes) -> bool:
    mode = 0o644
    if path.is_file() and not path.is_symlink():  # a symlink is replaced, its target neither read nor changed
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o777
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
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
    lines = entry.tcomment.split("\n") if entry.tcomment else []  # as polib writes it: U+2028 is no line end
    if comment not in lines:
        lines.append(comment)
    entry.tcomment = "\n".join(lines)
