"""Warrant Watch: who must arrest whom under the Rome Statute, with sources."""

__version__ = "0.1.0"
