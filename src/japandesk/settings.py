"""Settings for Japan Desk, driven by environment variables (see .env.example).

Without any variable set, the product runs in its embedded mode: SQLite in the
checkout's data/ folder, tasks run in-process, e-mail printed to the console.
Set JAPANDESK_ENV=production to require the settings a real deployment needs.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("JAPANDESK_HOME", PACKAGE_DIR.parent.parent)).resolve()
DATA_DIR = Path(os.environ.get("JAPANDESK_DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PRODUCTION = os.environ.get("JAPANDESK_ENV", "embedded") == "production"

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when JAPANDESK_ENV=production.")
    SECRET_KEY = "embedded-mode-only-not-secret"  # noqa: S105 - the embedded mode serves 127.0.0.1 only

DEBUG = env_bool("DEBUG", not PRODUCTION)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when JAPANDESK_ENV=production.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_filters",
    "django_htmx",
    "django_tasks_db",
    "japandesk.core",
    "japandesk.zones",
    "japandesk.registry",
    "japandesk.crm",
    "japandesk.portal",
    "japandesk.matching",
    "japandesk.events",
    "japandesk.intel",
    "japandesk.screening",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "japandesk.urls"
WSGI_APPLICATION = "japandesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "japandesk.core.context_processors.japandesk",
            ],
            "builtins": ["japandesk.core.templatetags.jd"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'japandesk.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] != ":memory:":
        Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "registry:dashboard"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("ja", _("Japanese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
LANGUAGE_COOKIE_NAME = "japandesk_language"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
# The package-wide static folder (app.css, favicon, and vendor/ filled from npm by bin/setup).
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
MEDIA_URL = "media/"

# Uploads: imports are read from memory or a temporary file, never kept.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
JAPANDESK_IMPORT_MAX_BYTES = int(os.environ.get("JAPANDESK_IMPORT_MAX_BYTES", str(40 * 1024 * 1024)))

SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND",
            "django_tasks_db.DatabaseBackend" if PRODUCTION else "django.tasks.backends.immediate.ImmediateBackend",
        )
    }
}

EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH == "django.core.mail.backends.smtp.EmailBackend":
    if not os.environ.get("EMAIL_HOST") and PRODUCTION:
        raise ImproperlyConfigured("EMAIL_HOST must be set when JAPANDESK_ENV=production and e-mail goes by SMTP.")
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "587")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "japandesk@localhost")
# The address the product is reached at, for the links in e-mails (tracking, renewal, agendas).
JAPANDESK_SITE_URL = os.environ.get("JAPANDESK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["japandesk.core.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Japan Desk API",
    "DESCRIPTION": (
        "Japan Desk: the FDI registry and its as-of analytics, zones and land, investor relations (CRM), "
        "supplier matching, events and B2B meetings, news intelligence, project screening and monitoring."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The schema and its docs pages are for signed-in roles, like every endpoint.
    "SERVE_PERMISSIONS": ["japandesk.core.permissions.RolePermission"],
    # Several models have a "status": each choice set gets a name of its own.
    "ENUM_NAME_OVERRIDES": {"ProjectStatusEnum": "japandesk.registry.choices.ProjectStatus"},
}

# The province and origin the product is configured for; any other works.
JAPANDESK_PROVINCE = os.environ.get("JAPANDESK_PROVINCE", "Quang Ninh")
# The province's name as each language writes it, "vi=…;ja=…;en=…"; a language not named reads
# JAPANDESK_PROVINCE.
JAPANDESK_PROVINCE_NAMES = dict(
    item.split("=", 1)
    for item in os.environ.get(
        "JAPANDESK_PROVINCE_NAMES",
        "vi=Quảng Ninh;ja=クアンニン省;en=Quang Ninh" if JAPANDESK_PROVINCE == "Quang Ninh" else "",
    ).split(";")
    if "=" in item
)
JAPANDESK_FOCUS_COUNTRY = os.environ.get("JAPANDESK_FOCUS_COUNTRY", "JP")
# The host country: news naming it is not about a foreign origin.
JAPANDESK_HOST_COUNTRY = os.environ.get("JAPANDESK_HOST_COUNTRY", "VN")

# Maps draw the zones over a bundled province outline; a tile URL template adds online tiles
# (e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png with its attribution).
JAPANDESK_MAP_TILES = os.environ.get("JAPANDESK_MAP_TILES", "")
JAPANDESK_MAP_ATTRIBUTION = os.environ.get("JAPANDESK_MAP_ATTRIBUTION", "")

# Public forms (inquiries, registrations): submissions accepted per address and window (seconds),
# and the header that carries the client's address behind a trusted proxy (e.g. X-Forwarded-For).
JAPANDESK_INQUIRY_LIMIT = int(os.environ.get("JAPANDESK_INQUIRY_LIMIT", "5"))
JAPANDESK_INQUIRY_WINDOW = int(os.environ.get("JAPANDESK_INQUIRY_WINDOW", "3600"))
JAPANDESK_CLIENT_IP_HEADER = os.environ.get("JAPANDESK_CLIENT_IP_HEADER", "")

# Largest news file accepted (pasted text has the same limit).
JAPANDESK_NEWS_MAX_BYTES = int(os.environ.get("JAPANDESK_NEWS_MAX_BYTES", str(2 * 1024 * 1024)))

# The cache holds public pages and the public forms' rate limits. One process: memory. Several
# processes share one: CACHE_BACKEND=django.core.cache.backends.db.DatabaseCache with
# CACHE_LOCATION=japandesk_cache (then `japandesk createcachetable`), or a Redis URL with
# django.core.cache.backends.redis.RedisCache.
CACHES = {
    "default": {
        "BACKEND": os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"),
        "LOCATION": os.environ.get("CACHE_LOCATION", "japandesk"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Each task's start and end are logged at INFO: kept out of commands' output unless asked for.
    "loggers": {"django.tasks": {"level": os.environ.get("LOG_LEVEL", "WARNING")}},
}

# API docs pages load their front-end files from our static folder, vendored from npm.
SPECTACULAR_SETTINGS.update(
    {
        "SWAGGER_UI_DIST": "/static/vendor/swagger-ui-dist",
        "SWAGGER_UI_FAVICON_HREF": "/static/japandesk/favicon.svg",
    }
)
