"""Geography: municipalities, districts (stadsdelsområden) and neighbourhoods (stadsdelar).

Geography is public reference data, shared by all tenants; who is *responsible* for an
area lives in organisations (AdministrativeCoverage), because responsibility moves while
the map stays comparable across years. Boundaries are GeoJSON geometries in WGS84
(EPSG:4326, lon/lat order) stored in a JSONField; see docs/decisions/0002-no-postgis.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.common.models import TimestampedModel


class AreaKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    DISTRICT = "district", _("district")
    NEIGHBOURHOOD = "neighbourhood", _("neighbourhood")


class Area(TimestampedModel):
    """Abstract base for every geographic unit.

    ``boundary``: a GeoJSON geometry dict (Polygon or MultiPolygon, EPSG:4326) or None.
    ``population``: inhabitants (persons) on 31 December of ``population_year`` per
    ``population_source``; None when no source gives it for this unit.
    """

    name = models.CharField(_("name"), max_length=120)
    boundary = models.JSONField(_("boundary (GeoJSON, EPSG:4326)"), null=True, blank=True)
    boundary_source = models.CharField(_("boundary source"), max_length=300, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    population_source = models.CharField(_("population source"), max_length=300, blank=True)

    kind: str = ""

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Municipality(Area):
    """A Swedish municipality (kommun), keyed by its 4-digit SCB code (e.g. "0180")."""

    code = models.CharField(_("SCB code"), max_length=4, unique=True)
    county_code = models.CharField(_("county code"), max_length=2)
    county_name = models.CharField(_("county"), max_length=60)
    # Spelling in Polisen's events API when it differs from SCB's ("Upplands väsby").
    police_api_name = models.CharField(_("name in Polisen's API"), max_length=120, blank=True)

    kind = AreaKind.MUNICIPALITY

    class Meta(Area.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")


class District(Area):
    """A district (stadsdelsområde) of a municipality, e.g. Rinkeby-Kista (code "80125")."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="districts",
        verbose_name=_("municipality"),
    )
    code = models.CharField(_("code"), max_length=12, unique=True)

    kind = AreaKind.DISTRICT

    class Meta(Area.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Neighbourhood(Area):
    """A neighbourhood (stadsdel) inside a district, e.g. Rinkeby in Rinkeby-Kista."""

    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="neighbourhoods",
        verbose_name=_("district"),
    )
    code = models.CharField(_("code"), max_length=60, unique=True)

    kind = AreaKind.NEIGHBOURHOOD

    class Meta(Area.Meta):
        verbose_name = _("neighbourhood")
        verbose_name_plural = _("neighbourhoods")
        constraints = [
            models.UniqueConstraint(fields=["district", "name"], name="neighbourhood_unique_name")
        ]
