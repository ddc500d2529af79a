"""Checks: every one produces `Finding`s (findings.py)."""
