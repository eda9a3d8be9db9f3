"""Djoser's set_password in the contract's shape (docs/openapi.yaml): POST /auth/users/set_password/ -> 204.

As Djoser's SetPasswordSerializer: the current password is a field-level check ("Invalid password."), so Django's
password validators run on new_password only once it is right. Djoser leaves other sessions alone unless
LOGOUT_ON_PASSWORD_CHANGE (and then only for its token auth); SimpleJWT does not end them either: every outstanding
refresh token of the user is blacklisted here, as the reset does (password_reset.py).
"""
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken


class SetPasswordSerializer(serializers.Serializer):
    # Spaces are part of a password (Djoser's fields trim them; the reset here does not, nor does this).
    current_password = serializers.CharField(trim_whitespace=False)
    new_password = serializers.CharField(trim_whitespace=False)

    def validate_current_password(self, value):
        if not self.context['request'].user.check_password(value):
            raise serializers.ValidationError('Invalid password.', code='invalid_password')
        return value

    def validate(self, attrs):
        try:
            validate_password(attrs['new_password'], self.context['request'].user)
        except DjangoValidationError as error:
            raise serializers.ValidationError({'new_password': list(error.messages)})
        return attrs


class SetPasswordView(APIView):
    permission_classes = [permissions.IsAuthenticated]
    throttle_scope = 'set_password'

    def post(self, request):
        serializer = SetPasswordSerializer(data=request.data, context={'request': request})
        serializer.is_valid(raise_exception=True)
        user = request.user
        user.set_password(serializer.validated_data['new_password'])
        user.save()
        for token in OutstandingToken.objects.filter(user=user):
            BlacklistedToken.objects.get_or_create(token=token)
        return Response(status=204)
