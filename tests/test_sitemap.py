"""build/html/sitemap.xml: every published page in every language, with its alternates; read
with xml.etree, as a crawler reads it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from l10n.build.sitemap import SITEMAP_NS, XHTML_NS, sitemap_xml
from l10n.config import load_config
from l10n.errors import L10nError
from mini_project import write_project
from partial_fr import write_partial_fr_project
from sitebuild import LANGUAGES, built_site

NS = {"s": SITEMAP_NS, "xhtml": XHTML_NS}


def entries(text: str) -> dict[str, dict[str, str]]:
    """loc -> {hreflang: href} of each <url>."""
    root = ET.fromstring(text)
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    found = {}
    for url in root.findall("s:url", NS):
        links = url.findall("xhtml:link", NS)
        assert all(link.get("rel") == "alternate" for link in links)
        found[url.findtext("s:loc", namespaces=NS) or ""] = {link.get("hreflang", ""): link.get("href", "")
                                                           for link in links}
    return found


def test_the_built_sitemap_lists_every_language_with_its_alternates() -> None:
    site = built_site()
    found = entries((site.html / "sitemap.xml").read_text(encoding="utf-8"))
    base = site.config.site_url.rstrip("/")
    expected = {f"{base}/{c}/README.html" for c in LANGUAGES}
    assert set(found) == expected
    for loc, alternates in found.items():
        assert alternates == {**{c.replace("_", "-"): f"{base}/{c}/README.html" for c in LANGUAGES},
                              "x-default": f"{base}/en/README.html"}, loc


def test_addresses_are_xml_text_and_every_page_is_listed() -> None:
    text = sitemap_xml("https://x.test/a&b/", ["en", "ja"], ["README.html", "guide.html"])
    assert "a&amp;b" in text and text.startswith("<?xml")
    found = entries(text)
    assert sorted(found) == sorted(f"https://x.test/a&b/{c}/{p}" for c in ("en", "ja")
                                   for p in ("README.html", "guide.html"))
    assert found["https://x.test/a&b/ja/guide.html"]["x-default"] == "https://x.test/a&b/en/guide.html"


def test_a_language_skipped_by_its_threshold_is_not_in_the_sitemap(tmp_path: Path) -> None:
    from l10n.build.site import build_site
    from l10n.config import load_config

    config = write_partial_fr_project(tmp_path / "project")
    pyproject = config.root / "pyproject.toml"
    with pyproject.open("a", encoding="utf-8") as handle:  # the partial French is far below 100%
        handle.write('\n[tool.l10n.publish]\nbelow_threshold = "skip"\nthreshold = { default = 100 }\n')
    result = build_site(load_config(config.root))
    assert result.sitemap is not None
    found = entries(result.sitemap.read_text(encoding="utf-8"))
    assert [loc.rsplit("/", 2)[1] for loc in found] == ["en"]



def test_the_site_address_is_a_setting(tmp_path: Path) -> None:
    config = write_project(tmp_path / "p", code=())
    assert config.site_url.startswith("https://") and config.site_url.endswith("/")  # the default
    pyproject = config.root / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    setting = 'documents = ["README"]\nsite_url = {}'
    pyproject.write_text(text.replace('documents = ["README"]', setting.format('"https://x.example/book"')),
                         encoding="utf-8")
    assert load_config(config.root).site_url == "https://x.example/book/"
    pyproject.write_text(text.replace('documents = ["README"]', setting.format('"x.example"')), encoding="utf-8")
    with pytest.raises(L10nError, match="site_url must be an http"):
        load_config(config.root)
