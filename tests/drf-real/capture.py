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

KEPT_HEADERS = ('content-type', 'allow', 'www-authenticate', 'retry-after', 'location', 'idempotent-replayed')


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
    capture_orders(base, out)
    capture_password_reset(base, out)
    if throttled_base:
        for _ in range(5):
            answer = call(throttled_base, 'POST', '/auth/token/', wrong)
            if answer['status'] == 429:
                # Retry-After and the detail say the seconds left in the window: run.sh compares this one by shape.
                write(out / 'token-throttled-429.json', answer)
                break

ADDRESS = {'full_name': 'Ada Lovelace', 'line1': '12 Analytical Way', 'line2': '', 'city': 'London',
           'postal_code': 'N1 9GU', 'country': 'GB', 'phone': '+44 20 7946 0000'}


def capture_password_reset(base, out):
    """The reset answers the storefront's forms read; the link comes from /__outbox/ (DRF_REAL_TEST_OUTBOX=1)."""
    write(out / 'password-reset-200.json', call(base, 'POST', '/auth/password/reset/', {'email': 'nobody@example.com'}))
    write(out / 'password-reset-confirm-bad-uid-400.json', call(base, 'POST', '/auth/password/reset/confirm/',
                                                                {'uid': 'bm9wZQ', 'token': 'x-y', 'new_password': 'Capture-horse-battery-9'}))
    email = 'capture-reset@example.com'
    call(base, 'POST', '/auth/register/', {'email': email, 'password': 'Capture-horse-battery-9', 'first_name': 'Ada', 'last_name': 'Reset'})
    call(base, 'POST', '/auth/password/reset/', {'email': email})
    body = call(base, 'GET', f'/__outbox/?to={email}')['body'][-1]['body']
    query = dict(part.split('=', 1) for part in body.split('?', 1)[1].split()[0].split('&'))
    write(out / 'password-reset-confirm-weak-400.json', call(base, 'POST', '/auth/password/reset/confirm/',
                                                             {**query, 'new_password': 'capture-reset'}))
    write(out / 'password-reset-confirm-bad-token-400.json', call(base, 'POST', '/auth/password/reset/confirm/',
                                                                  {'uid': query['uid'], 'token': 'bad-token', 'new_password': 'Capture-horse-battery-9'}))


def shopper(base, name):
    """A fresh shopper's Authorization header (the database is fresh: run.sh captures right after seeding)."""
    email, password = f'capture-{name}@example.com', 'Capture-horse-battery-9'
    call(base, 'POST', '/auth/register/', {'email': email, 'password': password, 'first_name': 'Ada', 'last_name': name})
    tokens = call(base, 'POST', '/auth/token/', {'email': email, 'password': password})['body']
    return {'Authorization': f"Bearer {tokens['access']}"}


def capture_orders(base, out):
    """Shipping methods and POST/GET /orders/ as the storefront meets them: placed, replayed, refused."""
    write(out / 'shipping-methods-200.json', call(base, 'GET', '/shipping-methods/'))
    # The first product without variants and with a few in stock (the seed is deterministic).
    product = next(p for p in (call(base, 'GET', f'/products/{i}/')['body'] for i in range(1, 60))
                   if not p['variants'] and p['stock'] >= 3)
    order = {'shipping_address': ADDRESS, 'shipping_method_id': 1, 'payment_token': 'tok_visa'}
    key = {'Idempotency-Key': 'capture-key-1'}

    buyer = shopper(base, 'buyer')
    write(out / 'order-cart-empty-400.json', call(base, 'POST', '/orders/', order, {**buyer, **key}))
    call(base, 'POST', '/cart/items/', {'product_id': product['id'], 'quantity': 2}, buyer)
    write(out / 'order-no-key-400.json', call(base, 'POST', '/orders/', order, buyer))
    write(out / 'order-invalid-400.json', call(base, 'POST', '/orders/', {
        'shipping_address': {**ADDRESS, 'city': '', 'country': 'gb'}, 'shipping_method_id': 99}, {**buyer, **key}))
    # What a shipping method retired during checkout gets (or any unknown id): DRF's stock relation message.
    write(out / 'order-unknown-shipping-method-400.json', call(base, 'POST', '/orders/', {**order, 'shipping_method_id': 99}, {**buyer, **key}))
    write(out / 'order-declined-402.json', call(base, 'POST', '/orders/', {**order, 'payment_token': 'tok_chargeDeclined'}, {**buyer, **key}))
    # The declined attempt did not consume the key: the same key places the order.
    created = call(base, 'POST', '/orders/', order, {**buyer, **key})
    write(out / 'order-created-201.json', created)
    write(out / 'order-replayed-201.json', call(base, 'POST', '/orders/', order, {**buyer, **key}))
    write(out / 'order-key-reused-409.json', call(base, 'POST', '/orders/', {**order, 'shipping_method_id': 2}, {**buyer, **key}))
    call(base, 'POST', '/cart/items/', {'product_id': product['id'], 'quantity': 1}, buyer)
    call(base, 'POST', '/orders/', order, {**buyer, 'Idempotency-Key': 'capture-key-2'})
    write(out / 'orders-page-200.json', call(base, 'GET', '/orders/?page_size=1', None, buyer))
    write(out / 'order-other-shopper-404.json', call(base, 'GET', f"/orders/{created['body']['id']}/", None, shopper(base, 'stranger')))

    # Sold out between the cart and the order: a rival takes one of the units the buyer holds in the cart.
    stock = call(base, 'GET', f"/products/{product['id']}/")['body']['stock']
    rival = shopper(base, 'rival')
    call(base, 'POST', '/cart/items/', {'product_id': product['id'], 'quantity': stock}, buyer)
    call(base, 'POST', '/cart/items/', {'product_id': product['id'], 'quantity': 1}, rival)
    call(base, 'POST', '/orders/', order, {**rival, 'Idempotency-Key': 'capture-key-rival'})
    write(out / 'order-out-of-stock-409.json', call(base, 'POST', '/orders/', order, {**buyer, 'Idempotency-Key': 'capture-key-3'}))


def write(path, answer):
    path.write_text(json.dumps(answer, indent=2) + '\n')
    print(f"{path.name}: {answer['status']}")


if __name__ == '__main__':
    main()
