"""A citizen pledge and joint publications for the Stockholm tenant.

The pledge is grounded in a real one: LPO Skärholmen's citizen pledge for
Hägersten-Liljeholmen 2022 (polisen.se, DOCUMENTS.md §6.2 M9): designated police officers
for Liljeholmen and for Vårberg/Sätra, and a joint weekend cooperation (samverkanshelg)
on at least 30 weekends in 2022. Its follow-up figures are DEMO data, labelled as such.
The 2024 city-wide agreement is published as a joint communication. Approvals are made
by the demo approvers (samverkan.datasets.demo).

When the plans demo is loaded, a second, DEMO-labelled draft pledge for Järva 2026 has
its police, municipality and joint promises linked to the activities of the plans demo's
Järva 2026 plan, so the promise pages show the activities' follow-up as the promise's
outcome (nothing typed twice). It stays a draft: the demo has no approvers for Järva's
parties. Idempotent.

Both pledges cover districts (ADR 0095: a pledge without districts is tenant-wide), so
the demo shows district scoping: Hägersten-Liljeholmen 2022 covers Hägersten-Älvsjö (the
district Hägersten-Liljeholmen merged into in 2020, whose administration is its municipal
party), Järva covers Rinkeby-Kista and Spånga-Tensta. A demo pledge loaded before it had
districts gets them on the next run.
"""

from datetime import date

from django.db import transaction

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement
from samverkan.communications import services as comms
from samverkan.communications.models import CommunicationKind, JointCommunication
from samverkan.datasets.base import ImportResult
from samverkan.geography.models import District
from samverkan.organisations.models import Organisation, OrganisationKind, Tenant
from samverkan.plans.models import ActionPlan

from .models import CitizenPledge, Promise, PromiseParty, TargetUnit
from .services import pledge_payload, record_promise_follow_up

SOURCE = "polisen.se, Medborgarlöfte Hägersten-Liljeholmen 2022 (LPO Skärholmen)"
DEMO = "Demodata: påhittat utfall för att visa uppföljningen."
JARVA_PLEDGE = "DEMO – Medborgarlöfte Järva 2026"
PLAN_2026 = "DEMO – Handlingsplan Järva 2026"  # samverkan.plans.demo.PLAN_2026
# District codes of the bundled geography (data/gazetteer/stockholm/districts.csv).
HAGERSTEN_DISTRICTS = ["80129"]  # Hägersten-Älvsjö (variant: Hägersten-Liljeholmen)
JARVA_DISTRICTS = ["80125", "80103"]  # Rinkeby-Kista, Spånga-Tensta


def _cover(pledge: CitizenPledge, codes: list[str]) -> None:
    """Give ``pledge`` the districts ``codes`` unless it already has districts."""
    if not pledge.districts.exists():
        pledge.districts.set(
            District.objects.filter(code__in=codes, municipality__tenants=pledge.tenant)
        )


def _publish(communication: JointCommunication, approvers: dict[Organisation, User]) -> None:
    latest = communication.latest_version()
    for organisation, user in approvers.items():
        comms.approve_version(
            communication=communication, number=latest.number, organisation=organisation, by=user
        )
    comms.publish_communication(communication=communication, by=next(iter(approvers.values())))


