"""Every table a page shows sits in a region that scrolls on its own (decision in the
accessibility statement: pages reflow at 320 pixels), so a new template cannot forget it.
The browser check in tests/e2e/test_reflow.py measures the pages; this one catches the
omission before any browser starts."""

from __future__ import annotations

from pathlib import Path

import safeboard

WRAPPED_BY = ("{% table_region %}", "{% data_table", 'role="region"')
# Printed letters are not pages: they are laid out for A4, never for a narrow screen.
PRINTED = ("_pdf.html",)


def test_every_template_that_draws_a_table_wraps_it_in_a_scrolling_region():
    root = Path(safeboard.__file__).parent
    unwrapped = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if "<table" in (text := path.read_text(encoding="utf-8"))
        and not path.name.endswith(PRINTED)
        and not any(marker in text for marker in WRAPPED_BY)
    ]
    assert not unwrapped, f"Tables outside a scrolling region: {unwrapped}"
