"""Places of concern, the Police's vulnerable areas, and safety walks with their points.

A **place** (plats) is a named square, station, park, school yard or centre that the
partners keep coming back to over the years: observations, safety-walk points and (later)
activities refer to it. **Vulnerable areas** (utsatta / särskilt utsatta områden) are the
Police's published list with boundaries, public reference data shared by all tenants.
A **safety walk** (trygghetsvandring) has points (observation → proposed measure →
responsible organisation → deadline → status); status changes are appended as
SafetyWalkPointUpdate rows, never edited. Geometries are GeoJSON in EPSG:4326 (lon/lat)
in JSONFields (docs/decisions/0002-no-postgis.md).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, Tenant

from .access import district_ids_for_user, tenant_ids_for_user


class PlaceKind(models.TextChoices):
    SQUARE = "square", _("square or centre")
    STATION = "station", _("station or transport hub")
    PARK = "park", _("park or walking path")
    SCHOOL_YARD = "school_yard", _("school yard")
    UNDERPASS = "underpass", _("pedestrian underpass")
    NIGHTLIFE = "nightlife", _("restaurant and bar environment")
    SEMI_PUBLIC = "semi_public", _("semi-public (stairwell, garage, cellar)")
    RESIDENTIAL = "residential", _("residential area")
    OTHER = "other", _("other")


class PlaceQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PlaceQuerySet":
        """Places of the user's tenants in districts the user may see (see places.access).

        Places are not sensitive, but they are the tenant's own register: another
        tenant's places behave as missing (404).
        """
        return self.filter(
            tenant_id__in=tenant_ids_for_user(user), district_id__in=district_ids_for_user(user)
        )


class Place(TimestampedModel):
    """A named place of concern; ``geometry`` is a GeoJSON Point or Polygon (EPSG:4326)."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="places", verbose_name=_("tenant")
    )
    name = ScrubbedCharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="places", verbose_name=_("district")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        verbose_name=_("neighbourhood"),
    )
    geometry = models.JSONField(_("geometry (GeoJSON, EPSG:4326)"), null=True, blank=True)
    description = ScrubbedTextField(_("description"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    objects = PlaceQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "district", "name"], name="place_unique_name"
            ),
            models.CheckConstraint(condition=Q(kind__in=PlaceKind.values), name="place_kind_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("places-detail", args=[self.pk])

    @property
    def point(self) -> tuple[float, float] | None:
        """(lon, lat): the Point itself or the polygon's centroid; None without geometry."""
        if not self.geometry:
            return None
        from shapely.geometry import shape

        geom = shape(self.geometry)
        c = geom if geom.geom_type == "Point" else geom.centroid
        return (c.x, c.y)


class VulnerableAreaTier(models.TextChoices):
    VULNERABLE = "vulnerable", _("vulnerable area")
    PARTICULARLY_VULNERABLE = "particularly_vulnerable", _("particularly vulnerable area")
    RISK = "risk", _("risk area")


# The Police's KATEGORI values → our codes.
TIER_FROM_SOURCE = {
    "utsatt område": VulnerableAreaTier.VULNERABLE,
    "särskilt utsatt område": VulnerableAreaTier.PARTICULARLY_VULNERABLE,
    "riskområde": VulnerableAreaTier.RISK,
}


class VulnerableAreaQuerySet(models.QuerySet):
    def visible_to(self, user) -> "VulnerableAreaQuerySet":
        """The list is public: every logged-in user sees it; anonymous users see nothing."""
        return self if user.is_authenticated else self.none()


class VulnerableArea(models.Model):
    """One area on the Police's published list of vulnerable areas, for one list year.

    ``boundary`` is reprojected from SWEREF 99 TM (EPSG:3006) to EPSG:4326; ``area_m2`` and
    ``perimeter_m`` are the source's Shape_Area / Shape_Length (metres, EPSG:3006).
    """

    list_year = models.PositiveSmallIntegerField(_("list year"))
    object_id = models.PositiveIntegerField(_("Police object id"))
    name = models.CharField(_("name"), max_length=200)
    tier = models.CharField(_("tier"), max_length=30, choices=VulnerableAreaTier)
    town = models.CharField(_("town"), max_length=100)
    police_area_name = models.CharField(_("local police area"), max_length=100)
    police_area_code = models.CharField(_("area code"), max_length=20)
    police_district_name = models.CharField(_("police district"), max_length=100)
    region = models.CharField(_("police region"), max_length=60)
    listed_since = models.DateField(_("current designation since"), null=True, blank=True)
    boundary = models.JSONField(_("boundary (GeoJSON, EPSG:4326)"))
    area_m2 = models.FloatField(_("area (m²)"))
    perimeter_m = models.FloatField(_("perimeter (m)"))
    source = models.CharField(_("source"), max_length=300)

    objects = VulnerableAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("vulnerable area")
        verbose_name_plural = _("vulnerable areas")
        ordering = ["region", "town", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["list_year", "object_id"], name="vulnerable_area_unique"
            ),
            models.CheckConstraint(
                condition=Q(tier__in=VulnerableAreaTier.values), name="vulnerable_area_tier_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_tier_display()}, {self.list_year})"

    @property
    def area_ha(self) -> float:
        return self.area_m2 / 10_000


class WalkLight(models.TextChoices):
    DAYLIGHT = "daylight", _("in daylight")
    DARK = "dark", _("after dark")
    BOTH = "both", _("daylight and after dark")


class SafetyWalkQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SafetyWalkQuerySet":
        """Walks of the user's tenants in districts the user may see (see places.access)."""
        return self.filter(
            tenant_id__in=tenant_ids_for_user(user), district_id__in=district_ids_for_user(user)
        )


class SafetyWalk(TimestampedModel):
    """A safety walk (trygghetsvandring) in an area on one day.

    ``participants`` names organisations and resident groups ("boende i Rinkeby, unga
    16–19 år"), never persons; it is scrubbed like every free text.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="safety_walks", verbose_name=_("tenant")
    )
    title = ScrubbedCharField(_("title"), max_length=200)
    walked_on = models.DateField(_("walked on"))
    light = models.CharField(
        _("time of day"), max_length=10, choices=WalkLight, default=WalkLight.DARK
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="safety_walks", verbose_name=_("district")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="safety_walks",
        verbose_name=_("neighbourhood"),
    )
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="safety_walks", verbose_name=_("organisations")
    )
    participants = ScrubbedTextField(_("participant groups"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = SafetyWalkQuerySet.as_manager()

    class Meta:
        verbose_name = _("safety walk")
        verbose_name_plural = _("safety walks")
        ordering = ["-walked_on", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(light__in=WalkLight.values), name="walk_light_valid")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.walked_on:%Y-%m-%d})"


class PointStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    ACCEPTED = "accepted", _("accepted")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DECLINED = "declined", _("declined")
    NO_ACTION = "no_action", _("no action needed")


class SafetyWalkPoint(TimestampedModel):
    """One point of a walk's protocol: where, what was seen, what to do, who, by when.

    ``is_positive`` marks positive notes ("well lit") that need no measure. ``status``
    is a cache of the latest SafetyWalkPointUpdate; change it only through
    services.update_walk_point_status().
    """

    walk = models.ForeignKey(
        SafetyWalk, on_delete=models.CASCADE, related_name="points", verbose_name=_("walk")
    )
    order = models.PositiveSmallIntegerField(_("number"))
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="walk_points",
        verbose_name=_("registered place"),
    )
    location = ScrubbedCharField(_("where"), max_length=200)
    observation = ScrubbedTextField(_("observation"))
    is_positive = models.BooleanField(_("positive note"), default=False)
    proposed_measure = ScrubbedTextField(_("proposed measure"), blank=True)
    responsible_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("responsible organisation"),
    )
    deadline_on = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PointStatus, default=PointStatus.PROPOSED
    )

    class Meta:
        verbose_name = _("safety walk point")
        verbose_name_plural = _("safety walk points")
        ordering = ["walk", "order"]
        constraints = [
            models.UniqueConstraint(fields=["walk", "order"], name="walk_point_unique_order"),
            models.CheckConstraint(
                condition=Q(status__in=PointStatus.values), name="walk_point_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.walk} #{self.order}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.deadline_on is not None
            and self.deadline_on < timezone.localdate()
            and self.status in (PointStatus.PROPOSED, PointStatus.ACCEPTED, PointStatus.IN_PROGRESS)
        )


class SafetyWalkPointUpdate(models.Model):
    """One step in a point's history. Rows are added, never edited."""

    point = models.ForeignKey(
        SafetyWalkPoint, on_delete=models.CASCADE, related_name="updates", verbose_name=_("point")
    )
    from_status = models.CharField(_("from status"), max_length=20, choices=PointStatus)
    to_status = models.CharField(_("to status"), max_length=20, choices=PointStatus)
    note = ScrubbedTextField(_("note"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)

    class Meta:
        verbose_name = _("safety walk point update")
        verbose_name_plural = _("safety walk point updates")
        ordering = ["changed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


from auditlog.registry import auditlog  # noqa: E402

auditlog.register(Place)
auditlog.register(VulnerableArea)
auditlog.register(SafetyWalk)
auditlog.register(SafetyWalkPoint)
auditlog.register(SafetyWalkPointUpdate)
