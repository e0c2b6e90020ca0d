"""Where else: shingles and near-duplicates, their differences, inline citations."""
