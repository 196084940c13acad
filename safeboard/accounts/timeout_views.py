"""The timeout warning's two requests: stay signed in, and how long is left."""

from __future__ import annotations

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_GET, require_POST

from .session_timeout import activity_not_recorded, activity_record, now_timestamp, seconds_left


@require_POST
def keep_alive(request):
    """'Stay signed in': the user did something now. A form POST, so CSRF-protected."""
    activity_record(request.session, now=now_timestamp(), force=True)
    return HttpResponse(status=204)


@activity_not_recorded
@require_GET
def session_status(request):
    """Seconds left before sign-out, asked by the warning: another tab may have kept it alive."""
    return JsonResponse({"seconds_left": seconds_left(request.session, now=now_timestamp())})
