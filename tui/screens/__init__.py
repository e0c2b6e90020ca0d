"""Screens: the reader, help, bookmarks, dialogs."""
