"""Training's addresses, one list per part of it, all under the `learning` namespace."""

from .attendance import urls as attendance
from .booking import urls as booking
from .catalogue import urls as catalogue
from .charges import urls as charges
from .compliance import urls as compliance
from .evaluation import urls as evaluation
from .needs import urls as needs
from .reach import urls as reach
from .registration import urls as registration
from .sessions import urls as sessions

app_name = "learning"
urlpatterns = [
    *catalogue.urlpatterns,
    *sessions.urlpatterns,
    *booking.urlpatterns,
    *attendance.urlpatterns,
    *evaluation.urlpatterns,
    *charges.urlpatterns,
    *registration.urlpatterns,
    *needs.urlpatterns,
    *compliance.urlpatterns,
    *reach.urlpatterns,
]
