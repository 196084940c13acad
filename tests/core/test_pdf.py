"""A PDF renders with the cycle collector paused, and leaves it as it found it."""

from __future__ import annotations

import gc

from safeboard.core import pdf


def test_the_collector_is_paused_while_rendering_and_on_again_after(monkeypatch):
    seen = []

    class Document:
        def __init__(self, **kwargs):
            pass

        def write_pdf(self, **kwargs):
            seen.append(gc.isenabled())
            return b"%PDF-1.7"

    monkeypatch.setattr("weasyprint.HTML", Document)
    assert pdf.pdf_bytes("core/pdf/base.html", tagged=True) == b"%PDF-1.7"
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with pdf._cycle_collector_paused(), pdf._cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_renders_switch_it_back_on_only_when_the_last_ends():
    with pdf._cycle_collector_paused():
        with pdf._cycle_collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
