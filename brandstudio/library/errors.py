"""Errors of the library, each with a message a user can act on."""


class LibraryError(Exception):
    """A library operation that cannot be done (unknown brand, name clash, busy, conflict)."""


class ConflictError(LibraryError):
    """A save over a newer revision: somebody saved the template since it was opened."""
