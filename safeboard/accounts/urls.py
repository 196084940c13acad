from django.urls import path

from . import timeout_views, views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.LoginView.as_view(), name="login"),
    path("sign-in/two-factor/", views.TwoFactorView.as_view(), name="two_factor"),
    path("sign-out/", views.LogoutView.as_view(), name="logout"),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/keep-alive/", timeout_views.keep_alive, name="keep_alive"),
    path("account/session-status/", timeout_views.session_status, name="session_status"),
    path("password-reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
]
