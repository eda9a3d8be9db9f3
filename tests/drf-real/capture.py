#!/usr/bin/env python3
"""Captures real DRF answers (status, the headers clients act on, body) into fixtures/<name>.json.

Usage: capture.py <api base> <out dir> [<api base of an instance started with DRF_REAL_AUTH_RATE=2/min>]
Unit tests replay these files (tests/unit/core/drfRealBodies.test.ts); run.sh re-captures and diffs them, so a
fixture that no longer matches what DRF sends is noticed.
"""
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

KEPT_HEADERS = ('content-type', 'allow', 'www-authenticate', 'retry-after', 'location')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def call(base, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    all_headers = {'Accept': 'application/json', **({'Content-Type': 'application/json'} if body is not None else {}), **(headers or {})}
    request = urllib.request.Request(base + path, method=method, data=data, headers=all_headers)
    try:
        response = urllib.request.build_opener(NoRedirect).open(request)
        status, response_headers, text = response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        status, response_headers, text = error.code, error.headers, error.read().decode()
    try:
        parsed = json.loads(text)
    except ValueError:
        parsed = text
    kept = {k.lower(): v for k, v in response_headers.items() if k.lower() in KEPT_HEADERS}
    return {'request': f'{method} {path}', 'status': status, 'headers': kept, 'body': parsed}


def main():
    base, out = sys.argv[1].rstrip('/'), Path(sys.argv[2])
    throttled_base = sys.argv[3].rstrip('/') if len(sys.argv) > 3 else None
    out.mkdir(parents=True, exist_ok=True)
    wrong = {'email': 'nobody@example.com', 'password': 'wrong-password-1'}
    cases = {
        'products-unknown-brand-400': ('GET', '/products/?brand=no-such-brand&page_size=24', None, None),
        'products-malformed-min-price-400': ('GET', '/products/?min_price=cheap', None, None),
        'unknown-path-404-html': ('GET', '/no-such-endpoint/', None, None),
        'me-no-credentials-401': ('GET', '/auth/me/', None, None),
        'me-invalid-token-401': ('GET', '/auth/me/', None, {'Authorization': 'Bearer not.a.token'}),
        'token-wrong-credentials-401': ('POST', '/auth/token/', wrong, None),
        'refresh-garbage-401': ('POST', '/auth/token/refresh/', {'refresh': 'garbage'}, None),
        'register-invalid-400': ('POST', '/auth/register/', {'email': 'not-an-email', 'password': '1'}, None),
        'products-put-405': ('PUT', '/products/', {}, None),
        'categories-no-slash-301': ('GET', '/categories', None, None),
        # Product 1 of the seed has fewer than 99 in stock: DRF's APIException with a dict detail.
        'cart-add-out-of-stock-409': ('POST', '/cart/items/', {'product_id': 1, 'quantity': 99}, None),
    }
    for name, (method, path, body, headers) in cases.items():
        write(out / f'{name}.json', call(base, method, path, body, headers))
    if throttled_base:
        for _ in range(5):
            answer = call(throttled_base, 'POST', '/auth/token/', wrong)
            if answer['status'] == 429:
                # Retry-After and the detail say the seconds left in the window: run.sh compares this one by shape.
                write(out / 'token-throttled-429.json', answer)
                break

def write(path, answer):
    path.write_text(json.dumps(answer, indent=2) + '\n')
    print(f"{path.name}: {answer['status']}")


if __name__ == '__main__':
    main()
