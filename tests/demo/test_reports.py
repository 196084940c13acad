from django.test import Client
from django.urls import reverse
from django.utils import timezone

from safeboard.reports.models import YearlyReport


def test_the_demo_has_a_published_report_for_the_last_complete_year_and_a_draft(demo_db):
    published = YearlyReport.objects.get(status=YearlyReport.Status.PUBLISHED)
    draft = YearlyReport.objects.get(status=YearlyReport.Status.DRAFT)
    today = timezone.localdate()
    assert published.period_end < today <= draft.period_end
    assert published.period_start.month == 4
    assert timezone.localtime(published.published_at).date() <= today
    assert published.recipients.count() == 6
    assert all(sent.sent_on <= today for sent in published.recipients.all())
    keys = [section["key"] for section in published.snapshot["sections"]]
    assert "contributions" in keys and "priorities" in keys


def test_an_anonymous_visitor_reads_the_demo_report(demo_db):
    published = YearlyReport.objects.get(status=YearlyReport.Status.PUBLISHED)
    client = Client()
    listing = client.get(reverse("reports:public_list")).content.decode()
    url = reverse("reports:public_detail", kwargs={"pk": published.pk})
    assert url in listing
    assert client.get(url).status_code == 200
