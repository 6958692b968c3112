"""Citizen pledges (medborgarlöften): public promises by the police, the municipality or both.

A pledge covers a period (any dates) for a municipality or district and a local police
area, lists promises split by party, and is followed up promise by promise. The next
period's pledge can start from this one: each promise then ``continues`` its predecessor,
so a place promised for in several periods keeps one history. Dialogues with citizens are
stored as aggregates only (number of participants, what came out), never as persons.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, Tenant
from samverkan.organisations.visibility import district_scope_q


class PledgeQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PledgeQuerySet":
        """Pledges (drafts included) ``user`` may see; the public sees publications only.

        The tenant gate, then the district rule (``organisations.visibility``, ADR 0095):
        a pledge with districts is seen by members not limited to districts and by limited
        members whose districts meet its districts; a pledge without districts is
        tenant-wide. Others look missing (404).
        """
        return self.filter(
            Q(tenant__in=Tenant.objects.for_user(user)) & district_scope_q(user, model=self.model)
        )


class DialogueQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DialogueQuerySet":
        """Dialogues of the user's tenants: of a pledge they see, or of no pledge."""
        return self.filter(tenant__in=Tenant.objects.for_user(user)).filter(
            Q(pledge__isnull=True) | Q(pledge__in=CitizenPledge.objects.visible_to(user))
        )


class CitizenPledge(TimestampedModel):
    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    municipal_party = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality or district administration"),
    )
    police_party = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("local police area"),
    )
    co_promisors = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("co-promisors")
    )
    districts = models.ManyToManyField(
        District, blank=True, related_name="+", verbose_name=_("districts")
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"))
    situation = ScrubbedTextField(_("the situation today"), blank=True)
    problems = ScrubbedTextField(_("prioritised problems"), blank=True)
    expected_effect = ScrubbedTextField(_("expected effect"), blank=True)
    previous = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next",
        verbose_name=_("continues the pledge"),
    )

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen pledge")
        verbose_name_plural = _("citizen pledges")
        ordering = ["-valid_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__gte=models.F("valid_from")),
                name="pledge_period_ordered",
                violation_error_message=_("The period ends before it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class PromiseParty(models.TextChoices):
    POLICE = "police", _("The police promise")
    MUNICIPALITY = "municipality", _("The municipality promises")
    TOGETHER = "together", _("We promise together")


class TargetUnit(models.TextChoices):
    PER_DAY = "per_day", _("per day")
    PER_WEEK = "per_week", _("per week")
    PER_MONTH = "per_month", _("per month")
    PER_YEAR = "per_year", _("per year")
    PER_PERIOD = "per_period", _("during the period")


class Promise(models.Model):
    """One promise of a pledge, optionally with a quantified target ("at least 5 per week")."""

    pledge = models.ForeignKey(
        CitizenPledge, on_delete=models.CASCADE, related_name="promises", verbose_name=_("pledge")
    )
    party = models.CharField(_("who promises"), max_length=20, choices=PromiseParty)
    text = ScrubbedTextField(_("promise"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    target_count = models.PositiveIntegerField(_("target (at least)"), null=True, blank=True)
    target_unit = models.CharField(_("target unit"), max_length=20, choices=TargetUnit, blank=True)
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("place"),
    )
    place_name = ScrubbedCharField(_("place name"), max_length=200, blank=True)
    continues = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="continued_by",
        verbose_name=_("continues the promise"),
    )
    # Activities of action plans that carry this promise out: their follow-up counts for
    # the promise too, so it is recorded once (docs/decisions/0089). Set through
    # services.set_promise_activities, which applies the visibility gate.
    activities = models.ManyToManyField(
        "plans.Activity", blank=True, related_name="promises", verbose_name=_("linked activities")
    )

    class Meta:
        verbose_name = _("promise")
        verbose_name_plural = _("promises")
        ordering = ["pledge", "party", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(party__in=PromiseParty.values), name="promise_party_valid"
            ),
            models.CheckConstraint(
                condition=Q(target_count__isnull=True) | ~Q(target_unit=""),
                name="promise_target_has_unit",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]

    def lineage(self) -> list["Promise"]:
        """This promise and its predecessors, oldest first (one place, several periods)."""
        chain, current = [], self
        while current is not None:
            chain.append(current)
            current = current.continues
        return list(reversed(chain))


class PromiseFollowUp(models.Model):
    """An outcome reported for a promise. Rows are added, never edited."""

    promise = models.ForeignKey(
        Promise, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("promise")
    )
    reported_on = models.DateField(_("reported on"))
    outcome_count = models.PositiveIntegerField(_("carried out (count)"), null=True, blank=True)
    text = ScrubbedTextField(_("outcome"), blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("promise follow-up")
        verbose_name_plural = _("promise follow-ups")
        ordering = ["promise", "reported_on", "pk"]

    def __str__(self) -> str:
        return f"{self.promise} {self.reported_on}"


class DialogueMethod(models.TextChoices):
    SURVEY = "survey", _("survey")
    WALK = "walk", _("walk")
    MEETING = "meeting", _("meeting")
    MAP_MARKING = "map_marking", _("map marking")
    OTHER = "other", _("other")


class CitizenDialogue(models.Model):
    """A dialogue with residents behind a pledge: aggregate figures only."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    pledge = models.ForeignKey(
        CitizenPledge,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dialogues",
        verbose_name=_("pledge"),
    )
    held_on = models.DateField(_("date"))
    method = models.CharField(_("method"), max_length=20, choices=DialogueMethod)
    participants = models.PositiveIntegerField(_("number of participants"))
    outcome = ScrubbedTextField(_("what came out"))

    objects = DialogueQuerySet.as_manager()

    class Meta:
        verbose_name = _("citizen dialogue")
        verbose_name_plural = _("citizen dialogues")
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.held_on}"


for _model in (CitizenPledge, PromiseFollowUp, CitizenDialogue):
    auditlog.register(_model)
auditlog.register(Promise, m2m_fields={"activities"})
