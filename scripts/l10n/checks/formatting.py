"""`wrap --check` as a catalog check: a catalog not in the pipeline's normal form.

A warning, not an error: the layout never changes what is built, so it does not block
`make html`; `make verifs` (and `l10n wrap --check`) fail on it before a pull request.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog.io import render_po
from ..catalog.wrap import first_difference
from .findings import WARNING, Finding
from .registry import CatalogContext, catalog_check


@catalog_check("formatting")
def check_formatting(context: CatalogContext) -> Iterator[Finding]:
    current = context.path.read_bytes().decode("utf-8", errors="replace")
    normal = render_po(context.catalog)  # pure: the shared catalog is not changed
    line = first_difference(current, normal)
    if line:
        yield Finding(context.display_path, line, WARNING, "not-normalized",
                      "the file is not in the pipeline's normal PO layout (first difference on this line)",
                      f"run `make wrap LANGUAGE={context.language}`")
