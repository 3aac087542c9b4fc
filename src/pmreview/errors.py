"""Errors a user can cause: each carries a one-line message and maps to exit code 2."""


class UsageError(Exception):
    """Bad input, option or configuration: reported in one line, exit code 2."""
