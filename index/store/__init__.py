"""The facade the front ends open: the index folder and its locks, the indexer, the SQLite side store."""
