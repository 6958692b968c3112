"""EST (Effektiv samordning för trygghet): weekly observations by trained reporters.

Categories and the rating scale are **per tenant** (there is no national standard, see
DOCUMENTS.md §2.6). A scale is **versioned**: changing labels or the number of levels
publishes a new RatingScale version, and every observation keeps the version it was
reported on, so an old "2" keeps the meaning it had (docs/decisions/0072).

An observation is *where* (a neighbourhood, a registered place or a map point; the
district is always derived and stored), *when* (a date with either a time or a part of
day), *what* (category), *how serious* (a level on the scale version) and a free text
that is scrubbed of personal identifiers before it is stored.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, Tenant
from samverkan.places.access import district_ids_for_user, tenant_ids_for_user
from samverkan.places.models import Place

# Roles granting one of these capabilities may read other people's observations (with
# their free text) in their districts; everyone with "view" sees the aggregated picture.
OBSERVATION_READ_CAPABILITIES = ("view_observations", "edit_plans")
PICTURE_CAPABILITIES = ("view",)


class ObservationCategory(TimestampedModel):
    """A tenant's kind of observation, e.g. "Nedskräpning". ``requires_text``: "other"."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="est_categories", verbose_name=_("tenant")
    )
    code = models.SlugField(_("code"), max_length=60)
    name = ScrubbedCharField(_("name"), max_length=120)
    description = ScrubbedTextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    requires_text = models.BooleanField(_("requires a description"), default=False)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("observation category")
        verbose_name_plural = _("observation categories")
        ordering = ["tenant", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "code"], name="est_category_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class RatingScaleQuerySet(models.QuerySet):
    def current_for(self, tenant: Tenant, on: date | None = None) -> "RatingScale | None":
        """The tenant's scale version in force on ``on`` (default today); None if none yet."""
        from django.utils import timezone

        day = on or timezone.localdate()
        return (
            self.filter(tenant=tenant, valid_from__lte=day)
            .order_by("-valid_from", "-version")
            .first()
        )


