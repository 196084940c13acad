"""What a browser test can see of a page beyond axe-core: sideways scrolling at 320 CSS pixels
(WCAG 1.4.10), text lost under text spacing or larger text (1.4.12, 1.4.4), charts whose text
alternative gives no figures, and where the keyboard's focus is and whether it shows."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from urllib.parse import urldefrag, urljoin, urlsplit

from playwright.sync_api import Error, Page

# 1280 CSS pixels at 400% zoom: the width WCAG 1.4.10 asks a page to work at.
NARROW = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}

# Links that act rather than show, or that download a file rather than open a page.
SKIPPED = re.compile(
    r"^/(sign-out|static|media|assets)/|[?&](format|example)=|\.(csv|xlsx|pdf|ics|zip)$"
    r"|/(download|export|file|certificate|pdf)(/|$)"
)


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


WIDEST_ELEMENTS = """(width) => {
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
        if (el.getBoundingClientRect().right <= width + 1) continue;
        let inside = false;
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX)) {
                inside = true;
                break;
            }
        }
        if (!inside) found.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
    }
    return found.slice(0, 3);
}"""


def sideways_scrolling(page: Page) -> str | None:
    """None when the page is no wider than the window; otherwise what sticks out."""
    width = page.viewport_size["width"]
    scroll_width = page_width(page)
    if scroll_width <= width:
        return None
    return f"{scroll_width}px wide: {page.evaluate(WIDEST_ELEMENTS, width)}"


UNNAMED_REGIONS = """() => [...document.querySelectorAll('*')]
    .filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
        && el.scrollWidth > el.clientWidth + 1 && el !== document.documentElement)
    .filter(el => el.tabIndex < 0 || !(el.getAttribute('aria-label')
        || el.getAttribute('aria-labelledby')))
    .map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""


def unnamed_scrolling_regions(page: Page) -> list[str]:
    """Elements that scroll sideways but cannot be reached by Tab or have no name."""
    return page.evaluate(UNNAMED_REGIONS)


CHARTS_WITHOUT_FIGURES = """() => [...document.querySelectorAll('svg[role="img"]')]
    .map(svg => {
        const words = (svg.getAttribute('aria-labelledby') || '').split(/\\s+/)
            .map(id => document.getElementById(id)).filter(Boolean)
            .map(node => node.textContent).join(' ');
        return {words, table: !!document.querySelector('table')};
    })
    .filter(chart => !/\\d/.test(chart.words) || !chart.table)
    .map(chart => chart.words.slice(0, 80) || '(no text alternative)')"""


def charts_without_figures(page: Page) -> list[str]:
    """Charts whose text alternative states no figure, or that have no table on the page."""
    return page.evaluate(CHARTS_WITHOUT_FIGURES)


# WCAG 1.4.12's spacing, applied by a constructed style sheet: the page's Content-Security-
# Policy refuses inline <style>, as it should.
TEXT_SPACING = """() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}"""
LARGER_TEXT = "() => { document.documentElement.style.fontSize = '200%'; }"

CLIPPED_TEXT = """() => {
    const clipped = [];
    for (const el of document.querySelectorAll('body *')) {
        if (el.closest('.govuk-visually-hidden, .govuk-skip-link, [hidden], svg, dialog')) continue;
        const style = getComputedStyle(el);
        if (style.display === 'none' || !el.textContent.trim()) continue;
        const clipsX = ['hidden', 'clip'].includes(style.overflowX);
        const clipsY = ['hidden', 'clip'].includes(style.overflowY);
        if ((clipsX && el.scrollWidth > el.clientWidth + 1)
            || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
            clipped.push(el.tagName.toLowerCase() + '.' + [...el.classList].join('.'));
        }
    }
    return clipped;
}"""


def text_lost_with(page: Page, adjustment: str) -> list[str]:
    """Elements that cut their text off once `adjustment` (TEXT_SPACING, LARGER_TEXT) is made."""
    page.evaluate(adjustment)
    return page.evaluate(CLIPPED_TEXT)


def url_shape(path: str) -> str:
    """The kind of page an address is: numbers and query values left out."""
    address, _, query = path.partition("?")
    shape = re.sub(r"\d+", "N", address)
    return shape + ("?" + re.sub(r"=[^&]*", "=", query) if query else "")


def crawl(page: Page, *, start: str = "/", per_shape: int = 2, limit: int = 600) -> Iterator[str]:
    """Open every page reachable from `start` by links, at most `per_shape` of each kind, and
    yield each address once the page has loaded."""
    origin = None
    queue: deque[str] = deque([start])
    seen = {start}
    shapes: dict[str, int] = {}
    opened = 0
    while queue and opened < limit:
        path = queue.popleft()
        shape = url_shape(path)
        if shapes.get(shape, 0) >= per_shape:
            continue
        shapes[shape] = shapes.get(shape, 0) + 1
        try:
            response = page.goto(path)
        except Error:  # a download after all
            continue
        opened += 1
        origin = origin or urlsplit(page.url).netloc
        if response is None or response.status != 200:
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        yield path
        for href in page.eval_on_selector_all(
            "a[href]", "links => links.map(link => link.getAttribute('href'))"
        ):
            target = urlsplit(urldefrag(urljoin(page.url, href))[0])
            if target.scheme not in {"http", "https"} or target.netloc != origin:
                continue
            address = target.path + (f"?{target.query}" if target.query else "")
            if SKIPPED.search(address) or address in seen:
                continue
            seen.add(address)
            queue.append(address)


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return {visible: false, what: 'nothing'};
    const shows = (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
            && !['transparent', 'rgba(0, 0, 0, 0)'].includes(style.outlineColor))
        || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
    let visible = shows(getComputedStyle(el));
    if (!visible && el.labels && el.labels.length) {
        // GOV.UK radios and checkboxes draw their focus ring on the label's ::before.
        visible = shows(getComputedStyle(el.labels[0], '::before'));
    }
    const box = el.getBoundingClientRect();
    visible = visible && (box.width > 0 || box.height > 0);
    const name = el.getAttribute('aria-label') || (el.labels && el.labels[0]
        && el.labels[0].textContent) || el.textContent || el.value || '';
    return {visible, what: el.tagName.toLowerCase() + ' ' + name.trim().replace(/\\s+/g, ' ')
        .slice(0, 80)};
}"""


def focused(page: Page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page: Page, is_target: Callable[[], bool], *, backwards: bool = False, limit=120):
    """Press Tab (or Shift+Tab) until `is_target()` holds, checking at every stop that the
    focus can be seen; fail naming the stops if the target is never reached."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        stops.append(now["what"])
        if now["what"] == "nothing":  # past the last stop: the browser's own controls
            continue
        assert now["visible"], f"Focus cannot be seen on {now['what']!r} at {page.url}"
        if is_target():
            return
    raise AssertionError(f"Tab never reached the target on {page.url}; stops: {stops}")
