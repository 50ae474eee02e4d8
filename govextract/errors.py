"""The library's own error types: everything govextract raises on bad input is one of these."""
from __future__ import annotations


class GovextractError(Exception):
    """Base class: catch this to handle any input govextract cannot read."""


class UnsupportedFormat(GovextractError):
    """The file is a format this version cannot read (yet), e.g. .doc, or a PDF before the readers land."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


class UnreadableInput(GovextractError):
    """The bytes are not a report: empty, binary, truncated, or in no encoding we recognise."""


class InputTooLarge(GovextractError):
    """The input exceeds the size the library will read (bounded work on hostile input)."""


class EncryptedDocument(UnreadableInput):
    """The document needs a password to open; save an unprotected copy and read that."""
