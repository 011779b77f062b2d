"""API errors in the contract's shape: a broken rule is 400 with {"field": ["message"]} or
{"detail": "message"}, and nothing is saved."""

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import RuleBroken


def exception_handler(exc, context):
    if isinstance(exc, RuleBroken):
        body = {exc.field: [exc.message]} if exc.field else {"detail": exc.message}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    return drf_exception_handler(exc, context)
