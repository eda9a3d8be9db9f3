import random
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from catalog.models import Brand, Category, Product, Review, ShippingMethod, Variant

TREE = {
    'Clothing': ['T-Shirts', 'Jackets', 'Trousers'],
    'Shoes': ['Sneakers', 'Boots', 'Sandals'],
    'Home': ['Kitchen', 'Lighting', 'Textiles'],
    'Outdoor': ['Tents', 'Backpacks', 'Cycling'],
}
BRANDS = ['Acme', 'Borealis', 'Cobalt', 'Dune', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Indigo', 'Juniper']
ADJECTIVES = ['Classic', 'Light', 'Urban', 'Alpine', 'Soft', 'Rugged', 'Compact', 'Bright', 'Quiet', 'Swift', 'Warm', 'Bold']
NOUNS = {
    'T-Shirts': 'Tee', 'Jackets': 'Jacket', 'Trousers': 'Chinos', 'Sneakers': 'Runner', 'Boots': 'Boot', 'Sandals': 'Sandal',
    'Kitchen': 'Pan', 'Lighting': 'Lamp', 'Textiles': 'Throw', 'Tents': 'Tent', 'Backpacks': 'Pack', 'Cycling': 'Helmet',
}
SHIPPING = [
    ('Standard', 'Tracked delivery by post.', '4.99', 3, 5),
    ('Express', 'Next-day courier, order by 3 pm.', '12.50', 1, 2),
    ('Pick-up point', 'Collect from a partner shop near you.', '0.00', 4, 7),
]
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="#{:06x}"/></svg>'


class Command(BaseCommand):
    help = 'Seeds a deterministic catalogue (and one user) for the contract suite.'

    def add_arguments(self, parser):
        parser.add_argument('--products', type=int, default=2000)

    @transaction.atomic
    def handle(self, *args, products, **options):
        rng = random.Random(42)
        media = Path(settings.MEDIA_ROOT) / 'products'
        media.mkdir(parents=True, exist_ok=True)
        position = 0
        leaves = []
        for parent_name, children in TREE.items():
            position += 1
            parent = Category.objects.create(slug=slugify(parent_name), name=parent_name, position=position)
            for child in children:
                position += 1
                leaves.append(Category.objects.create(slug=slugify(child), name=child, parent=parent, position=position))
        brands = [Brand.objects.create(slug=slugify(name), name=name) for name in BRANDS]
        now = timezone.now()
        rows = []
        for i in range(products):
            category = rng.choice(leaves)
            title = f'{rng.choice(ADJECTIVES)} {NOUNS[category.name]} {i + 1}'
            price = Decimal(rng.randint(500, 50000)) / 100
            reviews = rng.randint(0, 8)
            rows.append(Product(
                slug=slugify(title), title=title, description_html=f'<p>{title}, made to last.</p>', price=price,
                compare_at_price=(price * Decimal('1.25')).quantize(Decimal('0.01')) if rng.random() < 0.2 else None,
                image=f'products/{i + 1}.svg', rating=Decimal(rng.randint(100, 500)) / 100 if reviews else Decimal(0),
                reviews_count=reviews, stock=0 if rng.random() < 0.15 else rng.randint(1, 40),
                brand=rng.choice(brands), category=category, attributes={'Material': rng.choice(['Cotton', 'Wool', 'Steel'])},
                created_at=now - timedelta(minutes=i),
            ))
        Product.objects.bulk_create(rows)
        # Django 3.2 on SQLite sets no ids in bulk_create: read the rows back.
        created = list(Product.objects.select_related('category__parent').order_by('id'))
        variants, reviews = [], []
        for product in created:
            (media / f'{product.id}.svg').write_text(SVG.format(rng.randint(0, 0xFFFFFF)))
            if product.category.parent.slug == 'clothing' and rng.random() < 0.5:
                for size in ['S', 'M', 'L']:
                    variants.append(Variant(product=product, sku=f'SKU-{product.id}-{size}', options={'size': size},
                                            price=product.price, stock=rng.randint(0, 10)))
            for r in range(product.reviews_count):
                reviews.append(Review(product=product, rating=rng.randint(1, 5), title=f'Review {r + 1}', body='Does the job.',
                                      author_name=f'Reviewer {r + 1}', verified_purchase=r % 2 == 0,
                                      created_at=product.created_at + timedelta(hours=r + 1)))
        Variant.objects.bulk_create(variants)
        Review.objects.bulk_create(reviews)
        for name, description, price, min_days, max_days in SHIPPING:
            ShippingMethod.objects.create(name=name, description=description, price=Decimal(price), min_days=min_days, max_days=max_days)
        self.stdout.write(f'seeded {len(created)} products, {len(variants)} variants, {len(reviews)} reviews')
