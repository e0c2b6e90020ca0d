"""The Textual reader and the command line, thin callers of `index/`."""
