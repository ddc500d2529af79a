"""The Sphinx side of the pipeline: safe docutils settings and an index.html per language."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

SAFE_SETTINGS = {"file_insertion_enabled": False, "raw_enabled": False}


def _safe_settings(app: Sphinx) -> None:
    # Sphinx's environment defaults turn file insertion on and override docutils.conf.
    app.env.settings.update(SAFE_SETTINGS)


def _write_index(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    root = app.config.root_doc
    if root == "index":
        return
    suffix = getattr(app.builder, "out_suffix", ".html")
    page = Path(app.outdir) / f"{root}{suffix}"
    if page.is_file():
        shutil.copyfile(page, Path(app.outdir) / f"index{suffix}")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", _safe_settings)
    app.connect("build-finished", _write_index)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
