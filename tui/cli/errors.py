"""The CLI's own error: a bad command line (exit 2, one line on stderr)."""

from index.errors import RalignError


class UsageError(RalignError):
    """A bad command line: exit 2."""
