"""Multi-agency case audits."""

from django.urls import path

from .views import answering, cases, findings, report, rounds, tools

app_name = "audits"
urlpatterns = [
    path("", rounds.RoundListView.as_view(), name="round_list"),
    path("rounds/new/", rounds.RoundCreateView.as_view(), name="round_create"),
    path("rounds/<id:pk>/", rounds.RoundDetailView.as_view(), name="round_detail"),
    path("rounds/<id:pk>/change/", rounds.RoundEditView.as_view(), name="round_edit"),
    path("rounds/<id:pk>/open/", rounds.RoundOpenView.as_view(), name="round_open"),
    path("rounds/<id:pk>/close/", rounds.RoundCloseView.as_view(), name="round_close"),
    path("rounds/<id:pk>/report/", report.RoundReportView.as_view(), name="round_report"),
    path("rounds/<id:pk>/report.pdf", report.RoundReportPdfView.as_view(), name="round_report_pdf"),
    path("rounds/<id:pk>/cases/new/", cases.CaseAddView.as_view(), name="case_add"),
    path("rounds/<id:pk>/findings/new/", findings.FindingAddView.as_view(), name="finding_add"),
    path("cases/<id:pk>/", cases.CaseDetailView.as_view(), name="case_detail"),
    path("cases/<id:pk>/change/", cases.CaseEditView.as_view(), name="case_edit"),
    path("cases/<id:pk>/assign/", cases.AssignmentAddView.as_view(), name="assignment_add"),
    path("cases/<id:pk>/moderate/", cases.ModerationView.as_view(), name="case_moderate"),
    path(
        "assignments/<id:pk>/", answering.AssignmentDetailView.as_view(), name="assignment_detail"
    ),
    path("assignments/<id:pk>/answer/", answering.AnswerView.as_view(), name="assignment_answer"),
    path(
        "assignments/<id:pk>/change/",
        answering.AssignmentEditView.as_view(),
        name="assignment_edit",
    ),
    path(
        "assignments/<id:pk>/remove/",
        answering.AssignmentRemoveView.as_view(),
        name="assignment_remove",
    ),
    path(
        "assignments/<id:pk>/reopen/",
        answering.AssignmentReopenView.as_view(),
        name="assignment_reopen",
    ),
    path("findings/<id:pk>/change/", findings.FindingEditView.as_view(), name="finding_edit"),
    path(
        "findings/<id:pk>/actions/new/",
        findings.FindingActionAddView.as_view(),
        name="finding_add_action",
    ),
    path("tools/", tools.ToolListView.as_view(), name="tool_list"),
    path("tools/new/", tools.ToolCreateView.as_view(), name="tool_create"),
    path("tools/<id:pk>/", tools.ToolDetailView.as_view(), name="tool_detail"),
    path("tools/<id:pk>/change/", tools.ToolEditView.as_view(), name="tool_edit"),
    path("tools/<id:pk>/sections/new/", tools.SectionAddView.as_view(), name="section_add"),
    path("versions/<id:pk>/", tools.VersionDetailView.as_view(), name="version_detail"),
    path("sections/<id:pk>/change/", tools.SectionEditView.as_view(), name="section_edit"),
    path("sections/<id:pk>/remove/", tools.SectionRemoveView.as_view(), name="section_remove"),
    path("sections/<id:pk>/questions/new/", tools.QuestionAddView.as_view(), name="question_add"),
    path("questions/<id:pk>/change/", tools.QuestionEditView.as_view(), name="question_edit"),
    path("questions/<id:pk>/remove/", tools.QuestionRemoveView.as_view(), name="question_remove"),
]
