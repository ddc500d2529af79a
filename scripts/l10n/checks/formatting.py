"""`wrap --check` as a catalog check: a catalog not in the pipeline's normal form.

A warning, not an error: the layout never changes what is built, so it does not block
`make html`; `make verifs` (and `l10n wrap --check`) fail on it before a pull request. The
catalog's outline says whether each entry is in its normal layout, and gives the normal
rendering of those that are not: with the file's own lines for the others, that is the whole
normal text, without reading the file again.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..catalog.io import po_text_lines
from ..catalog.outline import normal_text
from ..catalog.wrap import first_difference
from .findings import WARNING, Finding
from .registry import CatalogContext, catalog_check


@catalog_check("formatting")
def check_formatting(context: CatalogContext) -> Iterator[Finding]:
    if context.outline.normal:
        return
    normal = normal_text(context.outline, po_text_lines(context.text, keepends=True))
    line = first_difference(context.text, normal)
    if line:
        yield Finding(context.display_path, line, WARNING, "not-normalized",
                      "the file is not in the pipeline's normal PO layout (first difference on this line)",
                      f"run `make wrap LANGUAGE={context.language}`")
