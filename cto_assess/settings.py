"""Settings for CTO Assess, read from the environment.

Defaults suit a fresh clone: SQLite in ``db.sqlite3``; ``DEBUG`` is off unless set
(``make run`` sets it). With ``DEBUG`` off a ``SECRET_KEY`` is required.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from cto_assess.env import env, envbool, envcaches, envfilescache, envint, envlist

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = envbool("DEBUG", "False")

SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(a long random string), or DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before django.contrib.admin to patch its forms.
    "modeltranslation",
    # Django's admin, on a site that asks staff for their second factor (admin_site.py).
    "cto_assess.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    # Third-party apps under translated names in the admin (cto_assess/apps.py).
    "cto_assess.apps.AxesConfig",
    "django_otp",
    "cto_assess.apps.TOTPConfig",
    "cto_assess.apps.StaticCodesConfig",
    "crispy_forms",
    "crispy_bootstrap5",
    "content",
    "assessments",
    "accounts",
    "plans",
    "guide_version",
    "django_tasks",
    "cto_assess.apps.TaskResultsConfig",
    "colleagues",
    "calibration",
    "organisations",
    "api",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # GET, HEAD and POST only, outside the API: 405 for PUT, DELETE, PROPFIND...
    "cto_assess.methods.PageMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before anything reads the body: 413 for a large body or a file part.
    "cto_assess.limits.RequestSizeMiddleware",
    # The API's HTTP contract: HEAD as GET, a JSON 405, a 304 without a body type.
    "api.middleware.ApiHttpContractMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): logged in with a second factor (accounts/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    # A member's session ends after 2 idle hours, or 14 days after log-in.
    "cto_assess.session_timeout.SessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Members', visitors' and shared reports' pages: Cache-Control: no-store, private.
    "cto_assess.private.PrivateResponseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cto_assess.headers.SecurityHeadersMiddleware",  # Permissions-Policy, CORP
    # Last, as django-axes asks: it turns a locked-out log-in into its lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses log-ins while locked out
    "accounts.backends.UsernameLimitBackend",  # and while a username is over its own limit
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cto_assess.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cto_assess.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server processes may write at once: transactions take the write lock when
    # they begin (no failed lock upgrade half-way), wait for it rather than fail, and WAL
    # lets readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# CACHE_URL picks the cache: each process its own by default (a fresh clone needs no
# server), or one Redis shared by every server. It keeps rendered reports and their files
# (reports/cache.py).
CACHES = envcaches("CACHE_URL")
# Rendered report files (PDFs) are drawn by the task worker and served by every web
# process: they need a cache all of them share (the Redis of CACHE_URL, or files here).
CACHES["files"] = envfilescache("FILES_CACHE_URL", "CACHE_URL", BASE_DIR / "var" / "report-files")

# Background tasks (the Django tasks API, through the django-tasks backport): slow work
# such as a report's PDF runs in a worker, never in a request. TASKS_BACKEND picks where
# tasks wait: "database" (the default: a table of this database, run by
# `manage.py db_worker`), "rq" (Redis at RQ_URL, run by `manage.py rqworker`, for several
# machines) or "immediate" (run at once in the process that asks: tests, one-off scripts).
TASKS_BACKEND = env("TASKS_BACKEND", "database").strip().lower()
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ValueError(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
# A task RUNNING this long is taken for one whose worker died, and queued again
# (cto_assess/task_reaper.py); a PDF takes seconds.
TASK_STALE_SECONDS = envint("TASK_STALE_SECONDS", "45")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": env("RQ_URL", "redis://127.0.0.1:6379/2")}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Japanese first, English second; the browser chooses.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Tokyo"
# One date format per language (cto_assess/formats/<language>/formats.py); every date is
# shown in TIME_ZONE.
FORMAT_MODULE_PATH = ["cto_assess.formats"]
USE_I18N = True
USE_TZ = True

# Translated model fields (name_ja, name_en, ...); a blank one falls back to the other.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ja"
MODELTRANSLATION_LANGUAGES = ("ja", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("ja", "en"), "ja": ("en",), "en": ("ja",)}

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Request bodies: no page takes files, and none needs more than a few kilobytes of form.
MAX_REQUEST_BODY_BYTES = envint("MAX_REQUEST_BODY_BYTES", "1048576")
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_BYTES

# Rate limits (cto_assess/ratelimit.py): a member always by account; anyone else by client
# address, which a whole office can share behind one NAT, so the defaults for addresses
# leave room for a few hundred people. RATE_LIMIT_<NAME> overrides one (RATE_LIMIT_PDF=60/h).
RATE_LIMIT_DEFAULTS = {
    "start": "200/h",  # starting an assessment (per member, or per address for visitors)
    "signup": "60/h",  # sign-up forms sent, per address
    "signup_email": "3/h",  # sign-up mails to one address, whoever asks (no flooding)
    "login": "100/10m",  # log-in attempts per address (axes counts wrong passwords per name)
    "resume": "120/h",  # opening resume links (guessing them)
    "share": "20/h",  # creating share links (members and visitors with their report)
    "pdf": "30/h",  # PDFs drawn (a drawing costs seconds of CPU; a drawn one is free)
    "invite": "30/h",  # creating colleagues' invitations, per person
    "invite_assessment": "15/h",  # the same, per assessment whoever asks
    "otp": "10/10m",  # codes of two-step verification, right or wrong
    "organisation": "10/h",  # creating organisations
    "org_invite": "50/h",  # creating organisations' invitations
    "join": "120/h",  # opening invitation links (guessing them), per address
    "api": "1000/h",  # API requests, per token's member
    "api_token": "20/h",  # creating API tokens
}
RATE_LIMITS = {
    name: env(f"RATE_LIMIT_{name.upper()}", default)
    for name, default in RATE_LIMIT_DEFAULTS.items()
}

# Security headers. Every script and style is a file of our own: nothing inline runs,
# except styles in admin, whose widgets set a few (cto_assess/headers.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],  # admin adds 'unsafe-inline' (cto_assess/headers.py)
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "manifest-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# HTTPS in production; behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER=1, or
# SECURE_SSL_REDIRECT=0 when the proxy redirects itself.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False" if DEBUG else "True")
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "False" if DEBUG else "True")
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", "False" if DEBUG else "True")
# Over HTTPS the cookies carry the __Host- prefix: the browser keeps them to this host,
# path / and HTTPS, so no sibling subdomain can set or shadow them.
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"
# The language cookie (set when a person picks a language) follows the same rules: HTTPS
# only, not readable by scripts, not sent on cross-site requests.
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 14 * 24 * 3600
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", "120")
SESSION_ABSOLUTE_DAYS = envint("SESSION_ABSOLUTE_DAYS", "14")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "True")
# Asking browsers to preload HSTS binds the domain (and its subdomains) to HTTPS for months
# in every browser: only when the installation says so.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "False")
# Django's deploy check asks for preloading (security.W021): a choice made above, on purpose.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if envbool("SECURE_PROXY_SSL_HEADER", "False"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP

# The client's address: behind TRUSTED_PROXY_COUNT proxies that append to X-Forwarded-For
# (0: the connection's own address, and the header is ignored). See client_address.py.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")

# Password guessing: 5 failures for a username from one address lock that username from
# that address for 15 minutes, on the site's log-in and admin's alike. Failures during a
# lockout are not counted and do not restart it. From all addresses together, each
# counting at most 5, 30 failures within those 15 minutes make the username wait 30 s
# after its latest failure, doubled for each further one, 15 minutes at most
# (accounts/backends.py): never a lock that a stranger can hold on.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_USERNAME_FAILURE_LIMIT = envint("AXES_USERNAME_FAILURE_LIMIT", "30")
AXES_USERNAME_DELAY_SECONDS = envint("AXES_USERNAME_DELAY_SECONDS", "30")
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", "15"))
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "cto_assess.client_address.client_address"
# Counted by the name the log-in form checks (an email address in lower case).
AXES_USERNAME_CALLABLE = "accounts.backends.login_name_of"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Two-step verification (django-otp): a time-based code from an authenticator app, or a
# one-time backup code. Staff need it for admin; members may turn it on. Each wrong code
# doubles the wait before the next one (1, 2, 4 ... seconds), beside RATE_LIMITS["otp"].
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "CTO Assess")
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Admin lists people's devices (to remove a lost one) but never shows their secrets.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A sign-up link (emailed to confirm the address) works for this long.
SIGNUP_LINK_HOURS = envint("SIGNUP_LINK_HOURS", "24")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# Email (reassessment reminders, password resets): SMTP when EMAIL_HOST is set; else the
# console while developing (a fresh clone sends nothing), and in production nothing at all,
# with an error in the log and in `check --deploy` (cto_assess/mail.py): mails carry live
# links that must not reach the logs.
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "cto_assess.mail.UnconfiguredEmailBackend",
)
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", "1") not in ("0", "false", "")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "CTO Assess <no-reply@localhost>")

# Queue a report's PDF for the task worker when the assessment is completed (see
# reports/tasks.py): the first download is then ready at once.
REPORT_WARM_ON_COMPLETE = envbool("REPORT_WARM_ON_COMPLETE", "True")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "cto_assess.log_format.JsonFormatter"},
    },
    # Resume and share tokens are masked in every record (cto_assess/log_masking.py).
    "filters": {"mask_tokens": {"()": "cto_assess.log_masking.MaskTokensFilter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["mask_tokens"],
            # Structured lines in production; readable ones while developing.
            "formatter": env("LOG_FORMAT", "plain" if DEBUG else "json"),
        }
    },
    "root": {"handlers": ["stdout"], "level": env("LOG_LEVEL", "INFO")},
    # Django's own console handler would print every record a second time.
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # WeasyPrint reports every rendering step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
