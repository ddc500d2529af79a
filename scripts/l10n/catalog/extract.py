"""Extract: the English master -> build/gettext/<doc>.pot (Sphinx's gettext builder, MyST),
and the template's entries as the update reads them.

Sphinx writes references relative to build/gettext (`../../source/README.md:3`) and a
POT-Creation-Date; the POT is rewritten with project-relative references (`source/README.md:3`,
as the catalogs have them) and no date, so msgmerge and Poedit's "Update from POT" write the
references `make update` writes and leave the catalog's header as it is."""

from __future__ import annotations

import os
from pathlib import Path

from ..build.sphinx_build import run_sphinx
from ..config import Config
from ..errors import L10nError
from .io import read_po, write_po
from .site_strings import extract_site
from .update import TemplateEntry


def gettext(config: Config) -> list[Path]:
    """Write build/gettext/<doc>.pot from the English master, and build/gettext/site.pot."""
    outdir = config.build_dir / "gettext"
    run_sphinx(config, ["-b", "gettext", "-E", "-d", str(config.build_dir / "doctrees" / "gettext"),
                        str(config.source_dir), str(outdir)])
    paths = [config.pot_path(doc) for doc in config.documents]
    for path in paths:
        project_references(config, path)
    return [*paths, extract_site(config)]  # the site's own words: Babel's extractors, not Sphinx


def project_references(config: Config, pot_path: Path) -> bool:
    """Rewrite a POT Sphinx wrote: project-relative references, no POT-Creation-Date."""
    pot = read_po(pot_path)
    pot.metadata.pop("POT-Creation-Date", None)
    for entry in pot:
        entry.occurrences = [(_project_path(config, pot_path.parent, path), line)
                             for path, line in entry.occurrences]
    return write_po(pot_path, pot)


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
        formats = tuple(flag for flag in entry.flags if flag.endswith("-format"))  # site.pot's python-format
        entries.append(TemplateEntry(entry.msgid, occurrences, formats, entry.comment))
    return entries


def _project_path(config: Config, base: Path, path: str) -> str:
    """A reference relative to the project root; one relative to the POT's directory (`../`,
    as Sphinx writes it) is resolved from there."""
    if not path.startswith("../"):
        return path
    absolute = Path(os.path.normpath(base / path))
    try:
        return absolute.relative_to(config.root).as_posix()
    except ValueError:
        return path
