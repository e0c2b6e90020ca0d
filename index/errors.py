"""The project's own exceptions: messages a user can act on, never an engine's traceback."""


class RalignError(Exception):
    """Base of every error the core reports to a user."""


class CorpusError(RalignError):
    """The corpus path cannot be used (missing, not a folder, unreadable)."""


class StoreError(RalignError):
    """The index cannot be opened, built or written."""


class ConfigError(RalignError):
    """A config or data file the user wrote cannot be read."""
