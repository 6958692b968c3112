"""Joint communication: anything published in both parties' name needs both to approve.

A JointCommunication is a draft with numbered, append-only versions. Each party
(organisation) approves an exact version; a new version starts with no approvals, so a
change after one party approved resets that approval. Publishing freezes the approved
version (title, body and a JSON payload such as a pledge's promises); the public page
shows only published versions, never live data.
"""

import hashlib
import json

from auditlog.registry import auditlog
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement
from samverkan.common.fields import ScrubbedCharField, ScrubbedTextField
from samverkan.common.models import TimestampedModel
from samverkan.organisations.models import Organisation, Tenant
from samverkan.organisations.visibility import visible_agreements


class CommunicationKind(models.TextChoices):
    PLEDGE = "pledge", _("citizen pledge")
    PLEDGE_FOLLOW_UP = "pledge_follow_up", _("follow-up of a citizen pledge")
    SITUATION_SUMMARY = "situation_summary", _("public summary of a situation picture")
    PRESS_TEXT = "press_text", _("press text")
    AGREEMENT = "agreement", _("published agreement")


class CommunicationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommunicationQuerySet":
        """Drafts and published items ``user`` may see; others answer 404.

        The tenant gate, then the communication's subject (ADR 0095): one about an
        agreement follows the agreement (``visible_agreements``), one about a pledge
        follows the pledge (``CitizenPledge.objects.visible_to``); one about neither
        (a press text, a city-wide situation summary) is seen by every member of the tenant.
        """
        from samverkan.pledges.models import CitizenPledge

        pledge_type = ContentType.objects.get_for_model(CitizenPledge)
        return self.filter(tenant__in=Tenant.objects.for_user(user)).filter(
            Q(agreement__isnull=True) | Q(agreement__in=visible_agreements(user)),
            ~Q(subject_type=pledge_type)
            | Q(subject_id__in=CitizenPledge.objects.visible_to(user).values("pk")),
        )


class JointCommunication(TimestampedModel):
    """A text (and payload) to be published in the name of all ``parties``."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.PROTECT, related_name="+", verbose_name=_("tenant")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=CommunicationKind)
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="communications",
        verbose_name=_("agreement"),
    )
    parties = models.ManyToManyField(
        Organisation, related_name="+", verbose_name=_("parties who must approve")
    )
    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = CommunicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("joint communication")
        verbose_name_plural = _("joint communications")
        ordering = ["-updated_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CommunicationKind.values), name="communication_kind_valid"
            )
        ]

    def __str__(self) -> str:
        latest = self.latest_version()
        return latest.title if latest else f"#{self.pk}"

    def latest_version(self) -> "CommunicationVersion | None":
        return self.versions.order_by("-number").first()

    def latest_publication(self) -> "Publication | None":
        return self.publications.order_by("-published_at", "-pk").first()


def content_digest(title: str, body: str, payload: dict) -> str:
    """SHA-256 (hex) of a version's content: what an approval is an approval of.

    ``title`` and ``body`` must be the scrubbed text the version stores
    (``services.scrubbed_content``), so the digest is of exactly what was approved.
    """
    canonical = json.dumps(
        {"title": title, "body": body, "payload": payload}, sort_keys=True, ensure_ascii=False
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


class CommunicationVersion(models.Model):
    """One version of the draft. Rows are added, never edited."""

    communication = models.ForeignKey(
        JointCommunication,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("communication"),
    )
    number = models.PositiveIntegerField(_("version"))
    title = ScrubbedCharField(_("title"), max_length=300)
    body = ScrubbedTextField(_("text"))
    payload = models.JSONField(_("published figures and lists"), default=dict, blank=True)
    digest = models.CharField(_("content digest"), max_length=64)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versions")
        ordering = ["communication", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["communication", "number"], name="communication_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


class Approval(models.Model):
    """A party's approval of one exact version, by an authorised user of that party."""

    version = models.ForeignKey(
        CommunicationVersion,
        on_delete=models.CASCADE,
        related_name="approvals",
        verbose_name=_("version"),
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("party")
    )
    digest = models.CharField(_("approved content digest"), max_length=64)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "organisation"], name="approval_once_per_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ✓ v{self.version.number}"


class Comment(models.Model):
    """A comment on a draft (kept with the history)."""

    communication = models.ForeignKey(
        JointCommunication,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("communication"),
    )
    version = models.ForeignKey(
        CommunicationVersion,
        on_delete=models.CASCADE,
        null=True,
        related_name="comments",
        verbose_name=_("version"),
    )
    text = ScrubbedTextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:40]


class PublicationQuerySet(models.QuerySet):
    def current(self) -> "PublicationQuerySet":
        """The latest publication of each communication that is not withdrawn."""
        latest = (
            Publication.objects.filter(communication=models.OuterRef("communication"))
            .order_by("-published_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(pk=models.Subquery(latest), withdrawn_at__isnull=True)


class Publication(models.Model):
    """The moment a version went public. Public pages read only these rows."""

    communication = models.ForeignKey(
        JointCommunication,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("communication"),
    )
    version = models.ForeignKey(
        CommunicationVersion,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("version"),
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("published by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.version} @ {self.published_at:%Y-%m-%d}"


class CommunicationPlanQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommunicationPlanQuerySet":
        """Plans of the agreements the user sees (``visible_agreements``); others
        answer 404."""
        return self.filter(agreement__in=visible_agreements(user))


class CommunicationPlan(TimestampedModel):
    """An agreement's communication plan: purpose, main message, target groups, channels.

    One per agreement; written and changed through ``services.create_communication_plan``
    and ``update_communication_plan`` (audited). Not published: it plans what is.
    """

    agreement = models.OneToOneField(
        Agreement,
        on_delete=models.CASCADE,
        related_name="communication_plan",
        verbose_name=_("agreement"),
    )
    purpose = ScrubbedTextField(_("purpose"))
    main_message = ScrubbedTextField(_("main message"))
    target_groups = ScrubbedTextField(_("target groups"))
    channels = ScrubbedTextField(_("channels"))

    objects = CommunicationPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("communication plan")
        verbose_name_plural = _("communication plans")

    def __str__(self) -> str:
        return f"{self.agreement}"


for _model in (
    JointCommunication,
    CommunicationVersion,
    Approval,
    Comment,
    Publication,
    CommunicationPlan,
):
    auditlog.register(_model)
