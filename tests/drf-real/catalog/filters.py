import django_filters
from django.db.models import Q

from .models import Brand, Category, Product


class ProductFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(method='filter_category')
    # Repeatable (?brand=a&brand=b); an unknown slug is a 400 "Select a valid choice", as django-filter does.
    brand = django_filters.ModelMultipleChoiceFilter(field_name='brand__slug', to_field_name='slug', queryset=Brand.objects.all())
    min_price = django_filters.NumberFilter(field_name='price', lookup_expr='gte')
    max_price = django_filters.NumberFilter(field_name='price', lookup_expr='lte')
    min_rating = django_filters.NumberFilter(field_name='rating', lookup_expr='gte')
    in_stock = django_filters.BooleanFilter(method='filter_in_stock')

    class Meta:
        model = Product
        fields = ['category', 'brand', 'min_price', 'max_price', 'min_rating', 'in_stock']

    def filter_category(self, queryset, name, value):
        ids = list(Category.objects.filter(Q(slug=value) | Q(parent__slug=value)).values_list('id', flat=True))
        return queryset.filter(category_id__in=ids)

    def filter_in_stock(self, queryset, name, value):
        return queryset.filter(stock__gt=0) if value else queryset.filter(stock=0)
