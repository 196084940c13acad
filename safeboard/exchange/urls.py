from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("", views.SharingView.as_view(), name="sharing"),
    path("share/<str:source>/<int:pk>/", views.ShareView.as_view(), name="share"),
    path("shared/<int:pk>/stop/", views.UnshareView.as_view(), name="unshare"),
    path("subscriptions/", views.SubscriptionListView.as_view(), name="subscriptions"),
    path("subscriptions/new/", views.SubscribeView.as_view(), name="subscribe"),
    path("subscriptions/<int:pk>/", views.SubscriptionView.as_view(), name="subscription"),
    path("subscriptions/<int:pk>/pull/", views.PullNowView.as_view(), name="pull"),
    path(
        "subscriptions/<int:pk>/pause/",
        views.SubscriptionActiveView.as_view(active=False),
        name="pause",
    ),
    path(
        "subscriptions/<int:pk>/resume/",
        views.SubscriptionActiveView.as_view(active=True),
        name="resume",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
    path("imported/<int:pk>/", views.ImportedItemView.as_view(), name="imported"),
    path("feed/", views.FeedView.as_view(), name="feed"),
    path("schema/v1.json", views.SchemaView.as_view(), name="schema"),
]
