"""Named entities (stub until the entities issue lands)."""
from __future__ import annotations

from .schema import Entity


def find_entities(text: str) -> list[Entity]:
    return []
