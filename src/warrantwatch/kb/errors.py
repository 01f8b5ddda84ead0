"""Errors the knowledge base raises for front ends to turn into one clear line."""


class DatabaseError(RuntimeError):
    """The database cannot be opened or brought up to date; the message says why."""
