"""Query to results: snippets, highlight spans, did-you-mean, collapsing near-duplicates."""
