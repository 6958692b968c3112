"""Writes of citizen pledges: promises, follow-up, the next period, publication requests."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.communications.models import CommunicationKind, JointCommunication, content_digest
from samverkan.communications.services import revise_communication, start_communication
from samverkan.plans.models import Activity

from .models import CitizenPledge, Promise, PromiseFollowUp
from .selectors import (
    linkable_activities,
    outcome_payload,
    prefetch_outcome_data,
    promise_outcome,
)


class PledgeError(Exception):
    """A step the rules do not allow; the message is shown to the user."""


def record_promise_follow_up(
    *,
    promise: Promise,
    reported_on: date,
    by: User,
    outcome_count: int | None = None,
    text: str = "",
) -> PromiseFollowUp:
    """Append an outcome to a promise. Outcomes outside the pledge period are refused."""
    pledge = promise.pledge
    if not (pledge.valid_from <= reported_on):
        raise PledgeError(_("The follow-up date is before the pledge period."))
    if outcome_count is None and not text.strip():
        raise PledgeError(_("Give a count, a text or both."))
    return PromiseFollowUp.objects.create(
        promise=promise,
        reported_on=reported_on,
        outcome_count=outcome_count,
        text=text,
        reported_by=by,
    )


@transaction.atomic
def set_promise_activities(
    *, promise: Promise, activities: list[Activity], by: User
) -> list[Activity]:
    """Link ``promise`` to exactly ``activities`` among those ``by`` may link; audited.

    Links to activities ``by`` cannot see are left as they are (someone else made them).
    Raises PledgeError, and changes nothing, when an activity is not linkable by ``by``
    (selectors.linkable_activities: visible, same tenant, running during the period).
    Returns the promise's linked activities afterwards. The change is written to the audit
    log through the m2m registration of Promise.activities.
    """
    Promise.objects.select_for_update().get(pk=promise.pk)
    gate = linkable_activities(by, promise.pledge)
    wanted = {a.pk for a in activities}
    allowed = set(gate.filter(pk__in=wanted).values_list("pk", flat=True))
    if wanted - allowed:
        raise PledgeError(
            _("Only activities you can see, running during the pledge, can be linked.")
        )
    current = set(promise.activities.values_list("pk", flat=True))
    visible_current = set(
        promise.activities.filter(pk__in=Activity.objects.visible_to(by).values("pk")).values_list(
            "pk", flat=True
        )
    )
    unlink = visible_current - wanted
    link = wanted - current
    if unlink:
        promise.activities.remove(*unlink)
    if link:
        promise.activities.add(*link)
    return list(promise.activities.all())


def _continuation(activity: Activity, valid_from: date, valid_to: date) -> Activity | None:
    """The newest of ``activity`` and its carried-over continuations running in the period."""
    chain = [activity]
    while len(chain) < 50:
        later = Activity.objects.filter(carried_from=chain[-1]).first()
        if later is None:
            break
        chain.append(later)
    running = [a for a in chain if a.starts_on <= valid_to and a.ends_on >= valid_from]
    return running[-1] if running else None


@transaction.atomic
def start_next_pledge(
    *, pledge: CitizenPledge, valid_from: date, valid_to: date, title: str
) -> CitizenPledge:
    """Create next period's pledge from ``pledge``; each promise continues its predecessor.

    The new promises start with no follow-up; the history stays on the old promises and is
    reached through ``Promise.continues`` (one place keeps one history across periods).
    Each continued promise keeps its activity links: to the same activity when it runs
    into the new period, or to the activity it was carried over to (plans' carry-over)
    when that one does; a link to an activity that ended before the new period and was
    not carried over is not taken along. Raises PledgeError (nothing written) when the new
    period ends before it starts, starts before this one ends, or a next period exists.
    """
    if valid_to < valid_from:
        raise PledgeError(_("The period ends before it starts."))
    if valid_from <= pledge.valid_to:
        raise PledgeError(
            _("The next period must start after this one ends (%(day)s).")
            % {"day": pledge.valid_to.isoformat()}
        )
    if hasattr(pledge, "next"):
        raise PledgeError(_("This pledge already has a next period."))
    new = CitizenPledge.objects.create(
        tenant=pledge.tenant,
        title=title,
        municipal_party=pledge.municipal_party,
        police_party=pledge.police_party,
        valid_from=valid_from,
        valid_to=valid_to,
        situation=pledge.situation,
        problems=pledge.problems,
        expected_effect=pledge.expected_effect,
        previous=pledge,
    )
    new.co_promisors.set(pledge.co_promisors.all())
    new.districts.set(pledge.districts.all())
    for promise in pledge.promises.prefetch_related("activities"):
        new_promise = Promise.objects.create(
            pledge=new,
            party=promise.party,
            text=promise.text,
            order=promise.order,
            target_count=promise.target_count,
            target_unit=promise.target_unit,
            neighbourhood=promise.neighbourhood,
            place_name=promise.place_name,
            continues=promise,
        )
        carried = {_continuation(a, valid_from, valid_to) for a in promise.activities.all()}
        carried.discard(None)
        if carried:
            new_promise.activities.add(*carried)
    return new


def pledge_payload(pledge: CitizenPledge, on: date | None = None) -> dict:
    """What a publication of ``pledge`` freezes: promises by party with outcomes so far.

    Shape: {"period": {"from", "to"}, "parties": {"municipality", "police",
    "co_promisors": [...]}, "districts": [names], "promises": [{"party", "party_label",
    "text", "target_count", "target_unit", "place", "outcome_total", "outcome": {...},
    "follow_ups": [{"reported_on", "count", "text"}]}], "dialogues": [{"held_on",
    "method", "participants", "outcome"}]}. ``outcome_total`` is the promise's own reports plus
    what its linked activities did in the period (selectors.promise_outcome, ADR 0089),
    None when nothing was counted; ``outcome`` is selectors.outcome_payload, as of ``on``
    (default: today, or the pledge's last day once it has passed).
    No personal data: reporters and the activities' notes are not included.
    """
    on = min(timezone.localdate() if on is None else on, pledge.valid_to)
    promises = []
    rows = list(
        pledge.promises.select_related("neighbourhood", "pledge").prefetch_related("follow_ups")
    )
    prefetch_outcome_data(rows)
    for promise in rows:
        follow_ups = list(promise.follow_ups.all())
        outcome = promise_outcome(promise, on=on)
        promises.append(
            {
                "party": promise.party,
                "party_label": str(promise.get_party_display()),
                "text": promise.text,
                "target_count": promise.target_count,
                "target_unit": promise.target_unit,
                "target_unit_label": str(promise.get_target_unit_display())
                if promise.target_unit
                else "",
                "place": promise.neighbourhood.name
                if promise.neighbourhood
                else promise.place_name,
                "outcome_total": outcome.total,
                "outcome": outcome_payload(outcome),
                "follow_ups": [
                    {
                        "reported_on": f.reported_on.isoformat(),
                        "count": f.outcome_count,
                        "text": f.text,
                    }
                    for f in follow_ups
                ],
            }
        )
    return {
        "period": {"from": pledge.valid_from.isoformat(), "to": pledge.valid_to.isoformat()},
        "parties": {
            "municipality": pledge.municipal_party.name,
            "police": pledge.police_party.name,
            "co_promisors": [o.name for o in pledge.co_promisors.all()],
        },
        "districts": [d.name for d in pledge.districts.order_by("name")],
        "situation": pledge.situation,
        "problems": pledge.problems,
        "expected_effect": pledge.expected_effect,
        "promises": promises,
        "dialogues": [
            {
                "held_on": d.held_on.isoformat(),
                "method": d.method,
                "participants": d.participants,
                "outcome": d.outcome,
            }
            for d in pledge.dialogues.all()
        ],
    }


@transaction.atomic
def request_publication(
    *, pledge: CitizenPledge, by: User, follow_up: bool = False, body: str = ""
) -> JointCommunication:
    """Send the pledge (or its follow-up) for approval by both parties.

    The first time, a joint communication of that kind is started. After that the same
    communication gets a new version with the pledge as it is now (title and text as last
    written, fresh payload), so a change made after one party approved resets that
    approval instead of living on in a parallel draft; publishing that version replaces
    the public item. Returns the communication unchanged when nothing changed. Raises
    communications' CommunicationError (e.g. the user may not write for the tenant).
    """
    kind = CommunicationKind.PLEDGE_FOLLOW_UP if follow_up else CommunicationKind.PLEDGE
    existing = (
        JointCommunication.objects.filter(
            tenant=pledge.tenant,
            kind=kind,
            subject_type__app_label="pledges",
            subject_type__model="citizenpledge",
            subject_id=pledge.pk,
        )
        .order_by("-pk")
        .first()
    )
    if existing is not None:
        latest = existing.latest_version()
        payload = pledge_payload(pledge)
        if content_digest(latest.title, latest.body, payload) != latest.digest:
            revise_communication(
                communication=existing,
                title=latest.title,
                body=latest.body,
                based_on=latest.number,
                payload=payload,
                by=by,
            )
        return existing
    title = (_("Follow-up: %(title)s") % {"title": pledge.title}) if follow_up else pledge.title
    return start_communication(
        tenant=pledge.tenant,
        kind=kind,
        title=title,
        body=body or pledge.expected_effect or title,
        parties=[pledge.municipal_party, pledge.police_party],
        by=by,
        payload=pledge_payload(pledge),
        subject=pledge,
    )
