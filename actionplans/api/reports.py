"""partnerships/{id}/quarterly-report/: the quarterly performance report to the Public Service
Board as a PDF, or, while it is being made, 202 with its progress and Retry-After (as the pack)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from partnership.api.base import visible_partnerships
from partnership.api.renderers import PDFRenderer
from partnership.api.tokens import ExpiringTokenAuthentication
from partnership.documents import DocumentStatus, retry_later

from ..reporting.quarters import Quarter, parse_quarter
from ..reporting.serving import pdf_or_progress

BEING_MADE = "The quarterly report is being made."


class QuarterlyReportView(APIView):
    authentication_classes = [ExpiringTokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer, PDFRenderer]

    @extend_schema(
        operation_id="partnerships_quarterly_report_retrieve",
        request=None,
        parameters=[
            OpenApiParameter(
                "quarter",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description="The calendar quarter, such as 2027Q1 (1 January to 31 March 2027). "
                "Defaults to the current quarter, which is reported up to today.",
            ),
            OpenApiParameter(
                "Retry-After",
                OpenApiTypes.INT,
                OpenApiParameter.HEADER,
                response=[202],
                description="Seconds to wait before asking again.",
            ),
        ],
        responses={
            (200, "application/pdf"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The report: for each plan and section, the status at the end of the quarter, "
                "progress reported, milestones overdue and completed, changes of status, and a chart.",
            ),
            (202, "application/json"): OpenApiResponse(
                inline_serializer(
                    "QuarterlyReportProgress",
                    {
                        # Not a ChoiceField: its enum would collide with the other "status" fields in the schema.
                        "status": serializers.CharField(
                            help_text=f"{DocumentStatus.QUEUED} (waiting to be made) or {DocumentStatus.BUILDING}."
                        ),
                        "progress": serializers.IntegerField(help_text="Per cent done."),
                        "detail": serializers.CharField(),
                    },
                ),
                description="The report is being made: ask again after `Retry-After` seconds.",
            ),
            (400, "application/json"): OpenApiResponse(
                description='Not a quarter, or one still to come: {"quarter": ["why"]}.'
            ),
            404: OpenApiResponse(description="No partnership with this id whose plans the caller may read."),
        },
        description=(
            "The quarterly performance report to the Public Service Board (terms of reference 6.1) as one PDF, "
            "for anyone who may read the partnership's plans. It is kept until the plans change; while it is "
            "being made the answer is 202 with its progress."
        ),
    )
    def get(self, request, pk: int):
        partnership = get_object_or_404(visible_partnerships(request.user), pk=pk)
        if not request.user.has_perm("actionplans.view_plans", partnership):
            raise NotFound()
        asked = request.query_params.get("quarter")
        quarter = parse_quarter(asked) if asked is not None else Quarter.containing(timezone.localdate())
        pdf, report = pdf_or_progress(partnership, quarter)
        if pdf is not None:
            return pdf
        progress = {"status": report.status, "progress": report.progress, "detail": BEING_MADE}
        return retry_later(Response(progress, status=status.HTTP_202_ACCEPTED))
