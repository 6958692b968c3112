from django.db import models
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    """Abstract base: when a row was created and last changed (UTC, shown in Europe/Stockholm)."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class ValidityPeriodModel(models.Model):
    """Abstract base: a row that is in force from one date to another (both inclusive).

    ``valid_to`` empty means "still in force". Responsibility and names change over time
    (administrations merge, agreements are superseded), so rows carry their period
    instead of being edited.
    """

    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )
