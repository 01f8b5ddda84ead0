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
from typing import Literal

from platformdirs import user_data_dir
from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def default_database_url() -> str:
    path = Path(user_data_dir("warrantwatch", appauthor=False)) / "warrantwatch.sqlite3"
    return f"sqlite:///{path}"


class FeedConfig(BaseModel):
    """One news source the monitor polls: an RSS/Atom feed, or a single page to watch."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(description="Address of the feed (or page); http or https.")
    interval: int = Field(
        default=900, ge=1, description="Seconds between two polls of this source."
    )
    language: str | None = Field(
        default=None,
        description="Language of its articles (ISO 639-1), when the feed is monolingual.",
    )
    kind: Literal["feed", "page", "telegram", "google_news", "gdelt"] = Field(
        default="feed",
        description="'feed' (RSS/Atom: each new item's page is fetched and scanned), 'page' "
        "(the page itself is scanned whenever its text changes), 'telegram' (a public "
        "channel's web preview, https://t.me/s/NAME), 'google_news' (a Google News RSS "
        "search) or 'gdelt' (a GDELT DOC 2.0 ArtList JSON query address).",
    )
    name: str | None = Field(default=None, description="Label shown in logs and alerts.")
    id: str | None = Field(default=None, description="Stable identifier (catalogue id).")
    tier: Literal["official", "agency", "wire", "media", "aggregator"] | None = Field(
        default=None, description="What kind of publisher: official, agency, wire, media ..."
    )
    publisher: str | None = Field(default=None, description="Who publishes it.")
    origin: Literal["config", "catalogue", "query", "user"] = Field(
        default="config", description="Where the source comes from."
    )


class AlertTarget(BaseModel):
    """One alert target with its options: language of the text, digest instead of each alert."""

    model_config = ConfigDict(extra="forbid")

    url: str = Field(description="Apprise URL.")
    language: Literal["en", "fr"] = Field(default="en", description="Language of alert texts.")
    immediate: bool = Field(default=True, description="Send each alert as it is decided.")
    digest: Literal["hourly", "daily"] | None = Field(
        default=None, description="Also send a digest of the period's alerts."
    )


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
    cache_dir: Path | None = Field(
        default=None,
        description="Where 'warrantwatch scan' keeps its compiled name and place patterns "
        "(rebuilt when the data or the scanner change); the user cache directory when unset.",
    )
    # --- monitor service (docs/monitor.md) ---
    feeds: list[FeedConfig] = Field(
        default_factory=list,
        description="News sources the monitor polls: a list of {url, interval, language, kind, "
        "name}; in TOML as [[feeds]] tables, in the environment as a JSON list.",
    )
    alert_urls: list[str] = Field(
        default_factory=list,
        description="Apprise URLs alerts go to (mailto://, slack://, matrix://, tgram://, "
        "json://, ...); each target is delivered to and tracked separately.",
    )
    alert_targets: list[AlertTarget] = Field(
        default_factory=list,
        description="Alert targets with options: a list of {url, language ('en' or 'fr'), "
        "immediate (bool), digest ('hourly', 'daily' or unset)}; alert_urls are targets with "
        "the defaults (English, immediate, no digest).",
    )
    contact_alert_urls: list[str] = Field(
        default_factory=list,
        description="Apprise URLs for alerts on planned contacts (an announced meeting or call "
        "between a State Party's official and a person subject to a warrant): their own "
        "channel, apart from the trip alerts of alert_urls and alert_targets.",
    )
    contact_alert_targets: list[AlertTarget] = Field(
        default_factory=list,
        description="Contact alert targets with options, as alert_targets: a list of {url, "
        "language ('en' or 'fr'), immediate (bool), digest ('hourly', 'daily' or unset)}; "
        "contact_alert_urls are targets with the defaults (English, immediate, no digest).",
    )
    alert_max_age_days: int = Field(
        default=2,
        ge=0,
        description="No alert for a trip whose date is more than this many days past "
        "(background, not news to act on).",
    )
    monitor: bool = Field(
        default=True,
        description="Watch the news: false turns the monitor off ('serve' runs none, "
        "'warrantwatch monitor' refuses to start).",
    )
    monitor_catalogue: bool = Field(
        default=True,
        description="Watch the sources of the bundled source catalogue and the queries made "
        "from the knowledge base, besides 'feeds' and sources added with 'sources add'.",
    )
    monitor_catalogue_file: Path | None = Field(
        default=None,
        description="A source catalogue to use instead of the bundled one "
        "(src/warrantwatch/data/sources/catalogue.yaml).",
    )
    monitor_queries: bool = Field(
        default=True,
        description="Make Google News and GDELT queries for every person at large, in the "
        "languages of the news about them (needs monitor_catalogue).",
    )
    monitor_query_interval: int = Field(
        default=3600, ge=60, description="Seconds between two polls of one generated query."
    )
    fetch_host_delay: float = Field(
        default=1.0, ge=0, description="Least seconds between two requests to one host."
    )
    gdelt_min_delay: float = Field(
        default=5.0,
        ge=0,
        description="Least seconds between two requests to the GDELT API's host (GDELT asks "
        "for about one request every 5 seconds).",
    )
    project_url: str | None = Field(
        default=None,
        description="The address of your Warrant Watch deployment or project, named in the "
        "User-Agent of every request so site operators know who is asking (unset: the "
        "User-Agent names Warrant Watch only).",
    )
    allow_private_addresses: bool = Field(
        default=False,
        description="Let the fetcher reach loopback, private and link-local addresses (for a "
        "local test server or an intranet feed); cloud-metadata addresses stay blocked.",
    )
    fetch_timeout: float = Field(
        default=20.0, gt=0, description="Seconds a whole fetch (connect, redirects, body) may take."
    )
    fetch_max_bytes: int = Field(
        default=5_000_000, gt=0, description="Largest body accepted from a feed or page, in bytes."
    )
    fetch_max_redirects: int = Field(
        default=5, ge=0, description="Redirects followed (each one checked again) before giving up."
    )
    fetch_retries: int = Field(
        default=2, ge=0, description="Extra attempts after a timeout, connection error or 5xx."
    )
    fetch_backoff: float = Field(
        default=1.0, ge=0, description="Seconds before the first retry; doubled for each next one."
    )
    monitor_workers: int = Field(
        default=4, ge=1, description="Feeds and pages fetched at the same time."
    )
    monitor_max_items: int = Field(
        default=50, ge=1, description="Most new items taken from one feed in one poll."
    )
    monitor_group_days: int = Field(
        default=10,
        ge=0,
        description="Reports of the same person and destination whose dates are this many days "
        "apart or less are one trip.",
    )
    alert_min_confidence: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Trips whose best report is less confident than this are queued for review "
        "but not alerted.",
    )

    web_public_read: bool = Field(
        default=True,
        description="Web: anyone may read pages and the API without signing in; set false "
        "to require an account (any role) or an API token for reading too.",
    )
    web_secret_key: str | None = Field(
        default=None,
        description="Web: key that signs session and CSRF cookies; when unset, one is made "
        "on first start and kept in the database, so every worker shares it.",
    )
    web_cookie_secure: bool | None = Field(
        default=None,
        description="Web: mark cookies Secure (HTTPS only); unset = when the request came "
        "over HTTPS (run uvicorn with --proxy-headers behind a TLS proxy).",
    )
    web_session_hours: int = Field(
        default=12, ge=1, description="Web: how long a sign-in lasts, in hours."
    )
    web_max_body_bytes: int = Field(
        default=1_000_000,
        ge=1024,
        description="Web: largest request body (JSON or form) the server reads, in bytes; "
        "a bigger one is refused with 413 before it is parsed.",
    )
    web_login_attempts: int = Field(
        default=5,
        ge=1,
        description="Web: wrong passwords allowed per account, and four times as many per "
        "address, within web_login_window_minutes before sign-in waits.",
    )
    web_login_window_minutes: int = Field(
        default=15,
        ge=1,
        description="Web: the window of web_login_attempts, and the longest wait it imposes "
        "(the wait grows with each failure and ends on its own).",
    )
    web_run_monitor: bool = Field(
        default=True,
        description="Web: run the monitor's polling loop inside 'warrantwatch serve' when "
        "feeds are configured (one process takes it, even with several workers).",
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
