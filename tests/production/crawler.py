"""Every page an account reaches from the home page, and every asset those pages load."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

from .client import Response, SiteClient

# Links that act rather than show (sign-out asks first, but there is nothing to learn there).
SKIPPED_PATHS = ("/sign-out/",)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
CSP_NONCE = re.compile(r"'nonce-([^']+)'")


@dataclass
class CrawlReport:
    pages: dict[str, int] = field(default_factory=dict)
    assets: dict[str, int] = field(default_factory=dict)
    pages_without_csp: list[str] = field(default_factory=list)
    scripts_without_nonce: list[str] = field(default_factory=list)

    def server_errors(self) -> dict[str, int]:
        return {url: status for url, status in self.pages.items() if status >= 500}

    def broken_links(self) -> dict[str, int]:
        return {url: status for url, status in self.pages.items() if status == 404}

    def failed_assets(self) -> dict[str, int]:
        return {url: status for url, status in self.assets.items() if status != 200}


def _same_site(client: SiteClient, url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https", ""} and parts.netloc in {"", client.host}


def _path_of(url: str) -> str:
    parts = urlsplit(urldefrag(url)[0])
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _check_scripts(report: CrawlReport, response: Response, document) -> None:
    policy = response.headers.get("Content-Security-Policy", "")
    if not policy:
        report.pages_without_csp.append(response.url)
        return
    nonces = set(CSP_NONCE.findall(policy))
    for script in document.iter("script"):
        if script.get("type", "").endswith("json"):
            continue  # a data block, which the browser never runs
        if script.get("src") is None and script.get("nonce") not in nonces:
            report.scripts_without_nonce.append(response.url)


def _asset_urls(document) -> set[str]:
    found = set()
    for element, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
        for node in document.iter(element):
            value = node.get(attribute)
            if value and not value.startswith("data:"):
                found.add(urljoin(document.base_url, value))
    return found


def crawl(client: SiteClient, *, start: str = "/", limit: int = 1500) -> CrawlReport:
    report = CrawlReport()
    queue: deque[str] = deque([urljoin(client.base_url, start)])
    seen_pages: set[str] = set(queue)
    assets: deque[str] = deque()
    while queue and len(report.pages) < limit:
        url = queue.popleft()
        response = client.get(_path_of(url), follow=False)
        report.pages[_path_of(url)] = response.status
        if response.status in {301, 302, 303}:
            target = urljoin(url, response.headers["Location"])
            if _same_site(client, target) and target not in seen_pages:
                seen_pages.add(target)
                queue.append(target)
            continue
        if response.status != 200 or not response.is_html:
            continue
        document = response.document()
        _check_scripts(report, response, document)
        for asset in _asset_urls(document):
            if _same_site(client, asset) and _path_of(asset) not in report.assets:
                report.assets[_path_of(asset)] = 0
                assets.append(asset)
        for link in document.iter("a"):
            href = link.get("href")
            if not href or href.startswith(("mailto:", "tel:", "#")):
                continue
            target = urldefrag(urljoin(url, href))[0]
            if not _same_site(client, target) or urlsplit(target).path in SKIPPED_PATHS:
                continue
            if target not in seen_pages:
                seen_pages.add(target)
                queue.append(target)
    _fetch_assets(client, report, assets)
    return report


def _fetch_assets(client: SiteClient, report: CrawlReport, assets: deque[str]) -> None:
    while assets:
        url = assets.popleft()
        response = client.get(_path_of(url), follow=False)
        report.assets[_path_of(url)] = response.status
        if response.status == 200 and _path_of(url).split("?")[0].endswith(".css"):
            for reference in CSS_URL.findall(response.text):
                asset = urljoin(url, reference)
                if reference.startswith("data:") or not _same_site(client, asset):
                    continue
                if _path_of(asset) not in report.assets:
                    report.assets[_path_of(asset)] = 0
                    assets.append(asset)
