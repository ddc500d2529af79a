"""Checks: the registered catalog checks, their runner and findings (the pre-build gate)."""
