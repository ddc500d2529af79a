"""`wrap --check` as a catalog check: a catalog not in the pipeline's normal form.

A warning, not an error: the layout never changes what is built, so it does not block
`make html`; `make verifs` (and `l10n wrap --check`) fail on it before a pull request. The
catalog's outline says whether each entry is in its normal layout; only a catalog that is not
is read whole, to find its first differing line.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog.io import read_po, render_po
from ..catalog.wrap import first_difference
from .findings import WARNING, Finding
from .registry import CatalogContext, catalog_check


@catalog_check("formatting")
def check_formatting(context: CatalogContext) -> Iterator[Finding]:
    if context.outline.normal:
        return
    current = context.path.read_bytes().decode("utf-8", errors="replace")
    normal = render_po(read_po(context.path, context.config.max_po_bytes))
    line = first_difference(current, normal)
    if line:
        yield Finding(context.display_path, line, WARNING, "not-normalized",
                      "the file is not in the pipeline's normal PO layout (first difference on this line)",
                      f"run `make wrap LANGUAGE={context.language}`")
