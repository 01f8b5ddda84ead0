"""End to end, as a user runs it: the real scanner on a local multilingual feed, failing feeds,
an Apprise webhook caught locally, `monitor --once` twice in separate processes, review, person.

The article texts are test material written for this suite: they report a trip planned in the
fixture data's terms, in neutral wording, and describe no real event.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from tests.conftest import FIXTURE_DATA
from tests.monitor_service.helpers import LocalServer, Route, page, rss

D = dt.date(2025, 10, 6)

ARTICLES = {
    "/en/summit": (
        "en",
        "Regional summit",
        "TEST FIXTURE. Vladimir Putin is expected to travel to Dushanbe on 20 November 2025 "
        "for a regional summit, officials said.",
    ),
    "/ru/vizit": (
        "ru",
        "Визит",
        "ТЕСТОВЫЙ ТЕКСТ. Владимир Путин посетит Душанбе 20 ноября, сообщили в Кремле.",
    ),
    "/fr/sommet": (
        "fr",
        "Sommet",
        "TEXTE DE TEST. Vladimir Poutine se rendra au Tadjikistan le 20 novembre pour un sommet.",
    ),
    "/en/cancelled": (
        "en",
        "Visit called off",
        "TEST FIXTURE. Omar al-Bashir's planned visit to South Africa on 20 October 2025 was "
        "cancelled, the organisers said.",
    ),
    "/en/not-bound": (
        "en",
        "Other visit",
        "TEST FIXTURE. Vladimir Putin will visit Kuala Lumpur on 20 October 2025, the "
        "organisers said.",
    ),
    "/de/weather": ("de", "Wetter", "TESTTEXT. Das Wetter in Berlin bleibt sonnig und mild."),
}


def run_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    code = "from warrantwatch.cli.main import run; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def news(server: LocalServer) -> list[dict[str, object]]:
    """Feeds on the local server: one per language, plus four broken ones."""
    feeds: list[dict[str, object]] = []
    for lang in ("en", "ru", "fr", "de"):
        items = []
        for path, (alang, title, text) in ARTICLES.items():
            if alang == lang:
                server.routes[path] = Route(body=page(title, [text], lang=lang))
                items.append({"title": title, "link": server.url(path), "date": D})
        server.routes[f"/feed/{lang}"] = Route(
            body=rss(items, language=lang), content_type="application/rss+xml", etag=f'"{lang}"'
        )
        feeds.append({"url": server.url(f"/feed/{lang}"), "interval": 300, "language": lang})
    server.routes["/broken/500"] = Route(status=500)
    server.routes["/broken/slow"] = Route(body=rss([]), delay=3.0)
    server.routes["/broken/xml"] = Route(body=b"<rss><channel><item>", content_type="text/xml")
    server.routes["/broken/huge"] = Route(body=b"<rss>" + b" " * 400_000, content_type="text/xml")
    feeds += [{"url": server.url(p)} for p in ("/broken/500", "/broken/slow", "/broken/xml")]
    feeds += [{"url": server.url("/broken/huge")}]
    return feeds


def test_monitor_end_to_end(server: LocalServer, news, db_url: str) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("WARRANTWATCH_")},
        "WARRANTWATCH_DATABASE_URL": db_url,
        "WARRANTWATCH_DATA_DIR": str(FIXTURE_DATA),
        "WARRANTWATCH_MONITOR_CATALOGUE": "false",  # only the local feeds: no network
        "WARRANTWATCH_FEEDS": json.dumps(news),
        "WARRANTWATCH_ALERT_URLS": json.dumps([f"json://127.0.0.1:{server.port}/hook"]),
        "WARRANTWATCH_ALLOW_PRIVATE_ADDRESSES": "true",
        "WARRANTWATCH_FETCH_TIMEOUT": "1",
        "WARRANTWATCH_FETCH_RETRIES": "1",
        "WARRANTWATCH_FETCH_BACKOFF": "0.05",
        "WARRANTWATCH_FETCH_MAX_BYTES": "200000",
        "WARRANTWATCH_CONFIG": "/nonexistent.toml",
    }
    first = run_cli(env, "monitor", "--once")
    assert first.returncode == 0, first.stderr
    assert "8 sources polled" in first.stdout and "4 failed" in first.stdout
    assert first.stderr.count("source failed:") == 4
    # one alert per bound trip: Putin to Tajikistan (three languages, one trip) and the
    # cancelled al-Bashir visit to South Africa; not the visit to a non-party state
    titles = sorted(body["title"] for _, body, _ in server.posts)
    assert len(titles) == 2, titles
    assert any("Vladimir Putin to Tajikistan (2025-11-20)" in t for t in titles)
    assert any("Omar al-Bashir to South Africa" in t and "cancelled" in t for t in titles)
    putin_alert = next(b for _, b, _ in server.posts if "Tajikistan" in b["title"])
    assert "Duty: binding" in putin_alert["message"]
    assert server.url("/en/summit") in putin_alert["message"]

    # a restart: a new process, every feed polled again (conditional GET), nothing re-sent
    second = run_cli(env, "monitor", "--once", "--all")
    assert second.returncode == 0, second.stderr
    assert "4 unchanged" in second.stdout and "alerts: 0 queued, 0 sent" in second.stdout
    assert len(server.posts) == 2
    assert server.gets("/feed/ru")[-1].get("If-None-Match") == '"ru"'

    listed = run_cli(env, "review", "list", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    trips = json.loads(listed.stdout)
    putin = [t for t in trips if t["person"] == "vladimir-putin" and t["destination"] == "TJ"]
    assert len(putin) == 1 and putin[0]["reports"] == 3 and putin[0]["bound"] is True
    assert {t["destination"] for t in trips} == {"TJ", "ZA", "MY"}

    shown = run_cli(env, "review", "show", str(putin[0]["id"]))
    assert shown.returncode == 0 and "duty: binding" in shown.stdout
    assert shown.stdout.count("event #") == 3

    missing_editor = run_cli(env, "review", "confirm", str(putin[0]["id"]))
    assert missing_editor.returncode == 2 and "Traceback" not in missing_editor.stderr

    confirmed = run_cli(env, "review", "confirm", str(putin[0]["id"]), "--by", "alice")
    assert confirmed.returncode == 0, confirmed.stderr
    assert "review: confirmed by alice" in confirmed.stdout

    person = run_cli(env, "person", "vladimir-putin", "--format", "json")
    assert person.returncode == 0, person.stderr
    reviewed = [
        t for t in json.loads(person.stdout)["trips"] if t["id"].endswith(f"-m{putin[0]['id']}")
    ]
    assert reviewed and reviewed[0]["iso2"] == "TJ" and reviewed[0]["start"] == "2025-11-20"
    text = run_cli(env, "person", "vladimir-putin")
    assert text.returncode == 0 and "Tajikistan" in text.stdout

    bad = run_cli(env, "review", "show", "9999")
    assert bad.returncode == 2 and "no trip #9999" in bad.stderr and "Traceback" not in bad.stderr
