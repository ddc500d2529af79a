"""Localization pipeline for a Markdown book chapter: gettext catalogs, fuzzy tracking, checks.

Public API, small on purpose:
- `l10n.text.segments.segments(markdown)`: the translatable segments, exactly as Sphinx extracts them;
- `l10n.catalog.importer.import_translation(...)`: a PO catalog from a hand-made translation;
- `l10n.catalog.update.merge(...)`: a catalog brought up to date with a template;
- `l10n.cli.main(argv)`: the command line (`l10n --help`).
Importing the package has no side effects.
"""

__version__ = "0.1.0"
