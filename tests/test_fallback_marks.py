"""The passages a built page shows in English (build/sphinx_ext.py, MarkFallbacks) with images:
an alt text translated (with its paragraph, or by its own entry) is neither marked `lang="en"`
nor counted in the banner; an alt text left in English is. One real Sphinx build of a mini project."""

from __future__ import annotations

import base64
import re
import shutil
from html.parser import HTMLParser

import pytest

import conftest
import mini_project
from l10n.build import sphinx_build
from l10n.config import Config
from l10n.verify.html_structure import Fallback, message_class, page_structure

ENGLISH = """# Pictures

![The cluster diagram](diagram.png)

See ![a small icon](diagram.png) inline here.

Untranslated with ![an alt](diagram.png) image.

Untranslated paragraph.

![Left in English](diagram.png)
"""
TRANSLATIONS = {  # in the order Sphinx extracts them: a paragraph, then the alt texts inside it
    "Pictures": "Images",
    "![The cluster diagram](diagram.png)": "![Le schéma](diagram.png)",
    "The cluster diagram": "Le schéma du cluster",
    "See ![a small icon](diagram.png) inline here.": "Voir ![une petite icône](diagram.png) ici.",
    "a small icon": "une petite icône",
    "Untranslated with ![an alt](diagram.png) image.": "",
    "an alt": "un texte",
    "Untranslated paragraph.": "",
    "![Left in English](diagram.png)": "",
    "Left in English": "",
}
PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9aw"
                         "AAAABJRU5ErkJggg==")  # a 1x1 PNG


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[dict[str, str | None]] = []
        self.banner: list[str] | None = None
        self._banner_depth = 0
        self._banner_closed = False  # the page's other divs (the theme's footer) are not the banner

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes)
            return
        if "l10n-fallback-banner" in (attributes.get("class") or "").split():
            self.banner = []
        if self.banner is not None and not self._banner_closed and tag == "div":
            self._banner_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.banner is not None and not self._banner_closed and tag == "div":
            self._banner_depth -= 1
            self._banner_closed = self._banner_depth == 0

    def handle_data(self, data: str) -> None:
        if self.banner is not None and self._banner_depth > 0:
            self.banner.append(data)


@pytest.fixture(scope="module")
def fr_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("images") / "project"
    config: Config = mini_project.write_project(root, english=ENGLISH)
    for name in ("source/_templates", "source/_static"):
        shutil.copytree(conftest.ROOT / name, root / name)
    (root / "source" / "diagram.png").write_bytes(PIXEL)
    mini_project.write_catalog(config, "fr", TRANSLATIONS)
    sphinx_build.build_html(config, "fr")
    return (config.build_dir / "html" / "fr" / "README.html").read_text(encoding="utf-8")


def test_translated_alt_texts_are_not_fallbacks(fr_page: str) -> None:
    parser = _Images()
    parser.feed(fr_page)
    shown = {image["alt"]: (image.get("lang"), image.get("class")) for image in parser.images}
    assert shown == {
        "Le schéma": (None, None),  # translated with its paragraph
        "une petite icône": (None, None),
        "un texte": (None, None),  # by its own entry, inside a paragraph left in English
        "Left in English": ("en", f"l10n-fallback l10n-untranslated {message_class('Left in English')}"),
    }
    untranslated = {m for m, s in TRANSLATIONS.items() if not s}
    assert {f.message for f in page_structure(fr_page).fallbacks} == {message_class(m) for m in untranslated}
    assert sorted(page_structure(fr_page).fallbacks, key=lambda f: f.text) == [
        Fallback("untranslated", message_class("![Left in English](diagram.png)"), ""),
        Fallback("untranslated", message_class("Left in English"), "Left in English"),
        Fallback("untranslated", message_class("Untranslated paragraph."), "Untranslated paragraph."),
        Fallback("untranslated", message_class("Untranslated with ![an alt](diagram.png) image."),
                 "Untranslated with image."),
    ]
    assert parser.banner is not None
    assert sorted(int(n) for n in re.findall(r"\d+", "".join(parser.banner))) == [0, len(untranslated)]
