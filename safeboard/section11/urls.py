from django.urls import path

from .views import chasing, cycles, library, picture, returns, scrutiny

app_name = "section11"

cycle = "<id:pk>/"
agency_return = "returns/<id:pk>/"
standard = agency_return + "standards/<id:rating_pk>/"

urlpatterns = [
    path("", cycles.CycleListView.as_view(), name="cycle_list"),
    path("new/", cycles.CycleCreateView.as_view(), name="cycle_create"),
    path(cycle, cycles.CycleDetailView.as_view(), name="cycle_detail"),
    path(cycle + "change/", cycles.CycleEditView.as_view(), name="cycle_edit"),
    path(cycle + "scale/", cycles.CycleScaleView.as_view(), name="cycle_scale"),
    path(cycle + "schedule/", cycles.CycleScheduleView.as_view(), name="cycle_schedule"),
    path(cycle + "standards/", cycles.CycleStandardsView.as_view(), name="cycle_standards"),
    path(
        cycle + "standards/new/",
        cycles.CycleStandardAddView.as_view(),
        name="cycle_standard_add",
    ),
    path(
        cycle + "standards/<id:standard_pk>/change/",
        cycles.CycleStandardEditView.as_view(),
        name="cycle_standard_edit",
    ),
    path(
        cycle + "standards/<id:standard_pk>/remove/",
        cycles.CycleStandardRemoveView.as_view(),
        name="cycle_standard_remove",
    ),
    path(cycle + "open/", cycles.CycleOpenView.as_view(), name="cycle_open"),
    path(cycle + "close/", cycles.CycleCloseView.as_view(), name="cycle_close"),
    path(cycle + "picture/", picture.PictureView.as_view(), name="picture"),
    path(cycle + "chasing/", chasing.ChaseListView.as_view(), name="chase_list"),
    path(cycle + "peer-challenge/", scrutiny.RequestListView.as_view(), name="request_list"),
    path(
        cycle + "peer-challenge/sample/",
        scrutiny.SampleDrawView.as_view(),
        name="sample_draw",
    ),
    path("standard-sets/", library.StandardSetListView.as_view(), name="standard_set_list"),
    path(
        "standard-sets/<id:pk>/",
        library.StandardSetDetailView.as_view(),
        name="standard_set_detail",
    ),
    path(
        "standard-sets/<id:pk>/standards/new/",
        library.LibraryStandardAddView.as_view(),
        name="library_standard_add",
    ),
    path(
        "standard-sets/<id:pk>/standards/<id:standard_pk>/change/",
        library.LibraryStandardEditView.as_view(),
        name="library_standard_edit",
    ),
    path(agency_return, returns.ReturnDetailView.as_view(), name="return_detail"),
    path(agency_return + "submit/", returns.ReturnSubmitView.as_view(), name="return_submit"),
    path(agency_return + "moderate/", scrutiny.ModerationView.as_view(), name="return_moderate"),
    path(agency_return + "chase/", chasing.ChaseView.as_view(), name="chase"),
    path(agency_return + "extend/", chasing.ExtensionView.as_view(), name="extend_deadline"),
    path(standard, returns.RatingEditView.as_view(), name="rating_edit"),
    path(standard + "evidence/new/", returns.EvidenceAddView.as_view(), name="evidence_add"),
    path(standard + "plan/new/", returns.ImprovementAddView.as_view(), name="improvement_add"),
    path(standard + "ask/", scrutiny.RequestEvidenceView.as_view(), name="request_create"),
    path(
        agency_return + "evidence/<id:evidence_pk>/remove/",
        returns.EvidenceRemoveView.as_view(),
        name="evidence_remove",
    ),
    path(
        agency_return + "evidence/<id:evidence_pk>/file/",
        returns.EvidenceFileView.as_view(),
        name="evidence_file",
    ),
    path(
        agency_return + "plan/<id:item_pk>/remove/",
        returns.ImprovementRemoveView.as_view(),
        name="improvement_remove",
    ),
    path("chases/<id:pk>/letter/", chasing.LetterFileView.as_view(), name="letter_file"),
    path("requests/<id:pk>/", scrutiny.RequestDetailView.as_view(), name="request_detail"),
    path(
        "requests/<id:pk>/respond/",
        scrutiny.RequestRespondView.as_view(),
        name="request_respond",
    ),
    path(
        "requests/<id:pk>/conclude/",
        scrutiny.RequestConcludeView.as_view(),
        name="request_conclude",
    ),
    path(
        "organisations/<id:pk>/chief-officer/",
        chasing.ChiefOfficerView.as_view(),
        name="chief_officer",
    ),
]
