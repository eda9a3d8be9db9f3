#!/usr/bin/env python3
"""Compares freshly captured DRF answers with the committed fixtures. Exact, except where DRF puts the seconds
left in a throttle window (token-throttled-429: Retry-After and the detail), and where orders carry the time they
were placed (datetimes, the date in an order number, cursors, which encode a position in time) or name the run's
port: compared by shape."""
import json
import re
import sys
from pathlib import Path

committed, fresh = Path(sys.argv[1]), Path(sys.argv[2])
SECONDS = re.compile(r'\d+')
# The moment of the run: datetimes, an order number's date, a cursor (base64 of a created_at position); and the
# run's free port in absolute URLs (Location, next).
MOMENTS = [(re.compile(r'http://127\.0\.0\.1:\d+/'), 'http://127.0.0.1:PORT/'), (re.compile(r'\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z'), 'DATETIME'),
           (re.compile(r'"number": "\d{8}-'), '"number": "YYYYMMDD-'), (re.compile(r'cursor=[A-Za-z0-9%_-]+'), 'cursor=CURSOR')]


def moment_free(answer):
    text = json.dumps(answer)
    for pattern, replacement in MOMENTS:
        text = pattern.sub(replacement, text)
    return json.loads(text)


failed = False
for path in sorted(committed.glob('*.json')):
    expected = json.loads(path.read_text())
    other = fresh / path.name
    if not other.exists():
        print(f'{path.name}: not captured'); failed = True; continue
    actual = json.loads(other.read_text())
    if path.name == 'token-throttled-429.json':
        for answer in (expected, actual):
            answer['headers']['retry-after'] = SECONDS.sub('N', answer['headers'].get('retry-after', ''))
            answer['body']['detail'] = SECONDS.sub('N', answer['body'].get('detail', ''))
    expected, actual = moment_free(expected), moment_free(actual)
    if expected != actual:
        print(f'{path.name}: differs\n  committed: {json.dumps(expected)}\n  now:       {json.dumps(actual)}'); failed = True
print('fixtures: all match' if not failed else 'fixtures: differences above')
sys.exit(1 if failed else 0)
