"""Password reset as dj-rest-auth / Djoser do it, in the contract's shape (docs/openapi.yaml).

Django's PasswordResetTokenGenerator makes and checks the token (valid for PASSWORD_RESET_TIMEOUT, and only until the
password changes); the uid is urlsafe_base64_encode(pk). The link names the storefront from settings
(DRF_REAL_FRONTEND_URL), never the request's Host. The email goes through EMAIL_BACKEND (locmem here).
"""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

SENT = 'Password reset e-mail has been sent.'
DONE = 'Password has been reset with the new password.'


class PasswordResetSerializer(serializers.Serializer):
    email = serializers.EmailField()


class PasswordResetConfirmSerializer(serializers.Serializer):
    uid = serializers.CharField()
    token = serializers.CharField()
    new_password = serializers.CharField(trim_whitespace=False)

    def validate(self, attrs):
        # Djoser's order: the uid, then the token, then the validators (which need the user: similarity).
        try:
            user = get_user_model().objects.get(pk=force_str(urlsafe_base64_decode(attrs['uid'])), is_active=True)
        except (TypeError, ValueError, OverflowError, get_user_model().DoesNotExist):
            raise serializers.ValidationError({'uid': ["Invalid user id or user doesn't exist."]})
        if not default_token_generator.check_token(user, attrs['token']):
            raise serializers.ValidationError({'token': ['Invalid token for given user.']})
        try:
            validate_password(attrs['new_password'], user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({'new_password': list(error.messages)})
        attrs['user'] = user
        return attrs


class PasswordResetView(APIView):
    throttle_scope = 'password_reset'

    def post(self, request):
        serializer = PasswordResetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # As django.contrib.auth's PasswordResetForm.get_users: active accounts with a usable password, any case.
        for user in get_user_model().objects.filter(email__iexact=serializer.validated_data['email'], is_active=True):
            if not user.has_usable_password():
                continue
            link = '{}/auth/password-reset/confirm?uid={}&token={}'.format(
                settings.FRONTEND_URL.rstrip('/'), urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user))
            mail.send_mail('Password reset on Storefront',
                           f'You asked to reset the password of your Storefront account.\n\nSet a new password here:\n{link}\n\n'
                           'If you did not ask for this, ignore this email.\n', None, [user.email])
        # The same answer whatever the email: nobody learns from it whether an account exists.
        return Response({'detail': SENT})


class PasswordResetConfirmView(APIView):
    throttle_scope = 'password_reset'

    def post(self, request):
        serializer = PasswordResetConfirmSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data['user']
        user.set_password(serializer.validated_data['new_password'])
        user.save()
        # SimpleJWT does not end sessions on a password change: blacklist every outstanding refresh token of the user.
        for token in OutstandingToken.objects.filter(user=user):
            BlacklistedToken.objects.get_or_create(token=token)
        return Response({'detail': DONE})


class OutboxView(APIView):
    """Test-only (routed only with DRF_REAL_TEST_OUTBOX=1): the locmem backend's mail.outbox, as the demo's /__outbox/."""
    authentication_classes = []

    def get(self, request):
        to = request.query_params.get('to', '').lower()
        messages = [{'to': list(m.to), 'subject': m.subject, 'body': m.body} for m in getattr(mail, 'outbox', [])]
        return Response([m for m in messages if not to or to in (a.lower() for a in m['to'])])

    def delete(self, request):
        mail.outbox = []
        return Response(status=204)
