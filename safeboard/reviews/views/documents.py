"""A review's reports: uploaded as PDF or Word only, and downloaded only through the review's
gate (the files are never served from a public address)."""

from __future__ import annotations

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from .. import review_services
from ..forms import DocumentForm
from ..models import ReviewDocument
from .common import ReviewFormView, ReviewMixin


class DocumentUploadView(ReviewFormView):
    form_class = DocumentForm
    heading = "Upload a report"
    intro = "The draft or final report, or the rapid review, as a PDF or Word (.docx) file."
    multipart = True

    def call_service(self, data):
        return review_services.document_upload(
            review=self.get_review(), uploaded_by=self.request.user, **data
        )

    def success_message(self, record):
        return f"{record.get_kind_display()} uploaded: {record.original_name}."

    def success_url(self, record):
        return self.get_review().get_absolute_url() + "#documents"


class DocumentDownloadView(ReviewMixin, View):
    def get(self, request, pk, document_pk):
        document = get_object_or_404(ReviewDocument, pk=document_pk, review=self.get_review())
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as error:
            raise Http404("The file is missing from the store.") from error
        return FileResponse(
            handle,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type or "application/octet-stream",
        )
