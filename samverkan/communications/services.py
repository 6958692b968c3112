"""Writes of joint communication: drafts, versions, approvals, publication, and
agreements' communication plans."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.geography.models import Municipality
from samverkan.organisations.models import Organisation, Tenant

from .models import (
    Approval,
    Comment,
    CommunicationKind,
    CommunicationPlan,
    CommunicationVersion,
    JointCommunication,
    Publication,
    content_digest,
)
from .permissions import (
    can_approve_for,
    can_draft,
    can_draft_for,
    can_edit_communication_plan,
    can_revise,
)
from .summaries import figures_digest, latest_event_date, situation_summary_payload


class CommunicationError(Exception):
    """A step the two-party rule does not allow; the message is shown to the user."""


@transaction.atomic
def start_communication(
    *,
    tenant: Tenant,
    kind: str,
    title: str,
    body: str,
    parties: list[Organisation],
    by: User,
    payload: dict | None = None,
    agreement=None,
    subject=None,
) -> JointCommunication:
    """Create a draft with version 1. ``parties`` must include a police and a municipal party."""
    if not can_draft(by, tenant, about=subject or agreement):
        raise CommunicationError(_("You may not write joint communication for this tenant."))
    if any(p.tenant_id != tenant.pk for p in parties):
        raise CommunicationError(_("All parties must belong to the tenant."))
    if not any(p.is_police for p in parties) or all(p.is_police for p in parties):
        raise CommunicationError(_("A joint communication needs a police and a municipal party."))
    if not can_draft_for(by, parties):
        raise CommunicationError(
            _("You can only write in the name of your own organisation: choose it as a party.")
        )
    communication = JointCommunication.objects.create(
        tenant=tenant,
        kind=kind,
        agreement=agreement,
        created_by=by,
        subject_type=None if subject is None else _content_type(subject),
        subject_id=None if subject is None else subject.pk,
    )
    communication.parties.set(parties)
    _add_version(communication, number=1, title=title, body=body, payload=payload or {}, by=by)
    return communication


def _content_type(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj)


def scrubbed_content(title: str, body: str) -> tuple[str, str]:
    """(title, body) as the version's fields will store them: personal identifiers removed.

    The digest must be computed from this, not from what was typed: the fields scrub on
    save (common.fields), and an approval is of the stored text (docs/decisions/0086).
    """
    fields = CommunicationVersion._meta
    return fields.get_field("title").scrubbed(title), fields.get_field("body").scrubbed(body)


def _add_version(
    communication: JointCommunication,
    *,
    number: int,
    title: str,
    body: str,
    payload: dict,
    by: User,
) -> CommunicationVersion:
    title, body = scrubbed_content(title, body)
    return CommunicationVersion.objects.create(
        communication=communication,
        number=number,
        title=title,
        body=body,
        payload=payload,
        digest=content_digest(title, body, payload),
        created_by=by,
    )


@transaction.atomic
def revise_communication(
    *,
    communication: JointCommunication,
    title: str,
    body: str,
    based_on: int,
    by: User,
    payload: dict | None = None,
) -> CommunicationVersion:
    """Save a new version written on top of version ``based_on``.

    Approvals belong to versions, so the new version starts unapproved. If someone saved
    another version since ``based_on`` the change is refused (nothing is lost: the writer
    gets their text back with the message). Only the parties (and the organisations above
    them) write new versions (``permissions.can_revise``, ADR 0097); anyone else gets
    CommunicationError.
    """
    locked = JointCommunication.objects.select_for_update().get(pk=communication.pk)
    if not can_revise(by, locked):
        raise CommunicationError(
            _(
                "Only the parties to this communication, or an organisation above one of "
                "them, may write a new version."
            )
        )
    latest = locked.latest_version()
    if latest.number != based_on:
        raise CommunicationError(
            _("Version %(n)s was saved while you were writing. Read it and make your change again.")
            % {"n": latest.number}
        )
    payload = latest.payload if payload is None else payload
    if content_digest(*scrubbed_content(title, body), payload) == latest.digest:
        raise CommunicationError(_("Nothing changed."))
    return _add_version(
        locked, number=latest.number + 1, title=title, body=body, payload=payload, by=by
    )


@transaction.atomic
def approve_version(
    *, communication: JointCommunication, number: int, organisation: Organisation, by: User
) -> Approval:
    """Approve version ``number`` on behalf of ``organisation`` (one of the parties)."""
    locked = JointCommunication.objects.select_for_update().get(pk=communication.pk)
    if not locked.parties.filter(pk=organisation.pk).exists():
        raise CommunicationError(
            _("%(org)s is not a party to this communication.") % {"org": organisation}
        )
    if not can_approve_for(by, organisation, communication=locked):
        raise CommunicationError(
            _("You may not approve on behalf of %(org)s.") % {"org": organisation}
        )
    latest = locked.latest_version()
    if latest.number != number:
        raise CommunicationError(
            _(
                "You approved version %(old)s, but version %(new)s has changed the text. "
                "Read it and approve that one."
            )
            % {"old": number, "new": latest.number}
        )
    if latest.approvals.filter(organisation=organisation).exists():
        raise CommunicationError(
            _("%(org)s has already approved this version.") % {"org": organisation}
        )
    return Approval.objects.create(
        version=latest, organisation=organisation, digest=latest.digest, approved_by=by
    )


def missing_approvals(version: CommunicationVersion) -> list[Organisation]:
    """Parties that have not approved exactly this version's content."""
    approved = {a.organisation_id for a in version.approvals.all() if a.digest == version.digest}
    return [p for p in version.communication.parties.order_by("name") if p.pk not in approved]


