"""Text to entity mentions, pure functions: the rules, the gazetteers and their data files."""
