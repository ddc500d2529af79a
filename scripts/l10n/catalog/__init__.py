"""Catalogs: extract the POT, sync, import, convert, review, and the PO I/O every writer uses."""