@transaction.atomic
def publish_communication(*, communication: JointCommunication, by: User) -> Publication:
    """Publish the latest version once every party has approved exactly that version.

    By a drafter of one of the parties or of an organisation above one
    (``permissions.can_revise``, ADR 0097); anyone else gets CommunicationError.
    """
    locked = JointCommunication.objects.select_for_update().get(pk=communication.pk)
    if not can_revise(by, locked):
        raise CommunicationError(
            _("Only the parties, or an organisation above one of them, can publish.")
        )
    latest = locked.latest_version()
    missing = missing_approvals(latest)
    if missing:
        raise CommunicationError(
            _("Not approved by every party yet: %(orgs)s.")
            % {"orgs": ", ".join(str(o) for o in missing)}
        )
    current = locked.latest_publication()
    if current and current.version_id == latest.pk and current.withdrawn_at is None:
        raise CommunicationError(_("This version is already published."))
    return Publication.objects.create(communication=locked, version=latest, published_by=by)


def add_comment(*, communication: JointCommunication, text: str, by: User) -> Comment:
    if not can_draft(by, communication.tenant, about=communication):
        raise CommunicationError(_("You may not comment on this communication."))
    return Comment.objects.create(
        communication=communication, text=text, author=by, version=communication.latest_version()
    )


@transaction.atomic
def draft_situation_summary(
    *,
    tenant: Tenant,
    start: date,
    end: date,
    title: str,
    body: str,
    parties: list[Organisation],
    by: User,
    municipality: Municipality | None = None,
    previewed: str | None = None,
) -> JointCommunication:
    """Start a public situation summary: a draft whose version 1 freezes the suppressed
    district figures of [start, end] (``summaries.situation_summary_payload``).

    It then follows the two-party rule like any joint communication. If ``previewed``
    (``summaries.figures_digest`` of the figures the writer saw) is given and the figures
    have changed since (new events imported, placement run), nothing is saved and
    CommunicationError asks the writer to look again. A period that starts after the
    latest incident date in scope (``summaries.latest_event_date``) is refused too: its
    figures would be zeros for days the data do not reach yet.
    """
    if start > end:
        raise CommunicationError(_("The period must start before it ends."))
    try:
        payload = situation_summary_payload(
            tenant=tenant, start=start, end=end, municipality=municipality
        )
    except ValueError as e:
        raise CommunicationError(_("The municipality is not one of the tenant's.")) from e
    latest = latest_event_date(
        [municipality] if municipality is not None else tenant.municipalities.all()
    )
    if latest is None:
        raise CommunicationError(_("There are no police events to summarise yet."))
    if start > latest:
        raise CommunicationError(
            _("The data go up to %(day)s. Choose a period that starts on or before that day.")
            % {"day": latest.isoformat()}
        )
    if previewed is not None and previewed != figures_digest(payload):
        raise CommunicationError(
            _("The figures changed after your preview. Check the new figures and save again.")
        )
    return start_communication(
        tenant=tenant,
        kind=CommunicationKind.SITUATION_SUMMARY,
        title=title,
        body=body,
        parties=parties,
        by=by,
        payload=payload,
    )


class PlanChanged(CommunicationError):
    """Someone saved the communication plan after the writer opened it."""


@transaction.atomic
def create_communication_plan(
    *, agreement, purpose: str, main_message: str, target_groups: str, channels: str, by: User
) -> CommunicationPlan:
    """Write the communication plan of ``agreement`` (one per agreement).

    Needs ``can_edit_communication_plan``; CommunicationError if the agreement already
    has one or the user may not write it. Audited by django-auditlog (create).
    """
    if not can_edit_communication_plan(by, agreement):
        raise CommunicationError(_("You may not write this agreement's communication plan."))
    if CommunicationPlan.objects.filter(agreement=agreement).exists():
        raise CommunicationError(_("This agreement already has a communication plan."))
    return CommunicationPlan.objects.create(
        agreement=agreement,
        purpose=purpose,
        main_message=main_message,
        target_groups=target_groups,
        channels=channels,
    )


@transaction.atomic
def update_communication_plan(
    *,
    plan: CommunicationPlan,
    purpose: str,
    main_message: str,
    target_groups: str,
    channels: str,
    based_on: str,
    by: User,
) -> CommunicationPlan:
    """Change a communication plan written on top of the version saved at ``based_on``
    (its ``updated_at`` in ISO 8601). If someone saved it since, PlanChanged and nothing is written.
    Audited by django-auditlog (update, with the changed fields)."""
    locked = (
        CommunicationPlan.objects.select_for_update().select_related("agreement").get(pk=plan.pk)
    )
    if not can_edit_communication_plan(by, locked.agreement):
        raise CommunicationError(_("You may not write this agreement's communication plan."))
    if locked.updated_at.isoformat() != based_on:
        raise PlanChanged(
            _("Someone saved the plan while you were writing. Read it and make your change again.")
        )
    locked.purpose = purpose
    locked.main_message = main_message
    locked.target_groups = target_groups
    locked.channels = channels
    locked.save(
        update_fields=["purpose", "main_message", "target_groups", "channels", "updated_at"]
    )
    return locked
