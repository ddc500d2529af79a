# Sphinx configuration: `sphinx-build -c . source build/...` (the Makefile and `l10n html` do it).
# The English master is source/README.md; translations come from locale/<lang>/LC_MESSAGES/*.po.
project = "Machine Learning Engineering: Resources"
author = "Stas Bekman"
copyright = "Stas Bekman and contributors, CC BY-SA 4.0"

extensions = ["myst_parser", "l10n.build.sphinx_ext"]
root_doc = "README"
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "**/.*"]

language = "en"
# Sphinx reads only the catalogs the pipeline checked and compiled (build/locale/<lang>/LC_MESSAGES/*.mo),
# never locale/ itself: a stray catalog there never reaches the site. Relative to the source dir.
locale_dirs = ["../build/locale/"]
gettext_compact = False
gettext_uuid = False
gettext_location = True
gettext_auto_build = False  # `l10n html` compiles every .mo from the current .po before each build
gettext_last_translator = "ml-engineering-resources-l10n translators"

# furo: mobile-first, a light and a dark scheme, maintained; the reasons are in README ("The reader's theme")
html_theme = "furo"
html_favicon = "source/_static/favicon.svg"
# the site name, after each page's own title ("Resources — Machine Learning Engineering"); each
# language's translation of it comes from its site catalog (scripts/l10n/build/ui.py)
html_title = "Machine Learning Engineering"
html_show_sourcelink = False
html_copy_source = False

# The multilingual site (language switcher, hreflang, fallback banner): scripts/l10n/sphinx_ext.py
templates_path = ["source/_templates"]
html_static_path = ["source/_static"]
# furo's "view source" button (the sources are not copied) gives way to the site's row above the article:
# source/_templates/components/view-this-page.html, the language switcher and the banners, kept out of
# `<article role="main">`, the text Sphinx's search shows as each result's snippet
html_theme_options = {"top_of_page_buttons": ["view"]}
# Search: Sphinx picks the splitter from `language` (zh_CN, zh_TW -> "zh": jieba's words when jieba is
# installed; ja: its own TinySegmenter splitter), so nothing is set per language here.
