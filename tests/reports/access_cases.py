from safeboard.accounts.roles import BOARD_BUSINESS_READERS, Role
from safeboard.reports.factories import YearlyReportFactory
from safeboard.reports.models import YearlyReport
from tests.access import AccessCase

BM = {Role.BUSINESS_MANAGER}
READERS = BOARD_BUSINESS_READERS | {Role.READER}


def _draft(cast):
    return {"pk": YearlyReportFactory().pk}


def _reviewed(cast):
    return {"pk": YearlyReportFactory(status=YearlyReport.Status.BOARD_REVIEW).pk}


def _published(cast):
    report = YearlyReportFactory(status=YearlyReport.Status.PUBLISHED, snapshot={"sections": []})
    return {"pk": report.pk}


def _draft_section(cast):
    return {"pk": YearlyReportFactory().pk, "key": "contributions"}


ACCESS_CASES = [
    AccessCase("reports:list", READERS),
    AccessCase("reports:create", BM),
    AccessCase("reports:contributions", BM),
    # A reader (councillor, inspector) reads published reports only.
    AccessCase("reports:detail", BOARD_BUSINESS_READERS, _draft),
    AccessCase("reports:pdf", BOARD_BUSINESS_READERS, _draft),
    AccessCase("reports:summary", BM, _draft),
    AccessCase("reports:narrative", BM, _draft_section),
    AccessCase("reports:send_for_review", BM, _draft, method="post"),
    AccessCase(
        "reports:return_to_draft", {Role.BUSINESS_MANAGER, Role.CHAIR}, _reviewed, method="post"
    ),
    AccessCase("reports:sign_off", {Role.CHAIR}, _reviewed, method="post"),
    AccessCase("reports:publish", {Role.BUSINESS_MANAGER, Role.CHAIR}, _draft, method="post"),
    AccessCase("reports:recipients", BM, _published),
    AccessCase("reports:correct", BM, _published),
]
