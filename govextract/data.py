"""Access to the reviewed data files in `patterns/` (installed as the package govextract.patterns)."""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def pattern_path(name: str) -> Any:
    """A Traversable for `patterns/<name>`."""
    return files("govextract.patterns").joinpath(name)


@cache
def load_yaml(name: str) -> Any:
    """Parse `patterns/<name>` once per process."""
    return yaml.load(pattern_path(name).read_text(encoding="utf-8"), Loader=_Loader)
