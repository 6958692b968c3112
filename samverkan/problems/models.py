"""Prioritised problems and their cause analyses (orsaksanalys).

A **problem** comes from a situation picture: an area (district, optionally
neighbourhoods), a period and the evidence it rests on. It belongs to a priority area of
an agreement, which is what makes it visible (through the agreement's tenant). A **cause
analysis** follows Brå's handbook (2018): a fishbone with three branches
(victim/target, offender, place/object) carrying direct and indirect causes, an event
chain of preventable situations, and the problem triangle's controllers (handler,
guardian, manager). Places, not persons: free text describes places and situations.
"""

from auditlog.registry import auditlog
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import PriorityArea
from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.geography.models import District, Neighbourhood
from samverkan.plans.visibility import visible_agreements


class ProblemQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ProblemQuerySet":
        """Problems whose priority area's agreement the user may see (see plans.visibility)."""
        return self.filter(priority_area__agreement__in=visible_agreements(user))


class Problem(TimestampedModel):
    """A prioritised problem in an area and period, e.g. "open drug dealing at the square".

    ``period_start_on``/``period_end_on``: the period of the evidence (dates, inclusive).
    """

    priority_area = models.ForeignKey(
        PriorityArea,
        on_delete=models.PROTECT,
        related_name="problems",
        verbose_name=_("priority area"),
    )
    title = ScrubbedCharField(_("title"), max_length=300)
    description = ScrubbedTextField(_("description"), blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    neighbourhoods = models.ManyToManyField(
        Neighbourhood, blank=True, related_name="+", verbose_name=_("neighbourhoods")
    )
    period_start_on = models.DateField(_("period from"))
    period_end_on = models.DateField(_("period to"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = ProblemQuerySet.as_manager()

    class Meta:
        verbose_name = _("problem")
        verbose_name_plural = _("problems")
        ordering = ["-period_end_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end_on__gte=models.F("period_start_on")),
                name="problem_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title


class EvidenceKind(models.TextChoices):
    POLICE_EVENTS = "police_events", _("police events")
    EST_OBSERVATIONS = "est_observations", _("EST observations")
    SURVEY = "survey", _("safety survey indicator")
    STATISTICS = "statistics", _("crime statistics")
    SAFETY_WALK = "safety_walk", _("safety walk")
    OTHER = "other", _("other knowledge")


class Evidence(models.Model):
    """One piece of knowledge a problem or a cause rests on, with its source.

    ``value`` is an optional figure (e.g. 34 events, 41.5 %) with its ``unit`` as text.
    """

    problem = models.ForeignKey(
        Problem, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("problem")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EvidenceKind)
    summary = ScrubbedTextField(_("summary"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = ScrubbedCharField(_("unit"), max_length=60, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["problem", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=EvidenceKind.values), name="evidence_kind_valid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary[:60]}"


class CauseAnalysis(TimestampedModel):
    """A cause analysis of one problem (Brå 2018): fishbone, event chain, problem triangle.

    ``handler``, ``guardian`` and ``manager`` are the problem triangle's controllers
    described as roles and places ("caretakers of the square", "the housing company"),
    never named persons.
    """

    problem = models.ForeignKey(
        Problem, on_delete=models.CASCADE, related_name="analyses", verbose_name=_("problem")
    )
    analysed_on = models.DateField(_("analysed on"))
    method_note = ScrubbedTextField(_("how the analysis was made"), blank=True)
    handler = ScrubbedTextField(_("handler (who can influence the offender)"), blank=True)
    guardian = ScrubbedTextField(_("guardian (who can protect the target)"), blank=True)
    manager = ScrubbedTextField(_("manager (who is responsible for the place)"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("cause analysis")
        verbose_name_plural = _("cause analyses")
        ordering = ["problem", "-analysed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.problem} ({self.analysed_on:%Y-%m-%d})"


class CauseBranch(models.TextChoices):
    VICTIM = "victim", _("victim / target")
    OFFENDER = "offender", _("offender")
    PLACE = "place", _("place / object")


class CauseDirectness(models.TextChoices):
    DIRECT = "direct", _("direct")
    INDIRECT = "indirect", _("indirect")


class CauseNature(models.TextChoices):
    SITUATIONAL = "situational", _("situational")
    SOCIAL = "social", _("social")


class Cause(models.Model):
    """One cause on a fishbone branch; situational causes call for situational measures."""

    analysis = models.ForeignKey(
        CauseAnalysis, on_delete=models.CASCADE, related_name="causes", verbose_name=_("analysis")
    )
    branch = models.CharField(_("branch"), max_length=20, choices=CauseBranch)
    directness = models.CharField(_("direct or indirect"), max_length=10, choices=CauseDirectness)
    nature = models.CharField(_("situational or social"), max_length=12, choices=CauseNature)
    description = ScrubbedTextField(_("description"))
    evidence = ScrubbedTextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("cause")
        verbose_name_plural = _("causes")
        ordering = ["analysis", "branch", "directness", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(branch__in=CauseBranch.values), name="cause_branch_valid"
            ),
            models.CheckConstraint(
                condition=Q(directness__in=CauseDirectness.values), name="cause_directness_valid"
            ),
            models.CheckConstraint(
                condition=Q(nature__in=CauseNature.values), name="cause_nature_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.description[:80]


class EventChainStep(models.Model):
    """One situation in the event chain, in order; each is a point where prevention can act."""

    analysis = models.ForeignKey(
        CauseAnalysis,
        on_delete=models.CASCADE,
        related_name="chain_steps",
        verbose_name=_("analysis"),
    )
    position = models.PositiveSmallIntegerField(_("position"))
    situation = ScrubbedCharField(_("situation"), max_length=300)
    prevention = ScrubbedTextField(_("how prevention can act here"), blank=True)

    class Meta:
        verbose_name = _("event chain step")
        verbose_name_plural = _("event chain steps")
        ordering = ["analysis", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["analysis", "position"], name="event_chain_step_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.situation}"


auditlog.register(Problem)
auditlog.register(Evidence)
auditlog.register(CauseAnalysis)
auditlog.register(Cause)
auditlog.register(EventChainStep)
