"""The reporting chain: tertial (or quarterly) reports from local agreements and the
year-end compilation of the city-wide preparatory group, with exports.

A submitted report is frozen: its snapshot (situation picture, plan state, follow-up in the
period, new problems) and its text per city-wide priority area never change; a correction
is a new version that ``supersedes`` it with a reason, and the old one stays readable.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, PriorityArea
from samverkan.common.fields import ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.organisations.models import Tenant
from samverkan.plans.visibility import visible_agreements


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")


class LocalReportQuerySet(models.QuerySet):
    def visible_to(self, user) -> "LocalReportQuerySet":
        """Reports of agreements the user may see (plans' agreement gate)."""
        return self.filter(agreement__in=visible_agreements(user))

    def current(self) -> "LocalReportQuerySet":
        """Only the newest version of each report (not superseded by a correction)."""
        return self.filter(superseded_by__isnull=True)


class LocalReport(TimestampedModel):
    """A local agreement's report for a period, to the local steering group and the
    city-wide preparatory group.

    ``snapshot`` (JSON, frozen on submission) has keys ``situation`` (per district, the
    situation picture's police-event and population figures), ``plans`` (activities with
    their follow-up state on the last day), ``follow_ups`` (entries dated in the period),
    ``problems`` (problems opened in the period) and ``generated_at``.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        related_name="local_reports",
        verbose_name=_("agreement"),
    )
    period_start_on = models.DateField(_("period from"))
    period_end_on = models.DateField(_("period to"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("corrects"),
    )
    correction_reason = ScrubbedTextField(_("reason for the correction"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus, default=ReportStatus.DRAFT
    )
    summary = ScrubbedTextField(_("summary"), blank=True)
    snapshot = models.JSONField(_("frozen figures"), default=dict, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = LocalReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("local report")
        verbose_name_plural = _("local reports")
        ordering = ["-period_start_on", "agreement__title", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_on__gte=models.F("period_start_on")),
                name="report_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(status__in=ReportStatus.values), name="report_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} {self.period_start_on:%Y-%m-%d}–{self.period_end_on:%Y-%m-%d}"

    @property
    def is_submitted(self) -> bool:
        return self.status == ReportStatus.SUBMITTED


class ReportAreaText(models.Model):
    """What the report says about one city-wide priority area in the period."""

    report = models.ForeignKey(
        LocalReport, on_delete=models.CASCADE, related_name="area_texts", verbose_name=_("report")
    )
    frame_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("city-wide priority area"),
    )
    text = ScrubbedTextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("text per priority area")
        verbose_name_plural = _("texts per priority area")
        ordering = ["report", "frame_area__order"]
        constraints = [
            models.UniqueConstraint(fields=["report", "frame_area"], name="report_area_text_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} – {self.frame_area}"


class CompilationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    DECIDED = "decided", _("decided")


class AnnualCompilationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AnnualCompilationQuerySet":
        return self.filter(frame__in=visible_agreements(user))


class AnnualCompilation(TimestampedModel):
    """The preparatory group's year-end compilation (årssammanställning) for a frame agreement.

    ``figures`` (JSON) is generated from the plans: per city-wide area, the activities of
    the city-wide plan and of every local plan under the frame, their latest status on
    31 December, targets (required vs achieved) and indicators, and what was not done
    with the reason given in the follow-up. The group edits the texts, then decides it.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    frame = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        related_name="compilations",
        verbose_name=_("city-wide agreement"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=CompilationStatus, default=CompilationStatus.DRAFT
    )
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    introduction = ScrubbedTextField(_("introduction"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = AnnualCompilationQuerySet.as_manager()

    class Meta:
        verbose_name = _("year-end compilation")
        verbose_name_plural = _("year-end compilations")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["frame", "year"], name="compilation_once_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.frame} {self.year}"


class CompilationAreaText(models.Model):
    compilation = models.ForeignKey(
        AnnualCompilation,
        on_delete=models.CASCADE,
        related_name="area_texts",
        verbose_name=_("compilation"),
    )
    frame_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("city-wide priority area"),
    )
    text = ScrubbedTextField(_("text"), blank=True)

    class Meta:
        ordering = ["compilation", "frame_area__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["compilation", "frame_area"], name="compilation_area_text_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.compilation} – {self.frame_area}"


class ExportFormat(models.TextChoices):
    DOCX = "docx", _("Word (.docx)")
    PDF = "pdf", _("PDF (tagged)")
    XLSX = "xlsx", _("Excel (.xlsx)")


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class ExportJob(models.Model):
    """A file being generated in the background; ``progress_percent`` is 0–100."""

    tenant = models.ForeignKey(Tenant, on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    report = models.ForeignKey(
        LocalReport, on_delete=models.CASCADE, null=True, blank=True, related_name="exports"
    )
    compilation = models.ForeignKey(
        AnnualCompilation, on_delete=models.CASCADE, null=True, blank=True, related_name="exports"
    )
    format = models.CharField(max_length=10, choices=ExportFormat)
    status = models.CharField(max_length=10, choices=ExportStatus, default=ExportStatus.QUEUED)
    progress_percent = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to="exports/%Y/", blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(report__isnull=False, compilation__isnull=True)
                | Q(report__isnull=True, compilation__isnull=False),
                name="export_has_one_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.format} {self.status} {self.progress_percent}%"


for _model in (LocalReport, ReportAreaText, AnnualCompilation, CompilationAreaText, ExportJob):
    auditlog.register(_model)
