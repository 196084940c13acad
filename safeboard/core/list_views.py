"""The one register page: a filter form, the rows it chooses, a page of them, and the same
rows as CSV or Excel.

A register names its template, filter form (if any), selector call and export columns; the
view does the rest the same way everywhere: `?format=csv|xlsx` downloads every matching row (read in chunks),
anything else shows page `?page=` of them with the query kept for the pager and the download
links. Invalid filters show the page unfiltered with the form's errors (status 400 when
`invalid_filter_status` says so).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views import View

from safeboard.core.exports import EXPORT_FORMATS, Column, export_response
from safeboard.core.views_mixins import RulePermissionMixin


def query_without(get: QueryDict, *names: str) -> str:
    """The request's query string less `page`, `format` and any other names given."""
    query = get.copy()
    for name in ("page", "format", *names):
        query.pop(name, None)
    return query.urlencode()


class FilteredListView(RulePermissionMixin, View):
    template_name: str
    filter_form_class: type[forms.Form] | None = None
    page_size = 50
    export_columns: Sequence[Column] = ()
    export_filename = ""
    # The rule for downloads, when it is stricter than the page's own.
    export_permission = ""
    invalid_filter_status = 200

    def filter_form_kwargs(self) -> dict:
        return {}

    def get_filter_form(self) -> forms.Form | None:
        if self.filter_form_class is None:
            return None
        return self.filter_form_class(self.request.GET or None, **self.filter_form_kwargs())

    def filters(self, data: dict | None) -> Any:
        """The selector's filters from the form's cleaned data (None when nothing valid)."""
        return data

    def get_filters(self, form: forms.Form | None) -> Any:
        if form is None:
            return None
        return self.filters(form.cleaned_data if form.is_valid() else None)

    def get_rows(self, filters: Any) -> QuerySet | Sequence:
        """One selector call: every row the filters choose, in order."""
        raise NotImplementedError

    def page_context(self, rows) -> dict:
        return {}

    def prepare_rows(self, rows: list) -> None:
        """Add to the rows what they show beyond their own fields (an action's themes), a page
        or an export batch at a time: a few queries a batch, never one a row."""

    def get_export_columns(self) -> Sequence[Column]:
        """The export's columns (for this request: a column may depend on the reader)."""
        return self.export_columns

    def get_export_filename(self) -> str:
        return self.export_filename

    def export_format(self) -> str | None:
        file_format = self.request.GET.get("format")
        if not self.export_columns or file_format not in EXPORT_FORMATS:
            return None
        if self.export_permission and not self.request.user.has_perm(self.export_permission):
            raise PermissionDenied
        return file_format

    def get(self, request, **kwargs) -> HttpResponseBase:
        form = self.get_filter_form()
        self.filter_form = form
        self.active_filters = self.get_filters(form)
        rows = self.get_rows(self.active_filters)
        file_format = self.export_format()
        if file_format:
            columns = self.get_export_columns()
            return export_response(
                # Columns that all name their fields read values, not prepared rows.
                rows=rows
                if all(column.fields for column in columns)
                else _streamed(rows, self.prepare_rows),
                columns=columns,
                file_format=file_format,
                filename=self.get_export_filename(),
            )
        page = Paginator(rows, self.page_size).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        self.prepare_rows(page.object_list)
        context = {
            "page": page,
            "filter_form": form,
            "query": query_without(request.GET),
            **self.page_context(rows),
        }
        status = self.invalid_filter_status if form is not None and form.errors else 200
        return render(request, self.template_name, context, status=status)


EXPORT_BATCH = 500


def _streamed(rows, prepare: Callable[[list], None]) -> Iterator:
    """The rows one batch at a time, each batch prepared before its rows are written."""
    source = rows.iterator(chunk_size=EXPORT_BATCH) if isinstance(rows, QuerySet) else iter(rows)
    while batch := list(islice(source, EXPORT_BATCH)):
        prepare(batch)
        yield from batch
