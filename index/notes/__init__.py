"""The reader's notes: the Markdown bookmarks file, its parsing, safe rewrites and re-anchoring."""
