"""The objects the authorization matrix opens: one of each kind per tenant.

``build_matrix_world(cls)`` runs once in MatrixTestCase.setUpTestData, after the cast and
the extra role holders, and sets two namespaces on the test case:

- ``cls.of_stockholm``: Stockholm's objects. Where a thing has a district it is in
  Rinkeby-Kista (Järva's local agreement, Rut's observation, a walk and a place there;
  the local steering group belongs to Järva's agreement, the pledge covers Rinkeby-Kista
  and the communication is about that pledge), so Södermalm's district-limited members
  (Sara, Sven, Stina) are shown the 404 too. City-wide counterparts, which they do see:
  ``city_group`` (the preparatory group) and ``press_text`` (a communication about no
  agreement or pledge).
- ``cls.of_grannby``: Grannby's objects, so that Stockholm's actors are shown the 404.
  Grannby has no districts and no EST set-up in the cast; district-bound things (EST
  observations, walks, places, local reports) exist for Stockholm only.

Objects are made through the apps' services (or plain ``create`` where the apps' own
tests do the same) so they are what users make. The matrix rolls every request back, so
nothing here changes between cells. Names: ``agreement`` (Järva's local agreement /
Grannby's city agreement), ``area`` (one of its priority areas), ``plan``, ``activity``,
``plan_indicator``, ``problem``, ``analysis``, ``group``, ``meeting``, ``decision``,
``referral``, ``recipient`` (an organisation asked for a statement, not yet answered),
``statement``, ``pledge``, ``promise``, ``communication`` (about the pledge), ``survey``,
``indicator``,
``index``, ``compilation``, ``compilation_export``; Stockholm also ``report``,
``report_export``, ``observation``, ``place``, ``walk``, ``point``.
"""

from datetime import date
from types import SimpleNamespace

from django.core.files.base import ContentFile

from samverkan.agreements.models import (
    Agreement,
    AgreementLevel,
    AgreementParty,
    AgreementStatus,
    PartyRole,
    PriorityArea,
)
from samverkan.communications.services import start_communication
from samverkan.est.models import ObservationCategory, PartOfDay
from samverkan.est.seed import seed_tenant
from samverkan.est.services import Where, report_observation
from samverkan.governance.models import (
    Decision,
    Group,
    GroupKind,
    Meeting,
    Referral,
    ReferralRecipient,
    Statement,
)
from samverkan.organisations.models import Organisation, OrganisationKind
from samverkan.places.models import Place, PlaceKind, SafetyWalk, SafetyWalkPoint
from samverkan.plans import services as plans
from samverkan.plans.models import IndicatorDirection, IndicatorKind, OwnerParty
from samverkan.pledges.models import CitizenPledge, Promise, PromiseParty
from samverkan.problems import services as problems
from samverkan.problems.models import CauseBranch, CauseDirectness, CauseNature
from samverkan.reporting import services as reporting
from samverkan.reporting.models import ExportFormat, ExportJob, ExportStatus
from samverkan.surveys.services import create_wave_from_file
from samverkan.surveys.tests.helpers import SurveyTestCase, csv_bytes
from samverkan.surveys.tests.test_results import rows_for
from samverkan.test import BaseTestCase


