"""Tenants, organisations, roles and memberships: the start of every visibility gate.

A **tenant** is one municipality + police pair (Stockholms stad and Polisregion
Stockholm). Everything a tenant's users write belongs to exactly one tenant; nothing
of one tenant is ever shown to another. **Roles are data**: a Role row carries the
capability codes it grants; code asks ``membership.role.grants("…")``, never a name.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel, ValidityPeriodModel
from samverkan.geography.models import District, Municipality


class TenantQuerySet(models.QuerySet):
    def for_user(self, user) -> "TenantQuerySet":
        """Tenants in which ``user`` holds a membership in force today (none if anonymous)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(
            organisations__memberships__in=Membership.objects.active().filter(user=user)
        ).distinct()


class Tenant(TimestampedModel):
    """One cooperation: a municipality and its police region, e.g. "stockholm".

    ``options`` holds tenant settings (JSON object); known keys: ``suppression_min_n``
    (int, default 30), ``count_rounding`` ("none" | "stockholm"), ``report_cadence``
    ("tertial" | "quarterly").
    """

    slug = models.SlugField(_("slug"), unique=True)
    name = ScrubbedCharField(_("name"), max_length=200)
    municipalities = models.ManyToManyField(
        Municipality,
        blank=True,
        related_name="tenants",
        verbose_name=_("municipalities"),
        help_text=_("Municipalities whose public statistics this tenant follows."),
    )
    options = models.JSONField(_("options"), default=dict, blank=True)

    objects = TenantQuerySet.as_manager()

    class Meta:
        verbose_name = _("tenant")
        verbose_name_plural = _("tenants")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def option(self, key: str, default=None):
        return (self.options or {}).get(key, default)


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    POLICE_REGION = "police_region", _("police region")
    POLICE_AREA = "police_area", _("local police area")
    DISTRICT_ADMINISTRATION = "district_administration", _("district administration")
    DEPARTMENT = "department", _("department or committee")
    OTHER = "other", _("other partner")


POLICE_KINDS = (OrganisationKind.POLICE_REGION, OrganisationKind.POLICE_AREA)


class OrganisationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OrganisationQuerySet":
        """Organisations of the tenants where ``user`` has a membership."""
        return self.filter(tenant__in=Tenant.objects.for_user(user))


class Organisation(ValidityPeriodModel, TimestampedModel):
    """A party or partner: the city, the police region, an LPO, a district administration…

    ``parent`` is the organisation it belongs to (an LPO under its police region, a
    district administration under the municipality). ``code`` is the source's own code
    (SCB municipality code, the Police's area code) when there is one.
    """

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("tenant")
    )
    name = ScrubbedCharField(_("name"), max_length=200)
    short_name = ScrubbedCharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind)
    code = models.CharField(_("code"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "name"], name="organisation_unique_name"),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_police(self) -> bool:
        return self.kind in POLICE_KINDS


class AdministrativeCoverage(ValidityPeriodModel):
    """An organisation is responsible for a district during a period.

    One district administration can cover several districts (Järva SDF covers Rinkeby-Kista
    and Spånga-Tensta since 2020), and a district can be covered by several local police
    areas (Hägersten-Älvsjö by LPO Globen and LPO Skärholmen).
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="coverages",
        verbose_name=_("organisation"),
    )
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="coverages", verbose_name=_("district")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("administrative coverage")
        verbose_name_plural = _("administrative coverages")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "district", "valid_from"], name="coverage_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.district}"


class Role(models.Model):
    """A named bundle of capabilities, e.g. reader, reporter, coordinator.

    ``capabilities`` is a list of capability codes (strings) such as ``"view"``,
    ``"report_observation"``, ``"edit_plans"``, ``"administer"``, ``"audit"``.
    """

    code = models.SlugField(_("code"), unique=True)
    name = ScrubbedCharField(_("name"), max_length=100)
    description = ScrubbedTextField(_("description"), blank=True)
    capabilities = models.JSONField(_("capabilities"), default=list, blank=True)
    requires_two_factor = models.BooleanField(_("requires two-factor login"), default=True)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    def grants(self, capability: str) -> bool:
        return capability in (self.capabilities or [])


class MembershipQuerySet(models.QuerySet):
    def active(self, on=None) -> "MembershipQuerySet":
        """Memberships in force on ``on`` (a date; default today in Europe/Stockholm)."""
        day = on or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )


class Membership(ValidityPeriodModel, TimestampedModel):
    """A user works for an organisation in a role, optionally limited to some districts.

    An empty ``districts`` means the membership is not limited beyond its organisation.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("role")
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="+", verbose_name=_("limited to districts")
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="membership_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.role})"


auditlog.register(Tenant)
auditlog.register(Organisation)
auditlog.register(AdministrativeCoverage)
auditlog.register(Role)
auditlog.register(Membership, m2m_fields={"districts"})