@transaction.atomic
def load_pledges_demo(tenant_slug: str = "stockholm") -> ImportResult:
    result = ImportResult(kind="pledges-demo", path="samverkan/pledges/demo.py")
    tenant = Tenant.objects.get(slug=tenant_slug)
    orgs = {o.name: o for o in Organisation.objects.filter(tenant=tenant)}
    users = {u.username: u for u in User.objects.filter(username__startswith="demo-")}
    needed = [
        "demo-coordinator",
        "demo-approver-city",
        "demo-approver-district",
        "demo-approver-lpo",
        "demo-group-member",
    ]
    if any(name not in users for name in needed):
        return result  # demo users were not created (load-bundled-data --no-demo-users)
    _load_jarva_pledge(tenant, result)
    sdf, lpo = orgs["Hägersten-Älvsjö stadsdelsförvaltning"], orgs["LPO Skärholmen"]
    city, police = orgs["Stockholms stad"], orgs["Polisregion Stockholm"]

    pledge, created = CitizenPledge.objects.get_or_create(
        tenant=tenant,
        title="Medborgarlöfte Hägersten-Liljeholmen 2022",
        defaults={
            "municipal_party": sdf,
            "police_party": lpo,
            "valid_from": date(2022, 1, 1),
            "valid_to": date(2022, 12, 31),
            "problems": "Otrygghet i centrum och kring kollektivtrafiken kvällar och helger.",
            "situation": f"Källa: {SOURCE}.",
            "expected_effect": "Ökad trygghet och synlig närvaro i Liljeholmen och Vårberg/Sätra.",
        },
    )
    _cover(pledge, HAGERSTEN_DISTRICTS)
    if not created:
        result.unchanged += 1
        return result
    result.new += 1
    promises = [
        (PromiseParty.POLICE, "Utsedda poliser för Liljeholmen som känner området.", None, ""),
        (PromiseParty.POLICE, "Utsedda poliser för Vårberg och Sätra.", None, ""),
        (
            PromiseParty.TOGETHER,
            "Samverkanshelg: polis och stadsdelsförvaltning är tillsammans "
            "ute vid kollektivtrafik, centrum och krogar fredag- och lördagskvällar.",
            30,
            TargetUnit.PER_PERIOD,
        ),
    ]
    created_promises = []
    for order, (party, text, target, unit) in enumerate(promises):
        created_promises.append(
            Promise.objects.create(
                pledge=pledge,
                party=party,
                text=text,
                order=order,
                target_count=target,
                target_unit=unit,
            )
        )
    coordinator = users["demo-coordinator"]
    record_promise_follow_up(
        promise=created_promises[2],
        reported_on=date(2022, 6, 30),
        outcome_count=14,
        text=DEMO,
        by=coordinator,
    )
    record_promise_follow_up(
        promise=created_promises[2],
        reported_on=date(2022, 12, 31),
        outcome_count=17,
        text=DEMO,
        by=coordinator,
    )
    approvers = {sdf: users["demo-approver-district"], lpo: users["demo-approver-lpo"]}
    communication = comms.start_communication(
        tenant=tenant,
        kind=CommunicationKind.PLEDGE,
        title=pledge.title,
        body=pledge.expected_effect,
        parties=[sdf, lpo],
        by=coordinator,
        payload=pledge_payload(pledge),
        subject=pledge,
    )
    _publish(communication, approvers)

    frame = Agreement.objects.filter(tenant=tenant, case_number="KS 2023/740").first()
    if frame is not None:
        areas = "\n".join(f"• {a.name}" for a in frame.priority_areas.order_by("order"))
        agreement_text = comms.start_communication(
            tenant=tenant,
            kind=CommunicationKind.AGREEMENT,
            title=frame.title,
            body=(
                f"Stockholms stad och Polisregion Stockholm samverkar {frame.valid_from:%Y} "
                f"och framåt inom fem prioriterade samverkansområden:\n{areas}"
            ),
            parties=[city, police],
            by=coordinator,
            agreement=frame,
            payload={
                "case_number": frame.case_number,
                "period": {
                    "from": frame.valid_from.isoformat(),
                    "to": frame.valid_to.isoformat() if frame.valid_to else None,
                },
                "priority_areas": [a.name for a in frame.priority_areas.order_by("order")],
            },
        )
        _publish(
            agreement_text, {city: users["demo-approver-city"], police: users["demo-group-member"]}
        )
        result.new += 1
    return result


def _load_jarva_pledge(tenant: Tenant, result: ImportResult) -> None:
    """The Järva 2026 draft pledge whose promises are carried out by plan activities."""
    plan = ActionPlan.objects.filter(
        title=PLAN_2026, is_demo=True, agreement__tenant=tenant
    ).first()
    existing = CitizenPledge.objects.filter(tenant=tenant, title=JARVA_PLEDGE).first()
    if existing is not None:
        _cover(existing, JARVA_DISTRICTS)
    if plan is None or existing is not None:
        return
    parties = plan.agreement.parties.all()
    sdf = parties.exclude(kind__in=[OrganisationKind.POLICE_AREA, OrganisationKind.POLICE_REGION])
    lpo = parties.filter(kind=OrganisationKind.POLICE_AREA).first()
    if lpo is None or sdf.first() is None:
        return
    activities = {a.activity_type: a for a in plan.activities.all()}
    pledge = CitizenPledge.objects.create(
        tenant=tenant,
        title=JARVA_PLEDGE,
        municipal_party=sdf.first(),
        police_party=lpo,
        valid_from=plan.starts_on,
        valid_to=plan.ends_on,
        situation="Demo: lägesbilden hösten 2025 (se DEMO-problemet i handlingsplanen).",
        problems="Demo: otrygghet och öppen narkotikahandel vid Rinkeby torg kvällstid.",
        expected_effect="Demo: tryggare torg och gångstråk kvällstid.",
    )
    _cover(pledge, JARVA_DISTRICTS)
    promises = [
        (
            PromiseParty.POLICE,
            "Fotpatrullera vid Rinkeby torg kvällstid.",
            5,
            TargetUnit.PER_WEEK,
            ["foot_patrol"],
        ),
        (
            PromiseParty.POLICE,
            "Helgförstärkning fredag och lördag kväll.",
            30,
            TargetUnit.PER_PERIOD,
            ["weekend_reinforcement"],
        ),
        (PromiseParty.MUNICIPALITY, "Arbeta i SSPF med unga i riskzon.", None, "", ["sspf"]),
        (
            PromiseParty.TOGETHER,
            "Minst fyra trygghetsvandringar eller dialoger med boende.",
            4,
            TargetUnit.PER_YEAR,
            ["safety_walk", "citizen_dialogue"],
        ),
    ]
    for order, (party, text, target, unit, types) in enumerate(promises):
        promise = Promise.objects.create(
            pledge=pledge,
            party=party,
            text=text,
            order=order,
            target_count=target,
            target_unit=unit,
        )
        promise.activities.set([activities[t] for t in types if t in activities])
    result.new += 1
