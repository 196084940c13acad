"""The WSGI entry point: `gunicorn safeboard.config.wsgi` (see the README)."""

from django.core.wsgi import get_wsgi_application

from safeboard.config.settings import select_settings_module

select_settings_module()
application = get_wsgi_application()
