"""BaseTestCase with the fixed cast every test file shares.

The story: two tenants. **Stockholm** is Stockholms stad with Polisregion Stockholm; it
has two districts in this cast, **Rinkeby-Kista** (covered by Järva stadsdelsförvaltning
and LPO Järva) and **Södermalm** (Södermalms stadsdelsförvaltning, LPO Södermalm).
**Grannby** is a second, unrelated tenant.

- **Anna** is safety coordinator at Stockholms stad (city hall): coordinator, whole city.
- **Per** is a police analyst at LPO Järva: coordinator for the police side.
- **Olle** reads for Järva stadsdelsförvaltning, limited to Rinkeby-Kista.
- **Rut** is an EST reporter (field assistant) at Järva stadsdelsförvaltning.
- **Sara** is a coordinator at Södermalms stadsdelsförvaltning; she must not see Järva's
  district-limited material.
- **Karin** is a coordinator in Grannby and must never see anything of Stockholm's.
- **Admin** is a superuser (only for admin-site tests).

Geography: municipalities Stockholm (0180) and Grannby (9999, fictitious); districts and
neighbourhoods are small squares so point-in-polygon tests are easy to read.
"""

from datetime import date

from django.test import Client, TestCase
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticDevice

from samverkan.accounts.models import User
from samverkan.agreements.models import (
    Agreement,
    AgreementLevel,
    AgreementParty,
    AgreementStatus,
    PartyRole,
    PriorityArea,
)
from samverkan.geography.models import District, Municipality, Neighbourhood
from samverkan.organisations.models import (
    AdministrativeCoverage,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    Tenant,
)

CITY_AREAS = [
    ("unga-i-riskzon", "Unga i riskzon för destruktivt beteende"),
    ("otrygga-platser", "Otrygga och brottsutsatta platser"),
    ("systemhotande", "Systemhotande brottslighet"),
    ("sarskilt-utsatta-brottsoffer", "Särskilt utsatta och sårbara brottsoffer"),
    ("kriminella-miljoer", "Kriminella miljöer och livsstilar"),
]


def square(x: float, y: float, size: float = 0.01) -> dict:
    """A GeoJSON Polygon: the square with lower-left corner (x, y) in lon/lat degrees."""
    return {
        "type": "Polygon",
        "coordinates": [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]],
    }


class VerifiedClient(Client):
    """A test client whose ``force_login`` also completes the second login factor.

    Roles above reporter require two-factor login (TwoFactorRequiredMiddleware), so a
    plain force_login would be sent to the setup page. ``verified=False`` gives the
    password-only session a test of the enforcement needs.
    """

    def force_login(self, user, backend=None, *, verified: bool = True) -> None:
        super().force_login(user, backend)
        if not verified:
            return
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name="test", defaults={"confirmed": True}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


