"""Demo reporting: Järva's report for the last tertial of 2025 and a draft compilation.

Needs the tenant seed and the plans demo (Järva's 2025 plan). Texts are labelled DEMO.
Idempotent: nothing is written when the report already exists.
"""

from datetime import date

from django.db import transaction

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement, AgreementLevel

from . import services
from .models import LocalReport

DEMO = "DEMO – påhittad text för att visa rapporteringen."


@transaction.atomic
def load_reporting_demo(tenant_slug: str = "stockholm") -> str:
    frame = Agreement.objects.filter(
        tenant__slug=tenant_slug, level=AgreementLevel.CITY, case_number="KS 2023/740"
    ).first()
    local = Agreement.objects.filter(parent=frame, title__icontains="Järva").first()
    author = User.objects.filter(username="demo-coordinator").first()
    if frame is None or local is None or author is None:
        return "Reporting demo skipped: needs the tenant seed and the demo users."
    start, end = date(2025, 9, 1), date(2025, 12, 31)
    if LocalReport.objects.filter(agreement=local, period_start_on=start).exists():
        return "The reporting demo is already loaded."
    report = services.start_report(agreement=local, start=start, end=end, by=author)
    services.save_report_texts(
        report=report,
        summary=DEMO,
        texts={
            a.pk: f"{DEMO} Läget för «{a.name}» under perioden." for a in frame.priority_areas.all()
        },
    )
    services.submit_report(report=report, by=author)
    services.compile_year(frame=frame, year=2025, by=author)
    return f"Submitted the demo report for {local.title}, Sep–Dec 2025, and compiled 2025."
