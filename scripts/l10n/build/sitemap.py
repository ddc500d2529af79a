"""build/html/sitemap.xml: every published page in every published language, each listing all of
its translations (`xhtml:link rel="alternate" hreflang`) and `x-default`, the English, as search
engines read them (sitemaps.org 0.9 with Google's xhtml alternates). Written with xml.etree, so
every address is escaped as XML text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ..catalog.files import write_text_atomic
from .publish import ORIGINAL, hreflang

SITEMAP = "sitemap.xml"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def page_url(base_url: str, language: str, page: str) -> str:
    return f"{base_url.rstrip('/')}/{language}/{page}"


def sitemap_xml(base_url: str, languages: Sequence[str], pages: Sequence[str]) -> str:
    """One <url> per page and language, in the languages' order; each lists every language's
    version of the page (itself included, as the protocol asks) and x-default."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in pages:
        for language in languages:
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = page_url(base_url, language, page)
            alternates = [(hreflang(code), code) for code in languages]
            if ORIGINAL in languages:
                alternates.append(("x-default", ORIGINAL))
            for lang, code in alternates:
                ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang,
                              href=page_url(base_url, code, page))
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="unicode", xml_declaration=True) + "\n"


def write_sitemap(html_root: Path, languages: Sequence[str], pages: Sequence[str], base_url: str) -> Path:
    """build/html/sitemap.xml; `base_url`: where the site is served ([tool.l10n] site_url)."""
    path = html_root / SITEMAP
    write_text_atomic(path, sitemap_xml(base_url, languages, pages))
    return path
