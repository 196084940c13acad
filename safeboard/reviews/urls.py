"""Every page of case reviews, gathered from each part's own URLs, in the `reviews` namespace.
A page of one review goes through the review's gate (404 for those refused; access.py)."""

from .access_log.urls import urlpatterns as access_log
from .briefings.urls import urlpatterns as briefings
from .cases.urls import urlpatterns as cases
from .conduct.urls import urlpatterns as conduct
from .decision.urls import urlpatterns as decision
from .findings.urls import urlpatterns as findings
from .frameworks.urls import urlpatterns as frameworks
from .public.urls import urlpatterns as public
from .referral.urls import urlpatterns as referral
from .search.urls import urlpatterns as search

app_name = "reviews"
urlpatterns = [
    *cases,
    *referral,
    *access_log,
    *frameworks,
    *decision,
    *conduct,
    *findings,
    *briefings,
    *search,
    *public,
]
