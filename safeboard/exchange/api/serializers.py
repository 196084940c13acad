"""What the learning API answers: actions, findings and themes, as plain read-only data."""

from __future__ import annotations

from rest_framework import serializers


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    is_active = serializers.BooleanField()


class ActionQuerySerializer(serializers.Serializer):
    """The action list's filter."""

    status = serializers.ChoiceField(
        choices=["not_started", "in_progress", "complete", "overdue"], required=False
    )


class ActionQueryProblemsSerializer(serializers.Serializer):
    status = serializers.ListField(child=serializers.CharField(), required=False)


class ActionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    due_on = serializers.DateField()
    completed_on = serializers.DateField(allow_null=True)
    owner_agency = serializers.CharField(source="owner_agency.name")


class FindingSerializer(serializers.Serializer):
    source_kind = serializers.ChoiceField(choices=["case_review", "audit", "other_board"])
    id = serializers.IntegerField()
    title = serializers.CharField()
    text = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)
    where = serializers.CharField(
        allow_blank=True, help_text="A review's or round's reference, or another board's name."
    )
    themes = serializers.ListField(child=serializers.SlugField())
