from decimal import Decimal

from django.db.models import Count, Max, Min, ProtectedError
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import filters, generics, views
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from .filters import ProductFilter
from .models import Category, Product
from .serializers import CategorySerializer, ProductDetailSerializer, ProductSummarySerializer, ReviewSerializer

SEARCH_FIELDS = ['title', 'brand__name', 'category__name']


class StorefrontCursorPagination(CursorPagination):
    page_size = 24
    page_size_query_param = 'page_size'
    max_page_size = 100
    ordering = '-created_at'


class CategoryList(generics.ListAPIView):
    queryset = Category.objects.all()
    serializer_class = CategorySerializer
    pagination_class = None


class ProductList(generics.ListAPIView):
    queryset = Product.objects.select_related('brand', 'category')
    serializer_class = ProductSummarySerializer
    pagination_class = StorefrontCursorPagination
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, filters.OrderingFilter]
    filterset_class = ProductFilter
    search_fields = SEARCH_FIELDS
    ordering_fields = ['created_at', 'price', 'rating', 'title']
    ordering = '-created_at'


class ProductDetail(generics.RetrieveAPIView):
    queryset = Product.objects.select_related('brand', 'category').prefetch_related('variants')
    serializer_class = ProductDetailSerializer


class ProductReviews(generics.ListAPIView):
    serializer_class = ReviewSerializer
    pagination_class = StorefrontCursorPagination

    def get_queryset(self):
        product = get_object_or_404(Product, pk=self.kwargs['pk'])
        return product.reviews.all()


def money(value):
    return None if value is None else str(Decimal(value).quantize(Decimal('0.01')))


class ProductFacets(views.APIView):
    """Disjunctive facets: each is counted under every filter except its own."""
    search_fields = SEARCH_FIELDS

    def filtered(self, request, *without):
        data = request.query_params.copy()
        for key in without:
            data.pop(key, None)
        filterset = ProductFilter(data, queryset=Product.objects.all(), request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filters.SearchFilter().filter_queryset(request, filterset.qs, self)

    def get(self, request):
        by_category = dict(self.filtered(request, 'category').values_list('category_id').annotate(n=Count('id')))
        categories = []
        for category in Category.objects.all():
            ids = [category.id, *category.children.values_list('id', flat=True)]
            count = sum(by_category.get(i, 0) for i in ids)
            if count:
                categories.append({'slug': category.slug, 'name': category.name, 'count': count})
        brands = [
            {'slug': row['brand__slug'], 'name': row['brand__name'], 'count': row['count']}
            for row in self.filtered(request, 'brand').values('brand__slug', 'brand__name').annotate(count=Count('id')).order_by('-count', 'brand__name')
        ]
        prices = self.filtered(request, 'min_price', 'max_price').aggregate(min=Min('price'), max=Max('price'))
        rated = self.filtered(request, 'min_rating')
        ratings = [{'min_rating': m, 'count': rated.filter(rating__gte=m).count()} for m in (4, 3, 2, 1)]
        return Response({'categories': categories, 'brands': brands,
                         'price': {'min': money(prices['min']), 'max': money(prices['max'])}, 'ratings': ratings})


class ProductSuggest(views.APIView):
    def get(self, request):
        q = request.query_params.get('q', '').strip()
        if not q:
            return Response([])
        suggestions = [{'type': 'category', 'text': c.name, 'slug': c.slug} for c in Category.objects.filter(name__icontains=q)[:3]]
        suggestions += [{'type': 'product', 'text': p.title, 'id': p.id, 'slug': p.slug}
                        for p in Product.objects.filter(title__icontains=q).order_by('-rating', 'id')[:10 - len(suggestions)]]
        return Response(suggestions)


class TestProductDelete(views.APIView):
    """Test-only (routed only with DRF_REAL_TEST_PRODUCTS=1): what the admin's "Delete" does. The models decide the
    rest: order lines PROTECT the product (409 here), cart lines and wishlist entries CASCADE with it."""
    authentication_classes = []

    def delete(self, request, pk):
        product = get_object_or_404(Product, pk=pk)
        try:
            product.delete()
        except ProtectedError:
            return Response({'detail': 'This product is in an order and cannot be deleted.'}, status=409)
        return Response(status=204)
