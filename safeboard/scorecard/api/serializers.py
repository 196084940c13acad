"""The shapes the scorecard's API reads and writes.

Input serializers check only the shape of a request (an agency that exists, a period's slug,
an object of figures); whether each figure may be recorded is decided by
services.figures_record, the same check as the web form, the Excel template and CSV files.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from safeboard.partnership.models import Agency

from ..models import Indicator, IndicatorQuery
from ..periods import PeriodError, PeriodKey
from ..spc.selectors import ASSESSMENT_WORDS, SpcState
from ..values import DECIMAL_PLACES, MAX_DIGITS

PERIOD_NOT_A_SLUG = (
    "Give the period as its slug, like monthly-2025-10, quarterly-2025-26-q3 or "
    "annual-2025-26: \u201c{text}\u201d is not one."
)


def _figure(**kwargs) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=MAX_DIGITS, decimal_places=DECIMAL_PLACES, coerce_to_string=False, **kwargs
    )


class AgencySerializer(serializers.ModelSerializer):
    class Meta:
        model = Agency
        fields = ["id", "name"]


class IndicatorSerializer(serializers.ModelSerializer):
    owning_agency = AgencySerializer(read_only=True)
    target = _figure(read_only=True, allow_null=True)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "unit",
            "polarity",
            "frequency",
            "perspective",
            "target",
            "owning_agency",
        ]


class SeriesFigureSerializer(serializers.Serializer):
    period = serializers.CharField(source="period.slug", help_text="The period's slug.")
    label = serializers.CharField(source="period.label", help_text="The period as boards name it.")
    value = _figure()
    revision_count = serializers.IntegerField(help_text="How many times it has been revised.")
    state = serializers.ChoiceField(
        choices=SpcState.choices,
        allow_null=True,
        help_text="What the point shows on the XmR chart; null when there is no chart yet.",
    )


class SpcSummarySerializer(serializers.Serializer):
    period = serializers.CharField(
        allow_null=True, help_text="The slug of the latest figure's period."
    )
    state = serializers.ChoiceField(
        choices=SpcState.choices,
        allow_null=True,
        help_text="What the latest figure shows; null with fewer than 2 figures.",
    )
    state_label = serializers.CharField(allow_null=True)
    mean = serializers.FloatField(allow_null=True, help_text="The latest phase's mean.")
    lower_limit = serializers.FloatField(allow_null=True)
    upper_limit = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    target_assessment = serializers.ChoiceField(
        choices=[(assessment.value, words) for assessment, words in ASSESSMENT_WORDS.items()],
        allow_null=True,
        help_text="How the latest phase's figures stand against the target, if it has one.",
    )
    notes = serializers.ListField(child=serializers.CharField())


class IndicatorFiguresSerializer(serializers.Serializer):
    indicator = serializers.CharField(help_text="The indicator's code.")
    figures = SeriesFigureSerializer(many=True, help_text="Its current figures, oldest first.")
    spc = SpcSummarySerializer()


@extend_schema_field({"oneOf": [{"type": "number"}, {"type": "string"}]})
class FigureValueField(serializers.Field):
    """A figure as sent: a number, or text holding one ("1,234", "87.5%").

    Read by values.read_value inside services.figures_record, as every other way in is.
    """

    def to_internal_value(self, data):
        return data

    def to_representation(self, value):
        return value


class FiguresSubmissionSerializer(serializers.Serializer):
    agency = serializers.PrimaryKeyRelatedField(
        queryset=Agency.objects.all(),
        required=False,
        help_text="The agency's id; by default, the agency of the token's user.",
    )
    period = serializers.CharField(
        help_text=(
            "The period's slug, as the figures endpoint gives it: monthly-2025-10, "
            "quarterly-2025-26-q3, annual-2025-26. It names the frequency too."
        )
    )
    values = serializers.DictField(
        child=FigureValueField(),
        allow_empty=False,
        help_text='The figures, by indicator code: {"POL-01": 12, "POL-04": "87.5%"}.',
    )
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="Why figures already held are changed; needed to revise any of them.",
    )

    def validate_period(self, text: str) -> PeriodKey:
        try:
            return PeriodKey.from_slug(text.strip().lower())
        except (PeriodError, ValueError):
            raise serializers.ValidationError(PERIOD_NOT_A_SLUG.format(text=text)) from None


class OpenedQuerySerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    period = serializers.CharField(source="period.slug")
    url = serializers.SerializerMethodField(help_text="The query's page, where it is answered.")

    class Meta:
        model = IndicatorQuery
        fields = ["id", "indicator", "period", "trigger", "question", "response_due_on", "url"]

    def get_url(self, query: IndicatorQuery) -> str:
        return self.context["request"].build_absolute_uri(query.get_absolute_url())


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class FigureCodesField(serializers.Field):
    """Figures as their indicators' codes, in code order."""

    def to_representation(self, figures) -> list[str]:
        return sorted(figure.indicator.code for figure in figures)


class RecordedSerializer(serializers.Serializer):
    """What was done with each figure of a batch that was saved."""

    period = serializers.CharField(source="period.slug")
    label = serializers.CharField(source="period.label")
    created = FigureCodesField(help_text="Codes of the figures recorded for the first time.")
    revised = FigureCodesField(help_text="Codes of the figures revised, with the reason given.")
    unchanged = FigureCodesField(help_text="Codes of the figures sent again with the same value.")
    queries = OpenedQuerySerializer(
        many=True, help_text="Queries the new figures opened for the agency to answer."
    )


class ProblemsSerializer(serializers.Serializer):
    """Every problem with a refused batch; nothing of it was saved."""

    period = serializers.ListField(child=serializers.CharField(), required=False)
    values = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Problems by indicator code.",
    )
    agency = serializers.ListField(child=serializers.CharField(), required=False)
    reason = serializers.ListField(child=serializers.CharField(), required=False)
    non_field_errors = serializers.ListField(child=serializers.CharField(), required=False)
