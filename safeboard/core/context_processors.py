"""Navigation by capability, shown only where the user may go."""

from __future__ import annotations

from django.urls import reverse

# (label, url name, permission, path prefix that marks the section as current)
_SECTIONS = [
    ("Home", "core:home", None, "/"),
    ("Actions", "actions:mine", "actions.list_my_actions", "/actions/"),
    ("Priorities", "priorities:plan_list", "priorities.list_plans", "/priorities/"),
    ("Risks", "risks:list", "risks.list_risks", "/risks/"),
    ("Challenges", "challenges:list", "challenges.list_challenges", "/challenges/"),
    ("Scorecard", "scorecard:grid", "scorecard.list_indicators", "/scorecard/"),
    ("Census", "census:import_list", "census.list_imports", "/census/"),
    ("Reviews", "reviews:list", "reviews.list_reviews", "/reviews/"),
    ("Audits", "audits:round_list", "audits.list_rounds", "/audits/"),
    ("Section 11", "section11:cycle_list", "section11.list_cycles", "/section-11/"),
    ("Training", "learning:course_list", "learning.list_courses", "/training/"),
    ("Meetings", "meetings:list", "meetings.list_meetings", "/meetings/"),
    ("Partnership", "partnership:agency_list", "partnership.list_agencies", "/partnership/"),
    ("Induction", "partnership:induction_list", "partnership.list_induction_plans", "/induction/"),
    ("Handbook", "partnership:handbook", "partnership.view_handbook", "/handbook/"),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"service_navigation": [], "footer_links": _footer_links(signed_in=False)}
    items = []
    for label, url_name, permission, prefix in _SECTIONS:
        if permission and not user.has_perm(permission):
            continue
        path = request.path
        current = path == "/" if prefix == "/" else path.startswith(prefix)
        items.append({"text": label, "href": reverse(url_name), "active": current})
    items.append({"text": "Sign out", "href": reverse("accounts:logout"), "active": False})
    return {"service_navigation": items, "footer_links": _footer_links(signed_in=True)}


def _footer_links(*, signed_in: bool) -> list[dict]:
    links = [{"text": "Accessibility statement", "href": reverse("core:accessibility")}]
    if signed_in:
        links.append({"text": "Your account", "href": reverse("accounts:account")})
        links.append({"text": "Reminders sent to you", "href": reverse("reminders:list")})
    return links
