"""Multi-agency case audits."""

from django.urls import path

from .views import answering, cases, findings, report, rounds, tools

app_name = "audits"
urlpatterns = [
    path("", rounds.RoundListView.as_view(), name="round_list"),
    path("rounds/new/", rounds.RoundCreateView.as_view(), name="round_create"),
    path("rounds/<int:pk>/", rounds.RoundDetailView.as_view(), name="round_detail"),
    path("rounds/<int:pk>/change/", rounds.RoundEditView.as_view(), name="round_edit"),
    path("rounds/<int:pk>/open/", rounds.RoundOpenView.as_view(), name="round_open"),
    path("rounds/<int:pk>/close/", rounds.RoundCloseView.as_view(), name="round_close"),
    path("rounds/<int:pk>/report/", report.RoundReportView.as_view(), name="round_report"),
    path(
        "rounds/<int:pk>/report.pdf", report.RoundReportPdfView.as_view(), name="round_report_pdf"
    ),
    path("rounds/<int:pk>/cases/new/", cases.CaseAddView.as_view(), name="case_add"),
    path("rounds/<int:pk>/findings/new/", findings.FindingAddView.as_view(), name="finding_add"),
    path("cases/<int:pk>/", cases.CaseDetailView.as_view(), name="case_detail"),
    path("cases/<int:pk>/change/", cases.CaseEditView.as_view(), name="case_edit"),
    path("cases/<int:pk>/assign/", cases.AssignmentAddView.as_view(), name="assignment_add"),
    path("cases/<int:pk>/moderate/", cases.ModerationView.as_view(), name="case_moderate"),
    path(
        "assignments/<int:pk>/", answering.AssignmentDetailView.as_view(), name="assignment_detail"
    ),
    path("assignments/<int:pk>/answer/", answering.AnswerView.as_view(), name="assignment_answer"),
    path(
        "assignments/<int:pk>/change/",
        answering.AssignmentEditView.as_view(),
        name="assignment_edit",
    ),
    path(
        "assignments/<int:pk>/remove/",
        answering.AssignmentRemoveView.as_view(),
        name="assignment_remove",
    ),
    path(
        "assignments/<int:pk>/reopen/",
        answering.AssignmentReopenView.as_view(),
        name="assignment_reopen",
    ),
    path("findings/<int:pk>/change/", findings.FindingEditView.as_view(), name="finding_edit"),
    path(
        "findings/<int:pk>/actions/new/",
        findings.FindingActionAddView.as_view(),
        name="finding_add_action",
    ),
    path("tools/", tools.ToolListView.as_view(), name="tool_list"),
    path("tools/new/", tools.ToolCreateView.as_view(), name="tool_create"),
    path("tools/<int:pk>/", tools.ToolDetailView.as_view(), name="tool_detail"),
    path("tools/<int:pk>/change/", tools.ToolEditView.as_view(), name="tool_edit"),
    path("tools/<int:pk>/sections/new/", tools.SectionAddView.as_view(), name="section_add"),
    path("versions/<int:pk>/", tools.VersionDetailView.as_view(), name="version_detail"),
    path("sections/<int:pk>/change/", tools.SectionEditView.as_view(), name="section_edit"),
    path("sections/<int:pk>/remove/", tools.SectionRemoveView.as_view(), name="section_remove"),
    path("sections/<int:pk>/questions/new/", tools.QuestionAddView.as_view(), name="question_add"),
    path("questions/<int:pk>/change/", tools.QuestionEditView.as_view(), name="question_edit"),
    path("questions/<int:pk>/remove/", tools.QuestionRemoveView.as_view(), name="question_remove"),
]
