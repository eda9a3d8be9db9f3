from rest_framework import mixins, permissions, serializers, status, viewsets
from rest_framework.response import Response

from .models import Product, WishlistItem
from .serializers import ProductSummarySerializer
from .views import StorefrontCursorPagination


class WishlistItemSerializer(serializers.ModelSerializer):
    product = ProductSummarySerializer(read_only=True)
    product_id = serializers.PrimaryKeyRelatedField(source='product', queryset=Product.objects.all(), write_only=True)

    class Meta:
        model = WishlistItem
        fields = ['id', 'product', 'product_id', 'created_at']


class WishlistViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """A typical shop's wishlist: a router's list/create and a detail route addressed by product id (no /ids/)."""
    serializer_class = WishlistItemSerializer
    permission_classes = [permissions.IsAuthenticated]
    pagination_class = StorefrontCursorPagination
    lookup_field = 'product_id'

    def get_queryset(self):
        return WishlistItem.objects.filter(user=self.request.user).select_related('product__brand', 'product__category')

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        item, created = WishlistItem.objects.get_or_create(user=request.user, product=serializer.validated_data['product'])
        return Response(self.get_serializer(item).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)
