"""Brå's reported-crime statistics (anmälda brott) per municipality and year.

Counts are offences reported to the Police, Prosecution or Customs in the year, by the
municipality where the offence took place (Brå, SOL database). ``per_100k`` is Brå's
rate per 100,000 inhabitants (integer in the source). Lower is better, with the caveat
that reporting propensity and police activity (drugs, weapons) drive some categories.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.geography.models import Municipality


class CrimeCategory(models.TextChoices):
    TOTAL = "total", _("All reported offences")
    PERSON = "person", _("Offences against the person (Penal Code ch. 3–7)")
    THEFT = "theft", _("Theft, robbery etc. (Penal Code ch. 8)")
    BURGLARY = "burglary", _("Residential burglary")
    VANDALISM = "vandalism", _("Criminal damage (Penal Code ch. 12)")
    DRUGS_WEAPONS = "drugs_weapons", _("Narcotic drugs and weapons acts")


class ReportedCrime(models.Model):
    """Reported offences of one category in one municipality and year."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="reported_crime",
        verbose_name=_("municipality"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    category = models.CharField(_("category"), max_length=20, choices=CrimeCategory)
    count = models.PositiveIntegerField(_("reported offences"))
    per_100k = models.FloatField(_("per 100,000 inhabitants"))
    preliminary = models.BooleanField(_("preliminary"), default=False)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        verbose_name = _("reported crime figure")
        verbose_name_plural = _("reported crime figures")
        ordering = ["municipality", "year", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "category"], name="reported_crime_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.municipality} {self.year} {self.category}: {self.count}"