class RatingScale(TimestampedModel):
    """One version of a tenant's rating scale; levels are RatingLevel rows.

    Published versions are never edited: publish a new version instead
    (services.publish_rating_scale). ``valid_from`` is the first day it is used.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="est_scales", verbose_name=_("tenant")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    name = ScrubbedCharField(_("name"), max_length=120)
    valid_from = models.DateField(_("valid from"))
    note = ScrubbedTextField(_("what changed"), blank=True)

    objects = RatingScaleQuerySet.as_manager()

    class Meta:
        verbose_name = _("rating scale")
        verbose_name_plural = _("rating scales")
        ordering = ["tenant", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "version"], name="est_scale_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def max_value(self) -> int:
        return max((lvl.value for lvl in self.levels.all()), default=0)

    def label(self, value: int) -> str:
        for lvl in self.levels.all():
            if lvl.value == value:
                return lvl.label
        return str(value)


class RatingLevel(models.Model):
    """One step of a scale version: ``value`` 0…n (higher = more serious) and its label."""

    scale = models.ForeignKey(
        RatingScale, on_delete=models.CASCADE, related_name="levels", verbose_name=_("scale")
    )
    value = models.PositiveSmallIntegerField(_("value"))
    label = ScrubbedCharField(_("label"), max_length=80)
    description = ScrubbedCharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("rating level")
        verbose_name_plural = _("rating levels")
        ordering = ["scale", "value"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "value"], name="est_level_unique_value")
        ]

    def __str__(self) -> str:
        return f"{self.value} – {self.label}"


class PartOfDay(models.TextChoices):
    NIGHT = "night", _("night (00–06)")
    MORNING = "morning", _("morning (06–12)")
    AFTERNOON = "afternoon", _("afternoon (12–18)")
    EVENING = "evening", _("evening (18–24)")


def part_of_day_for_hour(hour: int) -> str:
    return [PartOfDay.NIGHT, PartOfDay.MORNING, PartOfDay.AFTERNOON, PartOfDay.EVENING][hour // 6]


class ObservationStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class ObservationSource(models.TextChoices):
    FORM = "form", _("reporting form")
    IMPORT = "import", _("CSV import")
    DEMO = "demo", _("demo data")


class ObservationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ObservationQuerySet":
        """Observations ``user`` may open, with their free text: the one gate for records.

        A user sees their own observations, and, if a role grants view_observations or
        edit_plans, every observation in the districts of those memberships (see
        places.access). Tenants are always separate. Anything else is missing (404).
        """
        if not user.is_authenticated:
            return self.none()
        tenants = tenant_ids_for_user(user)
        districts = district_ids_for_user(user, OBSERVATION_READ_CAPABILITIES)
        return self.filter(tenant_id__in=tenants).filter(
            Q(reported_by=user) | Q(district_id__in=districts)
        )

    def in_picture_of(self, user) -> "ObservationQuerySet":
        """Observations counted in the aggregated picture ``user`` may see (no free text).

        Every role with "view" sees the counts of its districts: a reporter sees the
        weekly picture of their area without reading colleagues' texts. Never render
        ``text`` from this queryset; use visible_to() for records.
        """
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            tenant_id__in=tenant_ids_for_user(user),
            district_id__in=district_ids_for_user(user, PICTURE_CAPABILITIES),
        )

    def open(self) -> "ObservationQuerySet":
        return self.filter(status=ObservationStatus.OPEN)


class Observation(TimestampedModel):
    """One EST report: what, where, when, how serious.

    ``rating`` is a RatingLevel value *of ``scale``* (the version in force when it was
    reported). ``latitude``/``longitude`` are WGS84 degrees, both or neither.
    ``removed_identifiers`` counts what the scrubber took out of ``text``, e.g.
    {"phone_number": 1}; the values themselves are never stored.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="est_observations", verbose_name=_("tenant")
    )
    category = models.ForeignKey(
        ObservationCategory,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("category"),
    )
    scale = models.ForeignKey(
        RatingScale,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("scale version"),
    )
    rating = models.PositiveSmallIntegerField(_("rating"))
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="est_observations",
        verbose_name=_("district"),
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="est_observations",
        verbose_name=_("neighbourhood"),
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="est_observations",
        verbose_name=_("place"),
    )
    latitude = models.FloatField(_("latitude (WGS84)"), null=True, blank=True)
    longitude = models.FloatField(_("longitude (WGS84)"), null=True, blank=True)
    observed_on = models.DateField(_("date"))
    observed_at = models.DateTimeField(_("time"), null=True, blank=True)
    part_of_day = models.CharField(_("part of day"), max_length=10, choices=PartOfDay)
    text = ScrubbedTextField(_("description"), blank=True)
    removed_identifiers = models.JSONField(_("identifiers removed"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ObservationStatus, default=ObservationStatus.OPEN
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ObservationSource, default=ObservationSource.FORM
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    external_id = models.CharField(_("id in the source system"), max_length=100, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="est_observations",
        verbose_name=_("reported by"),
    )
    reporting_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="est_observations",
        verbose_name=_("reporting organisation"),
    )
    nearby_open_when_reported = models.PositiveSmallIntegerField(
        _("nearby open reports confirmed by the reporter"), default=0
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["-observed_on", "-pk"]
        indexes = [
            models.Index(fields=["tenant", "observed_on"]),
            models.Index(fields=["district", "observed_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(part_of_day__in=PartOfDay.values), name="est_observation_part_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=ObservationStatus.values),
                name="est_observation_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(source__in=ObservationSource.values),
                name="est_observation_source_valid",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="est_observation_point_complete",
            ),
            models.UniqueConstraint(
                fields=["tenant", "external_id"],
                condition=~Q(external_id=""),
                name="est_observation_unique_external_id",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.observed_on:%Y-%m-%d} ({self.district})"

    @property
    def rating_label(self) -> str:
        """The label of ``rating`` on the scale version it was reported on."""
        return self.scale.label(self.rating)

    @property
    def severity(self) -> float:
        """``rating`` as a share of its scale version's maximum, 0.0–1.0 (higher = worse)."""
        top = self.scale.max_value
        return self.rating / top if top else 0.0

    @property
    def where(self) -> str:
        if self.place_id:
            return str(self.place)
        if self.neighbourhood_id:
            return str(self.neighbourhood)
        return str(self.district)


class AbilityAssessment(TimestampedModel):
    """The group's judgement of the partners' ability to influence an area in a period.

    ``ability`` is 0–3 (0 = little the partners can do, 3 = much); higher ability ranks an
    area higher, all else equal. Entered by a coordinator for the ranking (one row per
    district or neighbourhood and period; a new judgement replaces the old via a new row
    and the newest counts).
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="+", verbose_name=_("district")
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("neighbourhood"),
    )
    period_start_on = models.DateField(_("period start"))
    period_end_on = models.DateField(_("period end"))
    ability = models.PositiveSmallIntegerField(_("ability to influence (0–3)"))
    rationale = ScrubbedTextField(_("rationale"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )

    class Meta:
        verbose_name = _("ability assessment")
        verbose_name_plural = _("ability assessments")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ability__lte=3), name="est_ability_range"),
            models.CheckConstraint(
                condition=Q(period_end_on__gte=models.F("period_start_on")),
                name="est_ability_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.neighbourhood or self.district} {self.period_start_on}: {self.ability}"


from auditlog.registry import auditlog  # noqa: E402

auditlog.register(ObservationCategory)
auditlog.register(RatingScale)
auditlog.register(RatingLevel)
auditlog.register(Observation)
auditlog.register(AbilityAssessment)
