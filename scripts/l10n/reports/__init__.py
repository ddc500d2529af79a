"""Reports for people and CI: what is stale, what is left, fuzzy entries, the pre-pull-request verifs."""
