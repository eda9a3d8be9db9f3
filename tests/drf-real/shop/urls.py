from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenBlacklistView, TokenRefreshView

from accounts.password_reset import OutboxView, PasswordResetConfirmView, PasswordResetView
from accounts.set_password import SetPasswordView
from accounts.views import MeView, RegisterView, ThrottledTokenObtainPairView
from catalog import views as catalog
from catalog.cart import CartItemView, CartItemsView, CartMergeView, CartView
from catalog.orders import OrderViewSet, ShippingMethodList
from catalog.wishlist import WishlistViewSet

router = DefaultRouter()
router.register('wishlist', WishlistViewSet, basename='wishlist')
router.register('orders', OrderViewSet, basename='order')

api = [
    path('categories/', catalog.CategoryList.as_view()),
    path('products/', catalog.ProductList.as_view()),
    path('products/facets/', catalog.ProductFacets.as_view()),
    path('products/suggest/', catalog.ProductSuggest.as_view()),
    path('products/<int:pk>/', catalog.ProductDetail.as_view()),
    path('products/<int:pk>/reviews/', catalog.ProductReviews.as_view()),
    path('auth/register/', RegisterView.as_view()),
    path('auth/token/', ThrottledTokenObtainPairView.as_view()),
    path('auth/token/refresh/', TokenRefreshView.as_view()),
    path('auth/token/blacklist/', TokenBlacklistView.as_view()),
    path('auth/me/', MeView.as_view()),
    path('auth/users/set_password/', SetPasswordView.as_view()),
    path('auth/password/reset/', PasswordResetView.as_view()),
    path('auth/password/reset/confirm/', PasswordResetConfirmView.as_view()),
    path('cart/', CartView.as_view()),
    path('cart/items/', CartItemsView.as_view()),
    path('cart/items/<int:pk>/', CartItemView.as_view()),
    path('cart/merge/', CartMergeView.as_view()),
    path('shipping-methods/', ShippingMethodList.as_view()),
    *router.urls,
]

if settings.TEST_OUTBOX:
    api.append(path('__outbox/', OutboxView.as_view()))
if settings.TEST_PRODUCTS:
    api.append(path('__products/<int:pk>/', catalog.TestProductDelete.as_view()))

urlpatterns = [
    path('api/', include(api)),
    # Media as a shop serves it behind nginx; Django's static serve stands in for that here.
    re_path(r'^media/(?P<path>.*)$', serve, {'document_root': settings.MEDIA_ROOT}),
]
