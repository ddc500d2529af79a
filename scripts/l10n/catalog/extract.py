"""Extract: the English master -> build/gettext/<doc>.pot (Sphinx's gettext builder, MyST),
and the template's entries as the update reads them."""

from __future__ import annotations

import os
from pathlib import Path

from ..build.sphinx_build import run_sphinx
from ..config import Config
from ..errors import L10nError
from .io import read_po
from .update import TemplateEntry


def gettext(config: Config) -> list[Path]:
    """Write build/gettext/<doc>.pot from the English master."""
    outdir = config.build_dir / "gettext"
    run_sphinx(config, ["-b", "gettext", "-E", "-d", str(config.build_dir / "doctrees" / "gettext"),
                        str(config.source_dir), str(outdir)])
    return [config.pot_path(doc) for doc in config.documents]


def read_template(config: Config, document: str = "README") -> list[TemplateEntry]:
    pot_path = config.pot_path(document)
    if not pot_path.is_file():
        raise L10nError(config.relative(pot_path), "template not found", "run `make gettext` first")
    pot = read_po(pot_path)
    entries = []
    for entry in pot:
        if entry.obsolete or not entry.msgid:
            continue
        occurrences = tuple(
            (_project_path(config, pot_path.parent, path), line) for path, line in entry.occurrences
        )
        entries.append(TemplateEntry(entry.msgid, occurrences))
    return entries


def _project_path(config: Config, base: Path, path: str) -> str:
    absolute = Path(os.path.normpath(base / path))
    try:
        return absolute.relative_to(config.root).as_posix()
    except ValueError:
        return path
