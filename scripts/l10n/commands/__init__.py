"""Commands: each module registers its subcommands; the only layer (with cli.py) that prints."""