def build_matrix_world(w) -> None:
    """Create the matrix objects on ``w`` (the test class): ``of_stockholm``, ``of_grannby``."""
    w.grannby_police = Organisation.objects.create(
        tenant=w.grannby, name="Polisen Grannby", kind=OrganisationKind.POLICE_REGION
    )
    jarva = BaseTestCase.make_local_agreement(  # an instance method; the class has the cast
        w,
        covers=["otrygga-platser"],
        parties=[(w.jarva_sdf, PartyRole.MUNICIPAL), (w.lpo_jarva, PartyRole.POLICE)],
    )
    jarva.districts.add(w.rinkeby_kista)
    grannby_agreement = Agreement.objects.create(
        tenant=w.grannby,
        title="Samverkansöverenskommelse Grannby 2026",
        level=AgreementLevel.CITY,
        status=AgreementStatus.SIGNED,
        valid_from=date(2026, 1, 1),
    )
    AgreementParty.objects.create(
        agreement=grannby_agreement, organisation=w.grannby_kommun, role=PartyRole.MUNICIPAL
    )
    AgreementParty.objects.create(
        agreement=grannby_agreement, organisation=w.grannby_police, role=PartyRole.POLICE
    )
    PriorityArea.objects.create(
        agreement=grannby_agreement, code="otrygga-platser", name="Otrygga platser", order=0
    )

    w.of_stockholm = SimpleNamespace(agreement=jarva, area=jarva.priority_areas.get())
    w.of_grannby = SimpleNamespace(
        agreement=grannby_agreement, area=grannby_agreement.priority_areas.get()
    )
    for objs, tenant, municipal, police, coordinator in [
        (w.of_stockholm, w.stockholm, w.jarva_sdf, w.lpo_jarva, w.per),
        (w.of_grannby, w.grannby, w.grannby_kommun, w.grannby_police, w.karin),
    ]:
        _plans_and_problems(objs, coordinator)
        _governance(
            objs,
            tenant,
            municipal,
            answered=municipal if objs is w.of_stockholm else police,
            agreement=objs.agreement if objs is w.of_stockholm else None,
        )
        _pledge_and_communication(
            objs,
            tenant,
            municipal,
            police,
            coordinator,
            districts=[w.rinkeby_kista] if objs is w.of_stockholm else [],
        )
        objs.survey = SurveyTestCase.make_survey(tenant, "matris")
        objs.indicator = objs.survey.indicators.get(code="often-worried")
        objs.index = objs.survey.index_definitions.get()
    # Respondents in Rinkeby-Kista, so Stockholm's result pages have tables to export
    # (Grannby has no districts to answer in: its CSV exports are "not found" for all).
    create_wave_from_file(
        survey=w.of_stockholm.survey,
        year=2026,
        content=csv_bytes(rows_for("80125", 40, 40, 10, 10)),
        file_name="matris.csv",
    )
    _governance_recipients(w)
    _city_wide(w)
    _reporting(w)
    _est_and_places(w)


def _plans_and_problems(objs: SimpleNamespace, coordinator) -> None:
    objs.plan = plans.create_plan(
        agreement=objs.agreement,
        title="Handlingsplan 2026",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        by=coordinator,
    )
    objs.activity = plans.create_activity(
        plan=objs.plan,
        by=coordinator,
        title="Fotpatrullering vid torget",
        owner_party=OwnerParty.POLICE,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        priority_areas=[objs.area],
    )
    objs.plan_indicator = plans.create_indicator(
        activity=objs.activity,
        by=coordinator,
        name="Antal patrulleringar",
        kind=IndicatorKind.MANUAL,
        direction=IndicatorDirection.INCREASE,
    )
    objs.problem = problems.create_problem(
        priority_area=objs.area,
        title="Öppen narkotikaförsäljning vid torget",
        period_start_on=date(2025, 1, 1),
        period_end_on=date(2025, 12, 31),
        by=coordinator,
    )
    objs.analysis = problems.start_cause_analysis(
        problem=objs.problem, analysed_on=date(2026, 1, 10), by=coordinator
    )
    problems.add_cause(
        analysis=objs.analysis,
        branch=CauseBranch.PLACE,
        directness=CauseDirectness.DIRECT,
        nature=CauseNature.SITUATIONAL,
        description="Skymd sikt vid torget",
        by=coordinator,
    )


def _governance(objs: SimpleNamespace, tenant, municipal, answered, agreement=None) -> None:
    objs.group = Group.objects.create(
        tenant=tenant, name="Lokal styrgrupp", kind=GroupKind.LOCAL_STEERING, agreement=agreement
    )
    objs.meeting = Meeting.objects.create(group=objs.group, held_on=date(2026, 3, 12))
    objs.decision = Decision.objects.create(
        meeting=objs.meeting, text="Ta fram en orsaksanalys", responsible_organisation=municipal
    )
    objs.referral = Referral.objects.create(
        tenant=tenant,
        title="Reviderad överenskommelse",
        case_number="KS 2026/1",
        owner=municipal,
        deadline_on=date(2026, 10, 31),
    )
    recipient = ReferralRecipient.objects.create(referral=objs.referral, organisation=answered)
    objs.statement = Statement.objects.create(recipient=recipient, summary="Tillstyrker.")


def _governance_recipients(w) -> None:
    """Unanswered recipients: Södermalm's administration (Sara answers), Grannby kommun
    (Karin answers); the answered ones are Järva's administration and Grannby's police."""
    w.of_stockholm.recipient = ReferralRecipient.objects.create(
        referral=w.of_stockholm.referral, organisation=w.sodermalm_sdf
    )
    w.of_grannby.recipient = ReferralRecipient.objects.create(
        referral=w.of_grannby.referral, organisation=w.grannby_kommun
    )


