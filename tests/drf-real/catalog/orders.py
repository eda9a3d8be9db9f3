"""Shipping methods and orders as a typical shop writes them with stock DRF: a ListAPIView, a router's
GenericViewSet (list, retrieve, create), serializers with DecimalField (strings), DRF's default exception handler and
APIException subclasses for 402/409, and the Idempotency-Key kept in a model keyed by user + key that is written in
the order's own transaction, so only a request that made an order consumes its key."""
import hashlib
import json

from django.db import IntegrityError, transaction
from django.db.models import F
from rest_framework import generics, mixins, permissions, serializers, status, viewsets
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.reverse import reverse

from .cart import OutOfStock
from .models import Cart, IdempotencyKey, Order, OrderLine, ShippingMethod
from .views import StorefrontCursorPagination

# The demo payment gateway: these tokens are charged, any other is declined.
ACCEPTED_TOKENS = {'tok_visa', 'tok_mastercard', 'tok_amex'}


class PaymentDeclined(APIException):
    status_code = status.HTTP_402_PAYMENT_REQUIRED
    default_detail = 'Your card was declined.'
    default_code = 'payment_declined'


class IdempotencyKeyReused(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = 'This Idempotency-Key was used with another request.'
    default_code = 'idempotency_key_reused'


class ShippingMethodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ShippingMethod
        fields = ['id', 'name', 'description', 'price', 'currency', 'min_days', 'max_days']


class ShippingMethodList(generics.ListAPIView):
    queryset = ShippingMethod.objects.filter(active=True)
    serializer_class = ShippingMethodSerializer
    pagination_class = None


class AddressSerializer(serializers.Serializer):
    full_name = serializers.CharField(max_length=255)
    line1 = serializers.CharField(max_length=255)
    line2 = serializers.CharField(max_length=255, allow_blank=True, default='')
    city = serializers.CharField(max_length=128)
    postal_code = serializers.CharField(max_length=20)
    country = serializers.RegexField(r'^[A-Z]{2}$', error_messages={'invalid': 'Enter a two-letter country code.'})
    phone = serializers.CharField(max_length=32, allow_blank=True, default='')


class OrderCreateSerializer(serializers.Serializer):
    shipping_address = AddressSerializer()
    # A retired method is refused as DRF refuses any unknown pk: 'Invalid pk "2" - object does not exist.'
    shipping_method_id = serializers.PrimaryKeyRelatedField(queryset=ShippingMethod.objects.filter(active=True))
    payment_token = serializers.CharField(max_length=64)


class OrderLineSerializer(serializers.ModelSerializer):
    product_id = serializers.IntegerField(read_only=True)
    variant_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = OrderLine
        fields = ['product_id', 'variant_id', 'title', 'sku', 'quantity', 'unit_price', 'line_total']


class OrderSerializer(serializers.ModelSerializer):
    items = OrderLineSerializer(many=True, read_only=True)
    shipping_address = serializers.SerializerMethodField()
    shipping_method = serializers.SerializerMethodField()

    class Meta:
        model = Order
        fields = ['id', 'number', 'status', 'items', 'subtotal', 'shipping_total', 'total', 'currency',
                  'shipping_address', 'shipping_method', 'created_at']

    def get_shipping_address(self, order):
        return {name: getattr(order, name) for name in AddressSerializer().fields}

    def get_shipping_method(self, order):
        return {'id': order.shipping_method_id, 'name': order.shipping_method_name, 'price': f'{order.shipping_total:.2f}'}


class OrderPagination(StorefrontCursorPagination):
    page_size = 10


class KeyTaken(Exception):
    """Another request with this user's key committed first (the concurrent twin)."""


def fingerprint_of(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(',', ':')).encode()).hexdigest()


@transaction.atomic
def place_order(user, key, fingerprint, data):
    # The key first: on PostgreSQL the unique index makes a concurrent twin wait for this transaction; on SQLite a
    # transaction whose first statement writes waits for the lock (one that read first would fail "database is locked").
    try:
        with transaction.atomic():
            record = IdempotencyKey.objects.create(user=user, key=key, fingerprint=fingerprint)
    except IntegrityError:
        raise KeyTaken()
    cart = Cart.objects.filter(user=user).first()
    lines = list(cart.items.select_related('product', 'variant')) if cart else []
    if not lines:
        raise ValidationError('Your cart is empty.', code='cart_empty')
    shortfalls = []
    for line in lines:
        holder = line.variant or line.product
        # A conditional UPDATE reserves: two orders cannot both take the last unit.
        if not type(holder).objects.filter(pk=holder.pk, stock__gte=line.quantity).update(stock=F('stock') - line.quantity):
            holder.refresh_from_db(fields=['stock'])
            shortfalls.append({'item_id': line.id, 'product_id': line.product_id, 'variant_id': line.variant_id,
                               'requested': line.quantity, 'available': holder.stock})
    if shortfalls:
        # The atomic block rolls back the lines already reserved and the key.
        raise OutOfStock({'detail': 'Some items sold out.', 'code': 'out_of_stock', 'lines': shortfalls})
    if data['payment_token'] not in ACCEPTED_TOKENS:
        raise PaymentDeclined()
    method, address = data['shipping_method_id'], data['shipping_address']
    subtotal = sum(((line.variant or line.product).price * line.quantity for line in lines), start=0)
    order = Order.objects.create(
        user=user, subtotal=subtotal, shipping_total=method.price, total=subtotal + method.price, currency='USD',
        shipping_method=method, shipping_method_name=method.name, payment_reference=f'ch_{key[:24]}', **address)
    order.number = f'{order.created_at:%Y%m%d}-{order.pk:05d}'
    order.save(update_fields=['number'])
    OrderLine.objects.bulk_create([OrderLine(
        order=order, product=line.product, variant=line.variant, title=line.product.title,
        sku=line.variant.sku if line.variant else f'P-{line.product_id}', quantity=line.quantity,
        unit_price=(line.variant or line.product).price, line_total=(line.variant or line.product).price * line.quantity,
    ) for line in lines])
    cart.items.all().delete()
    record.order = order
    record.save(update_fields=['order'])
    return order


class OrderViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = OrderSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = OrderPagination

    def get_queryset(self):
        # Another shopper's order is not in the queryset: 404, as for an unknown id.
        return Order.objects.filter(user=self.request.user).prefetch_related('items')

    def create(self, request, *args, **kwargs):
        key = request.headers.get('Idempotency-Key', '').strip()
        if not key or len(key) > 255:
            raise ValidationError('Send an Idempotency-Key header of 1 to 255 characters.', code='idempotency_key_required')
        body = OrderCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        fingerprint = fingerprint_of(request.data)
        replayed = self.replay(request, key, fingerprint)
        if replayed:
            return replayed
        try:
            order = place_order(request.user, key, fingerprint, body.validated_data)
        except KeyTaken:
            return self.replay(request, key, fingerprint)
        return self.created(request, order)

    def replay(self, request, key, fingerprint):
        record = IdempotencyKey.objects.filter(user=request.user, key=key).select_related('order').first()
        if not record:
            return None
        if record.fingerprint != fingerprint:
            raise IdempotencyKeyReused()
        return self.created(request, record.order, {'Idempotent-Replayed': 'true'})

    def created(self, request, order, headers=None):
        order = self.get_queryset().get(pk=order.pk)
        location = reverse('order-detail', kwargs={'pk': order.pk}, request=request)
        return Response(self.get_serializer(order).data, status=status.HTTP_201_CREATED, headers={'Location': location, **(headers or {})})
