"""Printable documents: a template rendered to PDF by WeasyPrint.

The PDF is drawn from the same HTML a browser would show, with a print stylesheet. WeasyPrint
never fetches anything over the network: the only resources it may load are the project's own
static files, so a crafted link in user text cannot make the server request a URL.
"""

from __future__ import annotations

import gc
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string

STATIC_PREFIX = "safeboard-static:"


def _static_only_fetcher(url: str) -> dict:
    if not url.startswith(STATIC_PREFIX):
        raise ValueError(f"PDFs may only use the project's static files, not {url!r}")
    found = finders.find(url.removeprefix(STATIC_PREFIX))
    if not found:
        raise ValueError(f"No static file {url!r}")
    path = Path(found)
    return {
        "string": path.read_bytes(),
        "mime_type": mimetypes.guess_type(path.name)[0] or "application/octet-stream",
    }


class _Collector:
    lock = threading.Lock()
    rendering = 0  # renders under way in this process, on any thread
    was_enabled = True


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """WeasyPrint makes hundreds of thousands of short-lived objects (a box for every piece
    of text); the cycle collector's passes over them took a fifth of a long report's render.
    The few cycles left are collected as usual once the last render in the process ends;
    the collector is switched back on only if it was on before the first began."""
    with _Collector.lock:
        if _Collector.rendering == 0:
            _Collector.was_enabled = gc.isenabled()
            gc.disable()
        _Collector.rendering += 1
    try:
        yield
    finally:
        with _Collector.lock:
            _Collector.rendering -= 1
            if _Collector.rendering == 0 and _Collector.was_enabled:
                gc.enable()


def pdf_bytes(
    template_name: str, context: dict | None = None, *, request=None, tagged: bool = False
) -> bytes:
    """Render `template_name` and return the PDF document's bytes. A `tagged` PDF carries
    its structure (headings, tables, reading order) for assistive technology: PDF/UA-1."""
    from weasyprint import HTML  # imported here: loading WeasyPrint costs a second

    html = render_to_string(template_name, context or {}, request=request)
    document = HTML(string=html, base_url=STATIC_PREFIX, url_fetcher=_static_only_fetcher)
    with _cycle_collector_paused():
        return document.write_pdf(**({"pdf_variant": "pdf/ua-1"} if tagged else {}))


def pdf_response(
    template_name: str,
    context: dict | None = None,
    *,
    filename: str,
    request=None,
    tagged: bool = False,
) -> HttpResponse:
    """A PDF download named `filename` (shown inline, so the browser's viewer can print it)."""
    response = HttpResponse(
        pdf_bytes(template_name, context, request=request, tagged=tagged),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
