"""Every setting is described in code and documented for users, as datasette does."""

from __future__ import annotations

from pathlib import Path

from warrantwatch.config import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_has_a_description_and_documentation() -> None:
    docs = "\n".join(
        p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *ROOT.glob("docs/*.md")]
    )
    missing = []
    for name, field in Settings.model_fields.items():
        env = f"WARRANTWATCH_{name.upper()}"
        if not field.description:
            missing.append(f"{name}: no description")
        if env not in docs and f"`{name}`" not in docs:
            missing.append(f"{name}: not in README.md or docs/")
    assert not missing, missing
