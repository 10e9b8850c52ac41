"""Gunicorn settings, read from the environment."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

bind = f"0.0.0.0:{os.getenv('PORT', '8000')}"
workers = int(os.getenv("WEB_CONCURRENCY", "3"))
timeout = int(os.getenv("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
accesslog = "-"
# Resume and share links carry secret tokens in their paths: the access log masks them.
logger_class = "cto_assess.log_masking.MaskingGunicornLogger"
errorlog = "-"
