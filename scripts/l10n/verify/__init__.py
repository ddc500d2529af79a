"""Verify: translated Markdown and built HTML compared with the English."""
