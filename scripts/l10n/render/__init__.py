"""Outputs made from the catalogs: the site's language data, translated Markdown, landing and status pages."""
