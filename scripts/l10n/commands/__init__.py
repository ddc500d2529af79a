"""CLI command groups: each module has `register(subparsers)` and handlers returning exit codes.

Only this layer (and cli.py) prints.
"""
