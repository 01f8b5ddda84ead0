"""All configuration in one typed settings class.

Values come from ``WARRANTWATCH_*`` environment variables, then from an optional TOML
file named by ``WARRANTWATCH_CONFIG`` (or ``warrantwatch.toml`` in the working
directory), then the defaults below. The embedded default needs no configuration at
all: a SQLite file in the platform's data directory, built from the bundled data.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def default_database_url() -> str:
    path = Path(user_data_dir("warrantwatch", appauthor=False)) / "warrantwatch.sqlite3"
    return f"sqlite:///{path}"


class Settings(BaseSettings):
    """Warrant Watch settings; each field's description is its documentation."""

    model_config = SettingsConfigDict(env_prefix="WARRANTWATCH_", extra="ignore")

    database_url: str = Field(
        default_factory=default_database_url,
        description="SQLAlchemy URL of the database; SQLite file by default, "
        "postgresql+psycopg://... for a shared deployment.",
    )
    data_dir: Path | None = Field(
        default=None,
        description="Directory of curated data files to build the knowledge base from; "
        "the data bundled with the package when unset.",
    )
    auto_refresh: bool = Field(
        default=True,
        description="Rebuild the curated part of the database when the data files change.",
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = os.environ.get("WARRANTWATCH_CONFIG", "warrantwatch.toml")
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=toml_file),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
