"""The guest/user cart as a typical shop writes it: APIViews, a serializer per body, and an APIException subclass
for "not enough stock" whose dict detail carries `available` (DRF turns every value of it into a string)."""
import secrets
from decimal import Decimal

from rest_framework import permissions, serializers, status, views
from rest_framework.exceptions import APIException, NotFound
from rest_framework.response import Response

from .models import Cart, CartItem, Product, Variant
from .serializers import image_dto


class OutOfStock(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = 'Not enough stock.'
    default_code = 'out_of_stock'


def stock_of(product, variant):
    return variant.stock if variant else product.stock


class CartItemCreateSerializer(serializers.Serializer):
    product_id = serializers.PrimaryKeyRelatedField(queryset=Product.objects.all())
    variant_id = serializers.PrimaryKeyRelatedField(queryset=Variant.objects.all(), required=False, allow_null=True)
    quantity = serializers.IntegerField(min_value=1, max_value=99, default=1)


class CartItemUpdateSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(min_value=1, max_value=99)


def cart_dto(request, cart):
    items, subtotal = [], Decimal('0.00')
    for item in cart.items.select_related('product', 'variant'):
        unit = item.variant.price if item.variant else item.product.price
        available = stock_of(item.product, item.variant)
        line_total = unit * item.quantity
        subtotal += line_total
        items.append({
            'id': item.id, 'product_id': item.product_id, 'variant_id': item.variant_id, 'slug': item.product.slug,
            'title': item.product.title, 'options': item.variant.options if item.variant else {},
            'image': image_dto(request, item.product.image, item.product.title),
            'unit_price': f'{unit:.2f}', 'line_total': f'{line_total:.2f}', 'quantity': item.quantity,
            'available': available, 'in_stock': available >= item.quantity,
        })
    return {'token': cart.token, 'items': items, 'items_count': sum(i['quantity'] for i in items),
            'subtotal': f'{subtotal:.2f}', 'currency': 'USD'}


class CartMixin:
    def cart(self, request):
        if request.user.is_authenticated:
            return Cart.objects.get_or_create(user=request.user, defaults={'token': secrets.token_urlsafe(24)})[0]
        token = request.headers.get('X-Cart-Token') or secrets.token_urlsafe(24)
        return Cart.objects.get_or_create(token=token)[0]

    def answer(self, request, cart, code=status.HTTP_200_OK):
        return Response(cart_dto(request, cart), status=code, headers={'X-Cart-Token': cart.token})


class CartView(CartMixin, views.APIView):
    def get(self, request):
        return self.answer(request, self.cart(request))


class CartItemsView(CartMixin, views.APIView):
    def post(self, request):
        body = CartItemCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        product, variant, quantity = body.validated_data['product_id'], body.validated_data.get('variant_id'), body.validated_data['quantity']
        cart = self.cart(request)
        item = CartItem.objects.filter(cart=cart, product=product, variant=variant).first()
        wanted = quantity + (item.quantity if item else 0)
        available = stock_of(product, variant)
        if wanted > available:
            raise OutOfStock({'detail': f'Only {available} left in stock.', 'code': 'out_of_stock', 'available': available})
        if item:
            item.quantity = wanted
            item.save()
        else:
            CartItem.objects.create(cart=cart, product=product, variant=variant, quantity=quantity)
        return self.answer(request, cart, status.HTTP_201_CREATED)


class CartItemView(CartMixin, views.APIView):
    def item(self, request, pk):
        item = CartItem.objects.filter(cart=self.cart(request), pk=pk).select_related('product', 'variant').first()
        if not item:
            raise NotFound()
        return item

    def patch(self, request, pk):
        body = CartItemUpdateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = self.item(request, pk)
        available = stock_of(item.product, item.variant)
        if body.validated_data['quantity'] > available:
            raise OutOfStock({'detail': f'Only {available} left in stock.', 'code': 'out_of_stock', 'available': available})
        item.quantity = body.validated_data['quantity']
        item.save()
        return self.answer(request, item.cart)

    def delete(self, request, pk):
        item = self.item(request, pk)
        item.delete()
        return self.answer(request, item.cart)


class CartMergeSerializer(serializers.Serializer):
    token = serializers.CharField()


class CartMergeView(CartMixin, views.APIView):
    permission_classes = [permissions.IsAuthenticated]

    def post(self, request):
        body = CartMergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        cart = self.cart(request)
        guest = Cart.objects.filter(token=body.validated_data['token'], user=None).first()
        if guest and guest.pk != cart.pk:
            for line in guest.items.select_related('product', 'variant'):
                mine, _ = CartItem.objects.get_or_create(cart=cart, product=line.product, variant=line.variant, defaults={'quantity': 0})
                mine.quantity = min(mine.quantity + line.quantity, stock_of(line.product, line.variant), 99)
                mine.save()
            guest.delete()
        return self.answer(request, cart)
