"""Gunicorn's settings for SafeBoard, from the environment.

    gunicorn -c python:safeboard.config.gunicorn safeboard.config.wsgi

Every web process is stateless (sessions, rate limits and lock-outs live in the database or
Redis), so run as many processes, on as many machines, as the load needs.
"""

import multiprocessing
import os

bind = os.environ.get("SAFEBOARD_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("SAFEBOARD_THREADS", "1"))
timeout = int(os.environ.get("SAFEBOARD_REQUEST_TIMEOUT", "60"))
# Only the reverse proxy's addresses may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("SAFEBOARD_ACCESS_LOG", "-") or None
errorlog = "-"
# Load the application before forking: workers share its memory and a broken configuration
# stops the server at once instead of each worker failing in turn.
preload_app = True
max_requests = 2000
max_requests_jitter = 200
