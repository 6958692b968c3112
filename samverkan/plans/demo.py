"""A reproducible demo: a problem, its cause analysis and Järva's plans 2025 → 2026.

Everything created here is labelled DEMO (titles, ``ActionPlan.is_demo``, sources of
invented figures). Figures from real data (police events placed in Rinkeby) are counted
from the database when they are there. Run through ``manage.py load-plans-demo``.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from samverkan.agreements.models import (
    Agreement,
    AgreementLevel,
    AgreementParty,
    AgreementStatus,
    PartyRole,
    PriorityArea,
)
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation, OrganisationKind, Tenant
from samverkan.police_events.models import PoliceEvent
from samverkan.problems import services as problem_services
from samverkan.problems.models import EvidenceKind

from . import services
from .models import ActionPlan

PLAN_2025 = "DEMO – Handlingsplan Järva 2025"
PLAN_2026 = "DEMO – Handlingsplan Järva 2026"
DEMO_SOURCE = "DEMO – påhittat värde, inte verklig statistik"

CITY_AREAS = [
    ("unga-i-riskzon", "Unga i riskzon för destruktivt beteende"),
    ("otrygga-platser", "Otrygga och brottsutsatta platser"),
    ("systemhotande", "Systemhotande brottslighet"),
    ("sarskilt-utsatta-brottsoffer", "Särskilt utsatta och sårbara brottsoffer"),
    ("kriminella-miljoer", "Kriminella miljöer och livsstilar"),
]


def _organisation(tenant: Tenant, name: str, kind: str, parent=None) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        tenant=tenant, name=name, defaults={"kind": kind, "parent": parent}
    )
    return org


def _frame(tenant: Tenant) -> Agreement:
    frame = (
        Agreement.objects.filter(tenant=tenant, level=AgreementLevel.CITY)
        .order_by("-valid_from")
        .first()
    )
    if frame is None:
        frame = Agreement.objects.create(
            tenant=tenant,
            title="DEMO – Samverkansöverenskommelse Stockholms stad 2024",
            level=AgreementLevel.CITY,
            status=AgreementStatus.SIGNED,
            valid_from=date(2024, 1, 1),
            valid_to=date(2027, 12, 31),
        )
    for i, (code, name) in enumerate(CITY_AREAS):
        if not frame.priority_areas.filter(name=name).exists():
            PriorityArea.objects.get_or_create(
                agreement=frame, code=code, defaults={"name": name, "order": i}
            )
    return frame


def _local_agreement(tenant: Tenant, frame: Agreement) -> Agreement:
    existing = (
        Agreement.objects.filter(
            tenant=tenant, level=AgreementLevel.LOCAL, title__icontains="Järva"
        )
        .order_by("-valid_from")
        .first()
    )
    if existing is not None and existing.priority_areas.exists():
        return existing
    city = Organisation.objects.filter(
        tenant=tenant, kind=OrganisationKind.MUNICIPALITY
    ).first() or _organisation(tenant, "Stockholms stad", OrganisationKind.MUNICIPALITY)
    region = Organisation.objects.filter(
        tenant=tenant, kind=OrganisationKind.POLICE_REGION
    ).first() or _organisation(tenant, "Polisregion Stockholm", OrganisationKind.POLICE_REGION)
    sdf = _organisation(
        tenant, "Järva stadsdelsförvaltning", OrganisationKind.DISTRICT_ADMINISTRATION, city
    )
    lpo = _organisation(tenant, "LPO Järva", OrganisationKind.POLICE_AREA, region)
    local = Agreement.objects.create(
        tenant=tenant,
        title="DEMO – Lokal samverkansöverenskommelse Järva",
        level=AgreementLevel.LOCAL,
        parent=frame,
        status=AgreementStatus.SIGNED,
        valid_from=date(2024, 1, 1),
        valid_to=date(2027, 12, 31),
    )
    AgreementParty.objects.create(agreement=local, organisation=sdf, role=PartyRole.MUNICIPAL)
    AgreementParty.objects.create(agreement=local, organisation=lpo, role=PartyRole.POLICE)
    district = District.objects.filter(code="80125").first()
    if district is not None:
        local.districts.add(district)
    for i, area in enumerate(frame.priority_areas.order_by("order")):
        mine = PriorityArea.objects.create(
            agreement=local, code=f"jarva-{area.code}"[:80], name=f"Järva: {area.name}", order=i
        )
        mine.frame_areas.add(area)
    return local


def _local_area(local: Agreement, frame: Agreement, code: str) -> PriorityArea:
    city_area = frame.priority_areas.filter(code=code).first() or frame.priority_areas.get(
        name=dict(CITY_AREAS)[code]
    )
    return local.priority_areas.filter(frame_areas=city_area).first() or city_area


def _follow(activity, entries) -> None:
    """Append demo follow-up entries (day, status, count, progress %, note) in order."""
    for day, status, count, progress, note in entries:
        latest = activity.follow_ups.order_by("-pk").first()
        services.record_follow_up(
            activity=activity,
            expected_previous_id=latest.pk if latest else None,
            reported_on=day,
            status=status,
            done_count=count,
            progress_percent=progress,
            note=note,
            by=None,
        )


@transaction.atomic
def load_demo() -> ActionPlan | None:
    """Create the demo and return the 2026 plan; None when it already exists."""
    if ActionPlan.objects.filter(title=PLAN_2026, is_demo=True).exists():
        return None
    tenant, _ = Tenant.objects.get_or_create(
        slug=settings.DEFAULT_TENANT_SLUG,
        defaults={"name": "Stockholms stad och Polisregion Stockholm"},
    )
    frame = _frame(tenant)
    local = _local_agreement(tenant, frame)
    places = _local_area(local, frame, "otrygga-platser")
    youth = _local_area(local, frame, "unga-i-riskzon")
    criminal = _local_area(local, frame, "kriminella-miljoer")
    district = District.objects.filter(code="80125").first()
    rinkeby = Neighbourhood.objects.filter(name__iexact="Rinkeby").first()
    sdf = local.parties.filter(kind=OrganisationKind.DISTRICT_ADMINISTRATION).first()
    lpo = local.parties.filter(kind__in=[OrganisationKind.POLICE_AREA]).first()

    evidence = [
        {
            "kind": EvidenceKind.SAFETY_WALK,
            "summary": "Trygghetsvandring: mörka gångstråk och skymd sikt runt torget kvällstid.",
            "source": DEMO_SOURCE,
        }
    ]
    if rinkeby is not None:
        n = PoliceEvent.objects.filter(
            neighbourhood=rinkeby,
            occurred_on__gte=date(2025, 1, 1),
            occurred_on__lte=date(2025, 11, 30),
        ).count()
        evidence.append(
            {
                "kind": EvidenceKind.POLICE_EVENTS,
                "summary": "Polisens publicerade händelser placerade i Rinkeby, jan–nov 2025.",
                "value": Decimal(n),
                "unit": "händelser",
                "source": "Polisens händelser (polisen.se), placerade från texten",
            }
        )
    problem = problem_services.create_problem(
        priority_area=places,
        title="DEMO – Otrygghet och öppen narkotikahandel vid Rinkeby torg kvällstid",
        description="Demo: problem från lägesbilden hösten 2025.",
        district=district,
        neighbourhoods=[rinkeby] if rinkeby else [],
        period_start_on=date(2025, 1, 1),
        period_end_on=date(2025, 11, 30),
        evidence=evidence,
        by=None,
    )
    analysis = problem_services.start_cause_analysis(
        problem=problem,
        analysed_on=date(2025, 12, 10),
        method_note="Demo: workshop med stadsdelsförvaltning, LPO och fastighetsägare.",
        handler="Fältassistenter, föräldravandrare, socialtjänstens ungdomsenhet",
        guardian="Butikspersonal, väktare, grannsamverkan",
        manager="Fastighetsägaren vid torget, trafikkontoret (belysning)",
        by=None,
    )
    c = problem_services.add_cause
    dark = c(
        analysis=analysis,
        branch="place",
        directness="direct",
        nature="situational",
        description="Mörka och skymda gångstråk runt torget",
        evidence="Trygghetsvandring 2025",
        by=None,
    )
    market = c(
        analysis=analysis,
        branch="offender",
        directness="direct",
        nature="situational",
        description="Etablerad försäljningsplats med flyktvägar",
        evidence="Polisens lägesbild",
        by=None,
    )
    recruit = c(
        analysis=analysis,
        branch="offender",
        directness="indirect",
        nature="social",
        description="Unga rekryteras till försäljning",
        evidence="SSPF-gruppens bedömning",
        by=None,
    )
    c(
        analysis=analysis,
        branch="victim",
        directness="indirect",
        nature="social",
        description="Boende undviker torget och anmäler sällan",
        evidence="",
        by=None,
    )
    for situation, prevention in [
        ("Unga söker sig till torget kvällstid", "Fritidsgård öppen sent, fältassistenter"),
        ("Kontakt med försäljare", "Synlig närvaro av polis och vuxna"),
        ("Försäljning i skymda stråk", "Belysning, beskärning, kameror"),
        ("Flykt via gångtunneln", "Stängsel och ombyggnad av tunneln"),
    ]:
        problem_services.add_chain_step(
            analysis=analysis, situation=situation, prevention=prevention, by=None
        )

    plan_2025 = services.create_plan(
        agreement=local,
        title=PLAN_2025,
        starts_on=date(2025, 1, 1),
        ends_on=date(2025, 12, 31),
        by=None,
        is_demo=True,
    )
    patrol_target = services.create_target(
        plan=plan_2025,
        description="Minst 5 fotpatrullerande pass per vecka vid torget",
        quantity=5,
        frequency="per_week",
        by=None,
    )
    common = {"starts_on": date(2025, 1, 1), "ends_on": date(2025, 12, 31), "by": None}
    patrol = services.create_activity(
        plan=plan_2025,
        title="Fotpatrullering kvällstid vid Rinkeby torg",
        activity_type="foot_patrol",
        owner_party="police",
        responsible_organisation=lpo,
        target=patrol_target,
        priority_areas=[places, criminal],
        causes=[market],
        neighbourhoods=[rinkeby] if rinkeby else [],
        expected_effect="short_term",
        **common,
    )
    lighting = services.create_activity(
        plan=plan_2025,
        title="Ny belysning och beskärning i gångstråken",
        activity_type="physical_measure",
        owner_party="municipality",
        responsible_organisation=sdf,
        priority_areas=[places],
        causes=[dark],
        neighbourhoods=[rinkeby] if rinkeby else [],
        expected_effect="long_term",
        **common,
    )
    _follow(
        patrol,
        [
            (date(2025, 4, 30), "ongoing", 80, 30, "Demo: tertial 1"),
            (date(2025, 8, 31), "ongoing", 165, 65, "Demo: tertial 2"),
            (date(2025, 12, 31), "ongoing", 250, 95, "Demo: fortsätter 2026"),
        ],
    )
    _follow(
        lighting,
        [
            (date(2025, 4, 30), "planned", None, 0, "Demo: upphandling"),
            (date(2025, 12, 31), "done", None, 100, "Demo: 24 nya armaturer"),
        ],
    )
    for indicator_activity in (patrol,):
        services.create_indicator(
            activity=indicator_activity,
            by=None,
            name="Polisens händelser i Rinkeby (90 dagar)",
            kind="police_events",
            direction="decrease",
            neighbourhood=rinkeby,
            unit="händelser",
            source="Polisens händelser (polisen.se)",
        )
    result = services.carry_over_plan(
        plan=plan_2025,
        title=PLAN_2026,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        by=None,
    )
    plan = result.plan
    walk_target = services.create_target(
        plan=plan,
        description="Minst 4 trygghetsvandringar eller medborgardialoger per år",
        quantity=4,
        frequency="per_year",
        counted_types=["safety_walk", "citizen_dialogue"],
        by=None,
    )
    weekend_target = services.create_target(
        plan=plan,
        description="Minst 30 helger med helgförstärkning under 2026",
        quantity=30,
        unit="weekends",
        frequency="per_period",
        by=None,
    )
    common = {"starts_on": date(2026, 1, 1), "ends_on": date(2026, 12, 31), "by": None}
    walks = services.create_activity(
        plan=plan,
        title="Trygghetsvandringar med boende",
        activity_type="safety_walk",
        owner_party="joint",
        responsible_organisation=sdf,
        contributing_organisations=[lpo] if lpo else [],
        target=walk_target,
        priority_areas=[places],
        causes=[dark],
        neighbourhoods=[rinkeby] if rinkeby else [],
        gender_equality_note="Demo: separata kvällsvandringar för kvinnor.",
        **common,
    )
    dialogue = services.create_activity(
        plan=plan,
        title="Medborgardialog om torget",
        activity_type="citizen_dialogue",
        owner_party="joint",
        responsible_organisation=sdf,
        target=walk_target,
        priority_areas=[places],
        neighbourhoods=[rinkeby] if rinkeby else [],
        **common,
    )
    weekends = services.create_activity(
        plan=plan,
        title="Helgförstärkning fredag–lördag kväll",
        activity_type="weekend_reinforcement",
        owner_party="police",
        responsible_organisation=lpo,
        target=weekend_target,
        priority_areas=[criminal],
        causes=[market],
        **common,
    )
    sspf = services.create_activity(
        plan=plan,
        title="SSPF-arbete med unga i riskzon",
        activity_type="sspf",
        owner_party="joint",
        responsible_organisation=sdf,
        priority_areas=[youth],
        causes=[recruit],
        child_rights_note="Demo: barnets bästa styr urval och uppföljning.",
        expected_effect="long_term",
        **common,
    )
    survey = services.create_indicator(
        activity=walks,
        by=None,
        name="Andel som känner sig trygga ute sent en kväll (demo)",
        kind="manual",
        direction="increase",
        unit="%",
        source=DEMO_SOURCE,
        baseline_value=Decimal("48.0"),
        baseline_start_on=date(2025, 1, 1),
        baseline_end_on=date(2025, 12, 31),
    )
    services.record_indicator_value(
        indicator=survey,
        period_start_on=date(2026, 1, 1),
        period_end_on=date(2026, 8, 31),
        value=Decimal("51.5"),
        source=DEMO_SOURCE,
        by=None,
    )
    services.create_indicator(
        activity=weekends,
        by=None,
        name="Antal helger med förstärkning",
        kind="activity_count",
        direction="increase",
        unit="helger",
    )
    _follow(
        walks,
        [(date(2026, 4, 30), "ongoing", 1, 25, ""), (date(2026, 8, 31), "ongoing", 2, 50, "")],
    )
    _follow(dialogue, [(date(2026, 8, 31), "done", 1, 100, "Demo: 60 deltagare")])
    _follow(
        weekends,
        [(date(2026, 4, 30), "ongoing", 9, 30, ""), (date(2026, 8, 31), "ongoing", 19, 63, "")],
    )
    _follow(sspf, [(date(2026, 8, 31), "partly_done", None, 40, "Demo: 2 av 5 skolor")])
    carried = {a.carried_from_id: a for a in result.carried}
    _follow(carried[patrol.pk], [(date(2026, 8, 31), "ongoing", 170, 66, "Demo: tertial 2")])
    return plan
