"""Writes of citizen pledges: promises, follow-up, the next period, publication requests."""

from datetime import date

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from samverkan.accounts.models import User
from samverkan.communications.models import CommunicationKind, JointCommunication
from samverkan.communications.services import start_communication

from .models import CitizenPledge, Promise, PromiseFollowUp


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
def start_next_pledge(
    *, pledge: CitizenPledge, valid_from: date, valid_to: date, title: str
) -> CitizenPledge:
    """Create next period's pledge from ``pledge``; each promise continues its predecessor.

    The new promises start with no follow-up; the history stays on the old promises and is
    reached through ``Promise.continues`` (one place keeps one history across periods).
    """
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
    for promise in pledge.promises.all():
        Promise.objects.create(
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
    return new


def pledge_payload(pledge: CitizenPledge) -> dict:
    """What a publication of ``pledge`` freezes: promises by party with outcomes so far.

    Shape: {"period": {"from", "to"}, "parties": {"municipality", "police",
    "co_promisors": [...]}, "promises": [{"party", "party_label", "text", "target_count",
    "target_unit", "place", "outcome_total", "follow_ups": [{"reported_on", "count",
    "text"}]}], "dialogues": [{"held_on", "method", "participants", "outcome"}]}.
    No personal data: reporters are not included.
    """
    promises = []
    for promise in pledge.promises.select_related("neighbourhood").prefetch_related("follow_ups"):
        follow_ups = list(promise.follow_ups.all())
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
                "outcome_total": promise.follow_ups.aggregate(n=Sum("outcome_count"))["n"],
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


def request_publication(
    *, pledge: CitizenPledge, by: User, follow_up: bool = False, body: str = ""
) -> JointCommunication:
    """Start a joint communication (pledge or its follow-up) that both parties must approve."""
    kind = CommunicationKind.PLEDGE_FOLLOW_UP if follow_up else CommunicationKind.PLEDGE
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