class BaseTestCase(TestCase):
    password = "correct horse battery staple"
    client_class = VerifiedClient

    @classmethod
    def setUpTestData(cls) -> None:
        cls.roles = {
            code: Role.objects.create(
                code=code,
                name=code.title(),
                capabilities=caps,
                requires_two_factor=code != "reporter",
            )
            for code, caps in [
                ("reader", ["view"]),
                ("reporter", ["view", "report_observation"]),
                ("coordinator", ["view", "report_observation", "edit_plans", "edit_agreements"]),
                ("administrator", ["view", "administer"]),
                ("auditor", ["view", "audit"]),
            ]
        }
        cls.stockholm_m = Municipality.objects.create(
            code="0180",
            name="Stockholm",
            county_code="01",
            county_name="Stockholms län",
            boundary=square(17.9, 59.3, 0.2),
            population=984748,
            population_year=2024,
            population_source="SCB (test)",
        )
        cls.grannby_m = Municipality.objects.create(
            code="9999",
            name="Grannby",
            county_code="99",
            county_name="Testlän",
            boundary=square(10.0, 50.0, 0.2),
        )
        cls.rinkeby_kista = District.objects.create(
            municipality=cls.stockholm_m,
            code="80125",
            name="Rinkeby-Kista",
            boundary=square(17.9, 59.38, 0.05),
            population=51387,
            population_year=2020,
        )
        cls.sodermalm = District.objects.create(
            municipality=cls.stockholm_m,
            code="80127",
            name="Södermalm",
            boundary=square(18.03, 59.30, 0.05),
            population=130814,
            population_year=2020,
        )
        cls.rinkeby = Neighbourhood.objects.create(
            district=cls.rinkeby_kista,
            code="RINKEBY",
            name="Rinkeby",
            boundary=square(17.9, 59.38, 0.02),
        )
        cls.hornstull = Neighbourhood.objects.create(
            district=cls.sodermalm,
            code="SÖDERMALM",
            name="Södermalm",
            boundary=square(18.03, 59.30, 0.02),
        )

        cls.stockholm = Tenant.objects.create(
            slug="stockholm", name="Stockholms stad och Polisregion Stockholm"
        )
        cls.stockholm.municipalities.add(cls.stockholm_m)
        cls.grannby = Tenant.objects.create(slug="grannby", name="Grannby kommun och polisen")
        cls.grannby.municipalities.add(cls.grannby_m)

        org = Organisation.objects.create
        cls.city = org(
            tenant=cls.stockholm,
            name="Stockholms stad",
            kind=OrganisationKind.MUNICIPALITY,
            municipality=cls.stockholm_m,
        )
        cls.police_region = org(
            tenant=cls.stockholm, name="Polisregion Stockholm", kind=OrganisationKind.POLICE_REGION
        )
        cls.lpo_jarva = org(
            tenant=cls.stockholm,
            name="LPO Järva",
            kind=OrganisationKind.POLICE_AREA,
            parent=cls.police_region,
        )
        cls.lpo_sodermalm = org(
            tenant=cls.stockholm,
            name="LPO Södermalm",
            kind=OrganisationKind.POLICE_AREA,
            parent=cls.police_region,
        )
        cls.jarva_sdf = org(
            tenant=cls.stockholm,
            name="Järva stadsdelsförvaltning",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            parent=cls.city,
        )
        cls.sodermalm_sdf = org(
            tenant=cls.stockholm,
            name="Södermalms stadsdelsförvaltning",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            parent=cls.city,
        )
        cls.grannby_kommun = org(
            tenant=cls.grannby,
            name="Grannby kommun",
            kind=OrganisationKind.MUNICIPALITY,
            municipality=cls.grannby_m,
        )
        AdministrativeCoverage.objects.create(
            organisation=cls.jarva_sdf, district=cls.rinkeby_kista
        )
        AdministrativeCoverage.objects.create(
            organisation=cls.lpo_jarva, district=cls.rinkeby_kista
        )
        AdministrativeCoverage.objects.create(
            organisation=cls.sodermalm_sdf, district=cls.sodermalm
        )
        AdministrativeCoverage.objects.create(
            organisation=cls.lpo_sodermalm, district=cls.sodermalm
        )

        cls.anna = cls.make_user("anna", "Anna", "Andersson", cls.city, "coordinator")
        cls.per = cls.make_user("per", "Per", "Persson", cls.lpo_jarva, "coordinator")
        cls.olle = cls.make_user(
            "olle", "Olle", "Olsson", cls.jarva_sdf, "reader", districts=[cls.rinkeby_kista]
        )
        cls.rut = cls.make_user(
            "rut", "Rut", "Rutgersson", cls.jarva_sdf, "reporter", districts=[cls.rinkeby_kista]
        )
        cls.sara = cls.make_user(
            "sara", "Sara", "Svensson", cls.sodermalm_sdf, "coordinator", districts=[cls.sodermalm]
        )
        cls.karin = cls.make_user("karin", "Karin", "Karlsson", cls.grannby_kommun, "coordinator")
        cls.admin = User.objects.create_superuser("admin", "admin@example.org", cls.password)

        cls.city_agreement = Agreement.objects.create(
            tenant=cls.stockholm,
            title="Samverkansöverenskommelse Stockholms stad 2024",
            level=AgreementLevel.CITY,
            status=AgreementStatus.SIGNED,
            valid_from=date(2024, 1, 1),
            valid_to=date(2027, 12, 31),
            case_number="KS 2023/740",
        )
        AgreementParty.objects.create(
            agreement=cls.city_agreement, organisation=cls.city, role=PartyRole.MUNICIPAL
        )
        AgreementParty.objects.create(
            agreement=cls.city_agreement, organisation=cls.police_region, role=PartyRole.POLICE
        )
        cls.city_areas = {
            code: PriorityArea.objects.create(
                agreement=cls.city_agreement, code=code, name=name, order=i
            )
            for i, (code, name) in enumerate(CITY_AREAS)
        }

    @classmethod
    def make_user(
        cls,
        username: str,
        first: str,
        last: str,
        organisation: Organisation,
        role: str,
        districts: list[District] | None = None,
    ) -> User:
        user = User.objects.create_user(
            username, f"{username}@example.org", cls.password, first_name=first, last_name=last
        )
        membership = Membership.objects.create(
            user=user, organisation=organisation, role=cls.roles[role]
        )
        if districts:
            membership.districts.set(districts)
        return user

    def make_local_agreement(
        self,
        title: str = "Lokal överenskommelse Järva",
        *,
        parties: list[tuple[Organisation, str]] | None = None,
        covers: list[str] | None = None,
        **overrides,
    ) -> Agreement:
        """A local agreement under the city frame; ``covers`` = city area codes addressed."""
        overrides.setdefault("tenant", self.stockholm)
        overrides.setdefault("level", AgreementLevel.LOCAL)
        overrides.setdefault("parent", self.city_agreement)
        overrides.setdefault("valid_from", date(2024, 1, 1))
        overrides.setdefault("status", AgreementStatus.SIGNED)
        agreement = Agreement.objects.create(title=title, **overrides)
        for organisation, role in parties or [
            (self.jarva_sdf, PartyRole.MUNICIPAL),
            (self.lpo_jarva, PartyRole.POLICE),
        ]:
            AgreementParty.objects.create(agreement=agreement, organisation=organisation, role=role)
        for i, code in enumerate(covers or []):
            area = PriorityArea.objects.create(
                agreement=agreement,
                code=f"local-{code}",
                name=f"Lokalt: {self.city_areas[code].name}",
                order=i,
            )
            area.frame_areas.add(self.city_areas[code])
        return agreement