def _city_wide(w) -> None:
    """Stockholm's city-wide counterparts, seen by every member (Södermalm's too)."""
    s = w.of_stockholm
    s.city_group = Group.objects.create(
        tenant=w.stockholm,
        name="Beredningsgrupp",
        kind=GroupKind.CITY_PREPARATORY,
        agreement=w.city_agreement,
    )
    s.city_meeting = Meeting.objects.create(group=s.city_group, held_on=date(2026, 2, 5))
    s.press_text = start_communication(
        tenant=w.stockholm,
        kind="press_text",
        title="Gemensam text",
        body="Polis och kommun arbetar tillsammans.",
        parties=[w.city, w.police_region],
        by=w.anna,
    )


def _pledge_and_communication(
    objs: SimpleNamespace, tenant, municipal, police, by, districts
) -> None:
    objs.pledge = CitizenPledge.objects.create(
        tenant=tenant,
        title="Medborgarlöfte 2026",
        municipal_party=municipal,
        police_party=police,
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 12, 31),
    )
    objs.pledge.districts.set(districts)
    objs.promise = Promise.objects.create(
        pledge=objs.pledge, party=PromiseParty.POLICE, text="Fotpatrullera centrum"
    )
    objs.communication = start_communication(
        tenant=tenant,
        kind="pledge",
        title="Medborgarlöfte 2026",
        body="Polis och kommun lovar tillsammans.",
        parties=[municipal, police],
        by=by,
        subject=objs.pledge,
    )


def _reporting(w) -> None:
    """Järva's report for tertial 1 (draft) and each tenant's year-end compilation.

    Each gets a finished export job with a file, so the download page is reached.
    """
    s, g = w.of_stockholm, w.of_grannby
    s.report = reporting.start_report(
        agreement=s.agreement, start=date(2026, 1, 1), end=date(2026, 4, 30), by=w.per
    )
    s.compilation = reporting.compile_year(frame=w.city_agreement, year=2026, by=w.anna)
    g.compilation = reporting.compile_year(frame=g.agreement, year=2026, by=w.karin)
    for objs, tenant, user, target in [
        (s, w.stockholm, w.per, {"report": s.report}),
        (s, w.stockholm, w.anna, {"compilation": s.compilation}),
        (g, w.grannby, w.karin, {"compilation": g.compilation}),
    ]:
        job = ExportJob.objects.create(
            tenant=tenant,
            requested_by=user,
            format=ExportFormat.XLSX,
            status=ExportStatus.DONE,
            **target,
        )
        job.file.save("matrix.xlsx", ContentFile(b"PK"), save=True)
        setattr(objs, f"{next(iter(target))}_export", job)


def _est_and_places(w) -> None:
    """Rut's observation, a place and a safety walk with one point, all in Rinkeby."""
    s = w.of_stockholm
    seed_tenant(w.stockholm)
    s.observation, _cleaned = report_observation(
        reporter=w.rut,
        organisation=w.jarva_sdf,
        category=ObservationCategory.objects.get(tenant=w.stockholm, code="littering"),
        rating=1,
        where=Where(w.rinkeby_kista, w.rinkeby, None, (17.91, 59.39)),
        observed_on=date(2026, 3, 1),
        part_of_day=PartOfDay.EVENING,
        text="Skräp vid entrén",
    )
    s.place = Place.objects.create(
        tenant=w.stockholm,
        name="Rinkeby torg",
        kind=PlaceKind.SQUARE,
        district=w.rinkeby_kista,
        neighbourhood=w.rinkeby,
        geometry={"type": "Point", "coordinates": [17.91, 59.39]},
    )
    s.walk = SafetyWalk.objects.create(
        tenant=w.stockholm,
        title="Kvällsvandring Rinkeby",
        walked_on=date(2026, 10, 14),
        district=w.rinkeby_kista,
        neighbourhood=w.rinkeby,
        created_by=w.per,
    )
    s.walk.organisations.set([w.jarva_sdf, w.lpo_jarva])
    s.point = SafetyWalkPoint.objects.create(
        walk=s.walk, order=1, place=s.place, location="Gångtunneln", observation="Mörkt"
    )
