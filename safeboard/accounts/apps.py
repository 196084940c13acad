from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "safeboard.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .session_timeout import clocks_start

        user_logged_in.connect(clocks_start, dispatch_uid="safeboard-session-clocks")
