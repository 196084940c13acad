"""(h) The training reach and compliance pages at the demo's volume and at ten times it.

The demo's training (1,500 practitioners, 150 sessions over two years) is built, the two pages
are rendered through Django's test client as the learning officer, and then the same is done
with ten times the volume (15,000 practitioners, 1,500 sessions). The 1x run is the baseline,
so each ratio is what ten times the data costs; it should stay within 2x. Query counts are
printed too: they must not grow with the data.

Run alone with `python -m bench.learning`, or with the others by `python -m bench` (last:
it leaves ten times the demo's training behind).
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from .timing import Result, median_seconds, table

RUNS = 7
SEED = 2019
SCALES = (1, 10)
WITHIN = 2.0  # the 10x page may take at most this many times as long as the 1x page
REACH_THEME = "information-sharing"


@dataclass(frozen=True)
class PageTiming:
    seconds: float
    queries: int


def clear_learning() -> None:
    """Remove every training record (and its history), without signals: a fresh start."""
    from django.apps import apps

    config = apps.get_app_config("learning")
    order = [
        "charge",
        "followup",
        "outcomerating",
        "evaluation",
        "booking",
        "session",
        "event",
        "trainingneed",
        "headcount",
        "learningoutcome",
        "course",
        "learner",
        "agencydomain",
        "jobrole",
    ]
    models = [config.get_model(name) for name in order]
    # Records of later modules that point at training (an impact claim's evidence), and at
    # those, go first, the furthest first.
    pointing: list = []
    targets = set(models)
    while True:
        found = [
            model
            for model in apps.get_models()
            if model not in targets
            and any(
                field.is_relation and field.related_model in targets
                for field in model._meta.concrete_fields
            )
        ]
        if not found:
            break
        pointing = found + pointing
        targets.update(found)
    for model in [*pointing, *models]:
        for field in model._meta.many_to_many:
            field.remote_field.through.objects.all()._raw_delete(connection.alias)
        history = getattr(model, "history", None)  # a historical model's own is a relation
        if history is not None and hasattr(history, "model"):
            history.model.objects.all()._raw_delete(connection.alias)
        model.objects.all()._raw_delete(connection.alias)


def build_training(scale: int) -> None:
    from safeboard.demo.learning import build_learning
    from safeboard.demo.timeline import Clock

    clear_learning()
    build_learning(
        rng=random.Random(f"{SEED}-learning"), clock=Clock(timezone.localdate()), scale=scale
    )


def _client() -> Client:
    from safeboard.accounts.models import User
    from safeboard.demo.names import email_for

    client = Client(SERVER_NAME="localhost")
    client.force_login(User.objects.get(email=email_for("", "learning")))
    return client


def _pages() -> dict[str, str]:
    from django.urls import reverse

    from safeboard.learning.reach.selectors import THEME, subject_value
    from safeboard.themes.models import Theme

    theme = Theme.objects.get(slug=REACH_THEME)
    return {
        "reach": f"{reverse('learning:reach')}?subject={subject_value(THEME, theme.pk)}",
        "compliance": reverse("learning:needs_compliance"),
    }


def _time_page(client: Client, url: str) -> PageTiming:
    def render() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    render()  # warm the caches: templates, the user's roles
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as context:
        render()
    return PageTiming(median_seconds(render, RUNS, warm_up=False), len(context))


def measure() -> dict[int, dict[str, PageTiming]]:
    from safeboard.learning.models import Booking, Learner, Session

    timings = {}
    for scale in SCALES:
        build_training(scale)
        client = _client()
        timings[scale] = {name: _time_page(client, url) for name, url in _pages().items()}
        counts = (Learner.objects.count(), Session.objects.count(), Booking.objects.count())
        print(
            f"training at {scale}x: {counts[0]:,} practitioners, {counts[1]:,} sessions, "
            f"{counts[2]:,} bookings"
        )
    return timings


def bench_learning() -> list[Result]:
    """Both pages at 10x against 1x; the name says the query counts and whether it held."""
    timings = measure()
    small, large = timings[SCALES[0]], timings[SCALES[-1]]
    results = []
    for name in small:
        ratio = large[name].seconds / small[name].seconds
        verdict = "within 2x" if ratio <= WITHIN else "OVER 2x"
        results.append(
            Result(
                f"{name} page, 10x vs 1x data: {large[name].queries} vs {small[name].queries} "
                f"queries, {verdict}",
                RUNS,
                large[name].seconds,
                small[name].seconds,
            )
        )
    return results


def main() -> None:
    from .environment import set_up_django

    folder = set_up_django()
    try:
        from safeboard.demo.build import build_demo

        build_demo()
        print(table(bench_learning()))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
