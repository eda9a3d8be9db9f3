from django.conf import settings
from rest_framework import serializers

from .models import Brand, Category, Product, Review, Variant


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = Category
        fields = ['id', 'slug', 'name', 'parent']


class RefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


def image_dto(request, path, alt):
    # DRF's FileField/ImageField would do the same: build_absolute_uri of MEDIA_URL + name.
    return {'url': request.build_absolute_uri(settings.MEDIA_URL + path), 'alt': alt, 'width': 800, 'height': 800}


class ProductSummarySerializer(serializers.ModelSerializer):
    image = serializers.SerializerMethodField()
    in_stock = serializers.SerializerMethodField()
    brand = RefSerializer()
    category = RefSerializer()

    class Meta:
        model = Product
        fields = ['id', 'slug', 'title', 'price', 'compare_at_price', 'currency', 'image', 'rating',
                  'reviews_count', 'in_stock', 'brand', 'category', 'updated_at']

    def get_image(self, product):
        return image_dto(self.context['request'], product.image, product.image_alt or product.title)

    def get_in_stock(self, product) -> bool:
        return product.stock > 0


class VariantSerializer(serializers.ModelSerializer):
    in_stock = serializers.SerializerMethodField()

    class Meta:
        model = Variant
        fields = ['id', 'sku', 'options', 'price', 'in_stock']

    def get_in_stock(self, variant) -> bool:
        return variant.stock > 0


class ProductDetailSerializer(ProductSummarySerializer):
    images = serializers.SerializerMethodField()
    variants = VariantSerializer(many=True)

    class Meta(ProductSummarySerializer.Meta):
        fields = ProductSummarySerializer.Meta.fields + [
            'description_html', 'images', 'attributes', 'variants', 'stock', 'created_at']

    def get_images(self, product):
        return [self.get_image(product)]


class ReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = Review
        fields = ['id', 'rating', 'title', 'body', 'author_name', 'verified_purchase', 'created_at']


class BrandSerializer(serializers.ModelSerializer):
    class Meta:
        model = Brand
        fields = ['slug', 'name']
