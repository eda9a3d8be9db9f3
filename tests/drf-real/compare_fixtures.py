#!/usr/bin/env python3
"""Compares freshly captured DRF answers with the committed fixtures. Exact, except where DRF puts the seconds
left in a throttle window (token-throttled-429: Retry-After and the detail), which are compared by shape."""
import json
import re
import sys
from pathlib import Path

committed, fresh = Path(sys.argv[1]), Path(sys.argv[2])
SECONDS = re.compile(r'\d+')
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
    if expected != actual:
        print(f'{path.name}: differs\n  committed: {json.dumps(expected)}\n  now:       {json.dumps(actual)}'); failed = True
print('fixtures: all match' if not failed else 'fixtures: differences above')
sys.exit(1 if failed else 0)
