import json
import sys

from django.core.management.base import BaseCommand
from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler

from catalog.cart import OutOfStock


class Command(BaseCommand):
    help = ("Prints the 409 a shop's POST /orders/ sends when it raises OutOfStock with the failing lines, through DRF's "
            "own exception handler and JSON renderer (orders are not implemented over HTTP here).")

    def handle(self, *args, **options):
        lines = [{'item_id': 7, 'product_id': 3, 'variant_id': None, 'requested': 2, 'available': 1}]
        response = exception_handler(OutOfStock({'detail': 'Some items sold out.', 'code': 'out_of_stock', 'lines': lines}), {})
        body = json.loads(JSONRenderer().render(response.data))
        sys.stdout.write(json.dumps({'request': 'POST /orders/', 'status': response.status_code,
                                     'headers': {'content-type': 'application/json'}, 'body': body}, indent=2) + '\n')
