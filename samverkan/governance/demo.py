"""Governance data for the Stockholm tenant: the KS 2023/740 referral round (from public
sources) and demo groups, meetings and the annual calendar (clearly labelled demo).

Idempotent: running it twice changes nothing. Needs the tenant seed (load-bundled-data)
to have created the tenant, its organisations and the 2024 city-wide agreement.
"""

from datetime import date

from django.db import transaction

from samverkan.agreements.models import Agreement, AgreementLevel
from samverkan.organisations.models import Organisation, OrganisationKind, Tenant

from .models import (
    AgendaItem,
    AgendaItemKind,
    CalendarEntry,
    CalendarEntryKind,
    Decision,
    Group,
    GroupKind,
    GroupMember,
    GroupRole,
    Meeting,
    Recurrence,
    Referral,
    ReferralRecipient,
    ReferralStatus,
    Statement,
    StatementTheme,
)

DEMO = "Demodata – påhittad för att visa funktionen, inte ett verkligt beslut."
KS_SOURCE = (
    "Stockholms stad, kommunstyrelsen, ärende KS 2023/740; utbildningsnämndens yttrande "
    "2023-10-26 (start.stockholm.se, nämndhandlingar)."
)


def _committee(tenant: Tenant, name: str, parent: Organisation | None) -> Organisation:
    org, _ = Organisation.objects.get_or_create(
        tenant=tenant,
        name=name,
        defaults={"kind": OrganisationKind.DEPARTMENT, "parent": parent},
    )
    return org


@transaction.atomic
def load_governance_demo(tenant_slug: str = "stockholm") -> dict[str, int]:
    """Create the referral round and demo governance rows; return counts of rows created."""
    tenant = Tenant.objects.get(slug=tenant_slug)
    created = {"referrals": 0, "groups": 0, "meetings": 0, "calendar": 0}
    city = Organisation.objects.filter(tenant=tenant, kind=OrganisationKind.MUNICIPALITY).first()
    police = Organisation.objects.filter(tenant=tenant, kind=OrganisationKind.POLICE_REGION).first()
    board = _committee(tenant, "Kommunstyrelsen", city)
    education = _committee(tenant, "Utbildningsnämnden", city)

    revised = Agreement.objects.filter(tenant=tenant, case_number="KS 2023/740").first()
    referral, new = Referral.objects.get_or_create(
        tenant=tenant,
        case_number="KS 2023/740",
        defaults={
            "title": "Reviderad samverkansöverenskommelse mellan Stockholms stad och "
            "Polisregion Stockholm",
            "owner": board,
            "status": ReferralStatus.CLOSED if revised else ReferralStatus.SENT,
            "resulting_agreement": revised,
            "description": (
                "Kommunstyrelsen remitterade förslaget till reviderad stadsövergripande "
                "samverkansöverenskommelse, som minskar de prioriterade samverkansområdena "
                "från tio till fem. Remissdatum och svarsdatum anges inte i de källor vi har. "
                f"Källa: {KS_SOURCE}"
            ),
        },
    )
    if new:
        created["referrals"] += 1
        recipient = ReferralRecipient.objects.create(referral=referral, organisation=education)
        Statement.objects.create(
            recipient=recipient,
            summary=(
                "Utbildningsnämnden ställer sig bakom förslaget att minska antalet prioriterade "
                "samverkansområden till fem. Skolan som brottsplats omfattas nu av området "
                "Unga i riskzon för destruktivt beteende."
            ),
            views=(
                "Nämnden konstaterar att skolans brottsförebyggande arbete fortsatt har en "
                "plats i överenskommelsen genom området Unga i riskzon för destruktivt beteende."
            ),
            decision="Utbildningsnämnden överlämnar yttrandet till kommunstyrelsen.",
            decided_on=date(2023, 10, 26),
            themes=[StatementTheme.PRIORITY_AREAS],
            public=True,
        )

    if city and police:
        prep, new = Group.objects.get_or_create(
            tenant=tenant,
            name="Stadsövergripande beredningsgrupp",
            defaults={
                "kind": GroupKind.CITY_PREPARATORY,
                "agreement": revised,
                "description": "Tar emot lokala rapporter och sammanställer året. " + DEMO,
            },
        )
        if new:
            created["groups"] += 1
            GroupMember.objects.create(group=prep, organisation=city, role=GroupRole.CHAIR)
            GroupMember.objects.create(group=prep, organisation=police, role=GroupRole.MEMBER)
            meeting = Meeting.objects.create(
                group=prep,
                held_on=date(2025, 11, 20),
                location="Stadshuset",
                minutes="Gruppen gick igenom tertialrapporterna för maj–augusti. " + DEMO,
                adjusted_on=date(2025, 11, 27),
            )
            created["meetings"] += 1
            item = AgendaItem.objects.create(
                meeting=meeting,
                order=1,
                title="Tertialrapporter maj–augusti",
                kind=AgendaItemKind.DISCUSSION,
                reference_url="/situation/",
            )
            Decision.objects.create(
                meeting=meeting,
                agenda_item=item,
                responsible_organisation=city,
                text="Stadsledningskontoret tar fram utkast till årssammanställning. " + DEMO,
                due_on=date(2026, 1, 31),
            )
        local = Agreement.objects.filter(
            tenant=tenant, level=AgreementLevel.LOCAL, title__icontains="Järva"
        ).first()
        if local:
            steering, new = Group.objects.get_or_create(
                tenant=tenant,
                name="Lokal styrgrupp Järva",
                defaults={
                    "kind": GroupKind.LOCAL_STEERING,
                    "agreement": local,
                    "description": DEMO,
                },
            )
            if new:
                created["groups"] += 1
                for i, party in enumerate(local.party_links.select_related("organisation")):
                    GroupMember.objects.create(
                        group=steering,
                        organisation=party.organisation,
                        role=GroupRole.CHAIR if i == 0 else GroupRole.MEMBER,
                    )
        calendar = [
            ("Tertialrapport januari–april", CalendarEntryKind.REPORT_DEADLINE, date(2026, 5, 15)),
            ("Tertialrapport maj–augusti", CalendarEntryKind.REPORT_DEADLINE, date(2026, 9, 15)),
            (
                "Tertialrapport september–december",
                CalendarEntryKind.REPORT_DEADLINE,
                date(2027, 1, 15),
            ),
            (
                "Årssammanställning i beredningsgruppen",
                CalendarEntryKind.YEAR_END_COMPILATION,
                date(2026, 12, 1),
            ),
        ]
        for title, kind, first_on in calendar:
            entry, new = CalendarEntry.objects.get_or_create(
                tenant=tenant,
                title=title,
                defaults={
                    "kind": kind,
                    "first_on": first_on,
                    "recurrence": Recurrence.YEARLY,
                    "remind_days_before": 14,
                },
            )
            if new:
                created["calendar"] += 1
                entry.responsible_organisations.add(city, police)
        entry, new = CalendarEntry.objects.get_or_create(
            tenant=tenant,
            title="Beredningsgruppens möte",
            defaults={
                "kind": CalendarEntryKind.MEETING,
                "first_on": date(2026, 1, 22),
                "recurrence": Recurrence.QUARTERLY,
                "remind_days_before": 7,
                "group": prep,
            },
        )
        if new:
            created["calendar"] += 1
            entry.responsible_organisations.add(city)
    return created
