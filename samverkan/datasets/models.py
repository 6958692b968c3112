"""A record of every data import: who ran it, on which file, and what it changed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """One run of an importer. Written once, at the end of a successful import.

    ``counts`` is a JSON object such as {"new": 12, "changed": 1, "unchanged": 7466}.
    """

    kind = models.CharField(_("kind"), max_length=40)
    file_name = models.CharField(_("file"), max_length=400)
    file_sha256 = models.CharField(_("file SHA-256"), max_length=64)
    counts = models.JSONField(_("counts"), default=dict)
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), auto_now_add=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("run by"),
    )

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-finished_at"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name}"
