"""The text core: segmentation as Sphinx extracts it, inline features, link scans, word diffs."""
