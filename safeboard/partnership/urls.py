from django.urls import path

from .views import agencies, groups, handbook, induction, people

app_name = "partnership"
urlpatterns = [
    path("partnership/agencies/", agencies.AgencyListView.as_view(), name="agency_list"),
    path("partnership/agencies/new/", agencies.AgencyCreateView.as_view(), name="agency_create"),
    path(
        "partnership/agencies/<id:pk>/",
        agencies.AgencyDetailView.as_view(),
        name="agency_detail",
    ),
    path(
        "partnership/agencies/<id:pk>/change/",
        agencies.AgencyEditView.as_view(),
        name="agency_edit",
    ),
    path("partnership/people/", people.PersonListView.as_view(), name="person_list"),
    path("partnership/people/new/", people.PersonCreateView.as_view(), name="person_create"),
    path("partnership/people/<id:pk>/", people.PersonDetailView.as_view(), name="person_detail"),
    path(
        "partnership/people/<id:pk>/change/",
        people.PersonEditView.as_view(),
        name="person_edit",
    ),
    path(
        "partnership/people/<id:pk>/account/",
        people.PersonAccountView.as_view(),
        name="person_account",
    ),
    path("partnership/groups/", groups.GroupListView.as_view(), name="group_list"),
    path("partnership/groups/new/", groups.GroupCreateView.as_view(), name="group_create"),
    path("partnership/groups/<id:pk>/", groups.GroupDetailView.as_view(), name="group_detail"),
    path("partnership/groups/<id:pk>/change/", groups.GroupEditView.as_view(), name="group_edit"),
    path(
        "partnership/groups/<id:pk>/members/new/",
        groups.MembershipAddView.as_view(),
        name="membership_add",
    ),
    path(
        "partnership/memberships/<id:pk>/end/",
        groups.MembershipEndView.as_view(),
        name="membership_end",
    ),
    path("induction/", induction.InductionPlanListView.as_view(), name="induction_list"),
    path("induction/new/", induction.InductionPlanCreateView.as_view(), name="induction_create"),
    path(
        "induction/<id:pk>/",
        induction.InductionPlanDetailView.as_view(),
        name="induction_detail",
    ),
    path(
        "induction/items/<id:pk>/tick/",
        induction.InductionItemTickView.as_view(),
        name="induction_item_tick",
    ),
    path("handbook/", handbook.HandbookView.as_view(), name="handbook"),
    path("handbook/new/", handbook.HandbookPageCreateView.as_view(), name="handbook_create"),
    path(
        "handbook/<id:pk>/change/",
        handbook.HandbookPageEditView.as_view(),
        name="handbook_edit",
    ),
]
