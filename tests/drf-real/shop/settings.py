"""Settings of a typical small Django shop: stock DRF, django-filter, SimpleJWT with rotation and blacklist.

Everything is DRF's default unless a comment says why. The database and media live in DRF_REAL_DATA (a temp dir).
"""
import os
from datetime import timedelta
from pathlib import Path

DATA_DIR = Path(os.environ.get('DRF_REAL_DATA', '/tmp/drf-real-data'))
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = 'drf-real-contract-backend-not-a-secret'
# DEBUG=False as in production: Django's own 404/500 pages are HTML then, which clients must cope with.
DEBUG = os.environ.get('DRF_REAL_DEBUG') == '1'
ALLOWED_HOSTS = ['*']

INSTALLED_APPS = [
    'django.contrib.auth',
    'django.contrib.contenttypes',
    'rest_framework',
    'rest_framework_simplejwt.token_blacklist',
    'django_filters',
    'accounts',
    'catalog',
]

MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    'django.middleware.common.CommonMiddleware',
]

ROOT_URLCONF = 'shop.urls'
WSGI_APPLICATION = 'shop.wsgi.application'
DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': str(DATA_DIR / 'db.sqlite3')}}
AUTH_USER_MODEL = 'accounts.User'
AUTH_PASSWORD_VALIDATORS = [
    {'NAME': 'django.contrib.auth.password_validation.UserAttributeSimilarityValidator'},
    {'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'},
    {'NAME': 'django.contrib.auth.password_validation.CommonPasswordValidator'},
    {'NAME': 'django.contrib.auth.password_validation.NumericPasswordValidator'},
]
# Fast hashing: the contract suite registers many users; production keeps PBKDF2.
PASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']
USE_TZ = True
TIME_ZONE = 'UTC'
LANGUAGE_CODE = 'en-us'
DEFAULT_AUTO_FIELD = 'django.db.models.BigAutoField'
MEDIA_URL = '/media/'
MEDIA_ROOT = str(DATA_DIR / 'media')
TEMPLATES = []

REST_FRAMEWORK = {
    'DEFAULT_AUTHENTICATION_CLASSES': ['rest_framework_simplejwt.authentication.JWTAuthentication'],
    'DEFAULT_PERMISSION_CLASSES': ['rest_framework.permissions.AllowAny'],
    'DEFAULT_RENDERER_CLASSES': ['rest_framework.renderers.JSONRenderer'],
    'DEFAULT_FILTER_BACKENDS': ['django_filters.rest_framework.DjangoFilterBackend'],
    'DEFAULT_THROTTLE_CLASSES': [
        'rest_framework.throttling.AnonRateThrottle',
        'rest_framework.throttling.UserRateThrottle',
        'rest_framework.throttling.ScopedRateThrottle',
    ],
    # Generous so the contract suite's walks are not throttled; DRF_REAL_AUTH_RATE lowers the sign-in scope
    # to observe DRF's 429 body and Retry-After.
    'DEFAULT_THROTTLE_RATES': {
        'anon': '100000/hour',
        'user': '100000/hour',
        'auth': os.environ.get('DRF_REAL_AUTH_RATE', '10000/min'),
        'password_reset': os.environ.get('DRF_REAL_RESET_RATE', '10000/min'),
        'set_password': os.environ.get('DRF_REAL_SET_PASSWORD_RATE', '10000/min'),
    },
}

SIMPLE_JWT = {
    'ACCESS_TOKEN_LIFETIME': timedelta(seconds=int(os.environ.get('DRF_REAL_ACCESS_SECONDS', '300'))),
    'REFRESH_TOKEN_LIFETIME': timedelta(days=7),
    'ROTATE_REFRESH_TOKENS': True,
    'BLACKLIST_AFTER_ROTATION': True,
    'AUTH_HEADER_TYPES': ('Bearer',),
}

# Password reset emails (accounts/password_reset.py): kept in memory (django.core.mail.outbox), sent nowhere. The link
# names the storefront from here, never from the request's Host.
EMAIL_BACKEND = 'django.core.mail.backends.locmem.EmailBackend'
DEFAULT_FROM_EMAIL = 'shop@example.com'
FRONTEND_URL = os.environ.get('DRF_REAL_FRONTEND_URL', 'http://127.0.0.1:3000')
# Test-only: GET/DELETE /api/__outbox/ shows that memory (the contract suite reads reset links there). Its own switch,
# not DEBUG: run.sh keeps DEBUG=False for Django's production 404 pages.
TEST_OUTBOX = os.environ.get('DRF_REAL_TEST_OUTBOX') == '1'
# Test-only: DELETE /api/__products/<id>/ deletes a product as the admin would (the contract's product-gone tests).
TEST_PRODUCTS = os.environ.get('DRF_REAL_TEST_PRODUCTS') == '1'

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {'console': {'class': 'logging.StreamHandler'}},
    'loggers': {'django.request': {'handlers': ['console'], 'level': 'ERROR'}},
}

# DRF_REAL_PROXY_HEADERS=1: trust the storefront's X-Forwarded-Host/-Proto, as a Django behind a proxy often does;
# absolute URLs (next, image urls) then name the storefront's host instead of the API's.
if os.environ.get('DRF_REAL_PROXY_HEADERS') == '1':
    USE_X_FORWARDED_HOST = True
    SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
