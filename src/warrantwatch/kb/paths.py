"""Where the data lives and how to tell whether it changed; no heavy imports here."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path


def bundled_data_dir() -> Path:
    """The data shipped inside the package."""
    return Path(str(resources.files("warrantwatch") / "data"))


def fingerprint(root: Path) -> str:
    """A hash of every data file's path and bytes: changes when any data changes."""
    h = hashlib.sha256()
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in {".yaml", ".json"})
    for path in files:
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()
