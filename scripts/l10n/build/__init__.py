"""Build: the Sphinx HTML of each language, the site's own pages, the translated Markdown."""
