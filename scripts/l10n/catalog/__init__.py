"""Catalog layer: PO/POT I/O (io), merging (update), counting (stats)."""
