"""Cooperation agreements (samverkansöverenskommelser), their parties and priority areas.

A city-wide agreement is the frame; local agreements (``parent`` = the frame) are made
between district administrations and local police areas, in any N:M combination. A
revised agreement is a new row that ``supersedes`` the old one; older priority areas
are mapped to newer ones with a reason (PriorityAreaMapping).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District
from samverkan.organisations.models import Organisation, Tenant


class AgreementLevel(models.TextChoices):
    CITY = "city", _("city-wide")
    LOCAL = "local", _("local")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    ON_REFERRAL = "on_referral", _("on referral")
    DECIDED = "decided", _("decided")
    SIGNED = "signed", _("signed")
    EXPIRED = "expired", _("expired")


class AgreementQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AgreementQuerySet":
        """Agreements of the tenants where ``user`` holds a membership in force.

        The only way views, exports and commands look up agreements: anything outside it
        behaves as if it did not exist (404, not 403).
        """
        return self.filter(tenant__in=Tenant.objects.for_user(user))

    def local(self) -> "AgreementQuerySet":
        return self.filter(level=AgreementLevel.LOCAL)


class Agreement(TimestampedModel):
    """One version of a cooperation agreement for a period (any dates, both inclusive)."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("tenant")
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    level = models.CharField(_("level"), max_length=10, choices=AgreementLevel)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_agreements",
        verbose_name=_("frame agreement"),
    )
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        verbose_name=_("supersedes"),
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus, default=AgreementStatus.DRAFT
    )
    case_number = models.CharField(_("case number"), max_length=40, blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    summary = ScrubbedTextField(_("summary"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    parties = models.ManyToManyField(
        Organisation,
        through="AgreementParty",
        related_name="agreements",
        verbose_name=_("parties"),
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="agreements", verbose_name=_("districts covered")
    )

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["level", "-valid_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__in=AgreementLevel.values), name="agreement_level_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=AgreementStatus.values), name="agreement_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="agreement_period_ordered",
            ),
            models.CheckConstraint(
                condition=Q(level=AgreementLevel.CITY, parent__isnull=True)
                | Q(level=AgreementLevel.LOCAL),
                name="agreement_city_has_no_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class PartyRole(models.TextChoices):
    MUNICIPAL = "municipal", _("municipal party")
    POLICE = "police", _("police party")
    OTHER = "other", _("other party")


class AgreementParty(models.Model):
    """An organisation is party to an agreement in a role (municipal, police, other)."""

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="party_links",
        verbose_name=_("agreement"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="agreement_links",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=20, choices=PartyRole)

    class Meta:
        verbose_name = _("agreement party")
        verbose_name_plural = _("agreement parties")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "organisation"], name="party_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Signatory(models.Model):
    """A person who signed an agreement on behalf of a party (name and title only)."""

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="signatories",
        verbose_name=_("agreement"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = ScrubbedCharField(_("title"), max_length=200)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return f"{self.title}, {self.organisation}"


class Annex(models.Model):
    """A document that supplements an agreement (lägesbild, action plan, communication plan…)."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="annexes", verbose_name=_("agreement")
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    kind = ScrubbedCharField(_("kind"), max_length=60, blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")

    def __str__(self) -> str:
        return self.title


class PriorityArea(models.Model):
    """A prioritised cooperation area of one agreement, e.g. "Unga i riskzon …".

    For a local agreement, ``frame_areas`` are the city-wide areas this area addresses;
    the coverage check reads them.
    """

    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.CASCADE,
        related_name="priority_areas",
        verbose_name=_("agreement"),
    )
    code = models.SlugField(_("code"), max_length=80)
    name = ScrubbedCharField(_("name"), max_length=300)
    description = ScrubbedTextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    frame_areas = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="local_areas",
        verbose_name=_("addresses city-wide areas"),
    )

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        ordering = ["agreement", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "code"], name="priority_area_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


class PriorityAreaMapping(models.Model):
    """An older agreement's area is carried on by a newer agreement's area, with a reason."""

    from_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.CASCADE,
        related_name="mapped_to",
        verbose_name=_("from area"),
    )
    to_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.CASCADE,
        related_name="mapped_from",
        verbose_name=_("to area"),
    )
    reason = ScrubbedTextField(_("reason"))
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("priority area mapping")
        verbose_name_plural = _("priority area mappings")
        constraints = [
            models.UniqueConstraint(fields=["from_area", "to_area"], name="mapping_unique")
        ]

    def __str__(self) -> str:
        return f"{self.from_area} → {self.to_area}"
