"""Narrative figures (stub until the figures issue lands)."""
from __future__ import annotations

from ..schema import Figure, Section


def find_figures(text: str, sections: list[Section]) -> list[Figure]:
    return []
