"""Every problem code the library can emit is explained in docs/problems.md."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_problem_code_is_documented() -> None:
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "govextract").rglob("*.py"))
    codes = set(re.findall(r'Issue\("([a-z_]+)"', source)) | set(re.findall(r'code="([a-z_]+)"', source))
    codes.add("needs_ocr")  # emitted under the source's status name
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", (ROOT / "docs" / "problems.md").read_text(encoding="utf-8"),
                                re.MULTILINE))
    assert len(codes) >= 10
    assert codes <= documented, sorted(codes - documented)
