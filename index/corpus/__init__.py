"""Disk to clean documents and passages: scanning a folder, decoding, metadata, passages."""
