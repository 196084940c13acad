"""The ASGI entry point, for an ASGI server; the same settings selection as WSGI."""

from django.core.asgi import get_asgi_application

from safeboard.config.settings import select_settings_module

select_settings_module()
application = get_asgi_application()
