from django.db import models


class Category(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    parent = models.ForeignKey('self', null=True, blank=True, related_name='children', on_delete=models.CASCADE)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ['position', 'id']


class Brand(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ['name']


class Product(models.Model):
    slug = models.SlugField(max_length=200)
    title = models.CharField(max_length=200)
    description_html = models.TextField(blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    compare_at_price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default='USD')
    image = models.CharField(max_length=200, help_text='Path under MEDIA_URL.')
    image_alt = models.CharField(max_length=200, blank=True)
    rating = models.DecimalField(max_digits=3, decimal_places=2, default=0)
    reviews_count = models.PositiveIntegerField(default=0)
    stock = models.PositiveIntegerField(default=0)
    brand = models.ForeignKey(Brand, on_delete=models.PROTECT, related_name='products')
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name='products')
    attributes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)


class Variant(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name='variants')
    sku = models.CharField(max_length=64, unique=True)
    options = models.JSONField(default=dict)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ['id']


class Review(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name='reviews')
    rating = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    author_name = models.CharField(max_length=100)
    verified_purchase = models.BooleanField(default=False)
    created_at = models.DateTimeField()


class WishlistItem(models.Model):
    user = models.ForeignKey('accounts.User', on_delete=models.CASCADE, related_name='wishlist')
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name='+')
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [('user', 'product')]


class Cart(models.Model):
    token = models.CharField(max_length=64, unique=True)
    user = models.OneToOneField('accounts.User', null=True, blank=True, on_delete=models.CASCADE, related_name='cart')


class CartItem(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name='items')
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name='+')
    variant = models.ForeignKey(Variant, null=True, blank=True, on_delete=models.CASCADE, related_name='+')
    quantity = models.PositiveIntegerField()

    class Meta:
        ordering = ['id']


class ShippingMethod(models.Model):
    name = models.CharField(max_length=100)
    description = models.CharField(max_length=200, blank=True)
    price = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default='USD')
    min_days = models.PositiveSmallIntegerField()
    max_days = models.PositiveSmallIntegerField()
    # Retired methods stay for the orders that used them; checkout offers and accepts active ones only.
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ['price', 'id']


class Order(models.Model):
    user = models.ForeignKey('accounts.User', on_delete=models.PROTECT, related_name='orders')
    number = models.CharField(max_length=20, unique=True, null=True)
    status = models.CharField(max_length=20, default='paid')
    subtotal = models.DecimalField(max_digits=10, decimal_places=2)
    shipping_total = models.DecimalField(max_digits=10, decimal_places=2)
    total = models.DecimalField(max_digits=10, decimal_places=2)
    currency = models.CharField(max_length=3, default='USD')
    # The address as it was typed: a later change of the shopper's addresses must not rewrite a placed order.
    full_name = models.CharField(max_length=255)
    line1 = models.CharField(max_length=255)
    line2 = models.CharField(max_length=255, blank=True)
    city = models.CharField(max_length=128)
    postal_code = models.CharField(max_length=20)
    country = models.CharField(max_length=2)
    phone = models.CharField(max_length=32, blank=True)
    shipping_method = models.ForeignKey(ShippingMethod, on_delete=models.PROTECT, related_name='+')
    shipping_method_name = models.CharField(max_length=100)
    payment_reference = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name='items')
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name='+')
    variant = models.ForeignKey(Variant, null=True, blank=True, on_delete=models.PROTECT, related_name='+')
    title = models.CharField(max_length=200)
    sku = models.CharField(max_length=64)
    quantity = models.PositiveIntegerField()
    unit_price = models.DecimalField(max_digits=10, decimal_places=2)
    line_total = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        ordering = ['id']


class IdempotencyKey(models.Model):
    """A key that made an order: written in the order's transaction, so a refused attempt (4xx) leaves no key."""
    user = models.ForeignKey('accounts.User', on_delete=models.CASCADE, related_name='+')
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text='sha256 of the request body, canonical JSON.')
    order = models.OneToOneField(Order, null=True, on_delete=models.CASCADE, related_name='+')
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [('user', 'key')]
