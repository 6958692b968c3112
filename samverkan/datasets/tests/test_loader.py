"""``samverkan load-bundled-data`` on an empty database: the Stockholm tenant as data.

Not built on BaseTestCase on purpose: the loader must work on a fresh database, and the
fixed cast would already hold rows (Stockholm, its roles) that the loader creates itself.
"""

import json
from collections import Counter
from datetime import date

from django.test import TestCase

from samverkan.accounts.models import User
from samverkan.agreements.models import Agreement, AgreementLevel, PriorityAreaMapping
from samverkan.crime_statistics.models import ReportedCrime
from samverkan.datasets.demo import DEMO_PASSWORD, DEMO_USERS
from samverkan.datasets.testing import DATA, CaptureWrites, run_command
from samverkan.geography.models import District, Municipality, Neighbourhood
from samverkan.organisations.models import AdministrativeCoverage, Organisation, Role, Tenant
from samverkan.police_events.models import PoliceEvent, PoliceEventVersion

EVENTS = DATA / "polisen-events" / "events_stockholms_lan_2022-09_2025-11"


class LoaderTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.code, cls.out, cls.err = run_command("load-bundled-data")

    def test_first_run_loads_everything_with_progress(self) -> None:
        self.assertEqual(self.code, 0, self.err)
        self.assertIn("[1/11]", self.out)
        self.assertIn("[11/11]", self.out)
        self.assertEqual(Municipality.objects.count(), 290)
        self.assertEqual(Municipality.objects.filter(county_code="01").count(), 26)
        self.assertEqual(District.objects.count(), 13)
        self.assertEqual(Neighbourhood.objects.count(), 117)
        self.assertFalse(Municipality.objects.filter(county_code="01", population=None).exists())
        self.assertEqual(ReportedCrime.objects.count(), 2496)
        events = json.loads(EVENTS.with_suffix(".json").read_text(encoding="utf-8"))
        self.assertEqual(PoliceEvent.objects.count(), len({e["id"] for e in events}))
        self.assertEqual(
            set(Role.objects.values_list("code", flat=True)),
            {"reader", "reporter", "coordinator", "group_member", "administrator", "auditor"},
        )
        self.assertFalse(Role.objects.get(code="reporter").requires_two_factor)
        self.assertTrue(Role.objects.get(code="reader").requires_two_factor)
        tenant = Tenant.objects.get(slug="stockholm")
        self.assertEqual(tenant.municipalities.count(), 26)

    def test_second_run_writes_nothing_and_says_so(self) -> None:
        with CaptureWrites() as capture:
            code, out, err = run_command("load-bundled-data")
        self.assertEqual(code, 0, err)
        self.assertEqual(capture.writes, [])
        self.assertIn("Nothing changed", out)

    def test_event_history_is_replayed_from_the_versions_file(self) -> None:
        versions = Counter()
        for line in (
            (DATA / "polisen-events" / f"{EVENTS.name}_versions.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
        ):
            versions[json.loads(line)["id"]] += 1
        self.assertEqual(PoliceEventVersion.objects.count(), sum(n - 1 for n in versions.values()))
        for event_id, count in versions.most_common(5):
            event = PoliceEvent.objects.get(event_id=event_id)
            self.assertEqual(event.versions.count(), count - 1)
            self.assertTrue(all(v.seen_at is not None for v in event.versions.all()))

    def test_city_agreements_areas_and_mapping(self) -> None:
        new = Agreement.objects.get(case_number="KS 2023/740")
        old = new.supersedes
        self.assertEqual(old.priority_areas.count(), 10)
        self.assertEqual(
            set(new.priority_areas.values_list("name", flat=True)),
            {
                "Unga i riskzon för destruktivt beteende",
                "Otrygga och brottsutsatta platser",
                "Systemhotande brottslighet",
                "Särskilt utsatta och sårbara brottsoffer",
                "Kriminella miljöer och livsstilar",
            },
        )
        self.assertIn("Region Stockholm", new.parties.values_list("name", flat=True))
        mapped = PriorityAreaMapping.objects.filter(from_area__agreement=old)
        self.assertEqual(mapped.values("from_area").distinct().count(), 10)
        self.assertTrue(all(m.reason and m.to_area.agreement_id == new.pk for m in mapped))
        school = mapped.get(from_area__name="Skolan som brottsplats")
        self.assertEqual(school.to_area.name, "Unga i riskzon för destruktivt beteende")

    def test_n_to_m_parties_and_coverage(self) -> None:
        hagersten = Agreement.objects.get(title="Lokal samverkansöverenskommelse Hägersten-Älvsjö")
        police = hagersten.party_links.filter(role="police").values_list(
            "organisation__name", flat=True
        )
        self.assertEqual(set(police), {"LPO Globen", "LPO Skärholmen"})
        jarva = Organisation.objects.get(name="Järva stadsdelsförvaltning")
        covered = AdministrativeCoverage.objects.filter(organisation=jarva)
        self.assertEqual({c.district.name for c in covered}, {"Rinkeby-Kista", "Spånga-Tensta"})
        self.assertTrue(all(c.valid_from == date(2020, 1, 1) for c in covered))
        before = AdministrativeCoverage.objects.filter(
            organisation__name="Rinkeby-Kista stadsdelsförvaltning"
        )
        self.assertEqual([c.valid_to for c in before], [date(2019, 12, 31)])
        for local in Agreement.objects.filter(level=AgreementLevel.LOCAL):
            self.assertEqual(local.parent.case_number, "KS 2023/740")

    def test_coverage_check_flags_local_agreements_missing_a_city_area(self) -> None:
        code, out, _ = run_command("check-coverage")
        self.assertEqual(code, 1)
        self.assertIn(
            "Lokal samverkansöverenskommelse Hägersten-Älvsjö: "
            "does not address «Systemhotande brottslighet»",
            out,
        )
        self.assertIn("Lokal samverkansöverenskommelse Järva: all 5 areas addressed", out)

    def test_demo_users_and_login_info(self) -> None:
        code, out, _ = run_command("demo-login-info")
        self.assertEqual(code, 0)
        self.assertIn(DEMO_PASSWORD, out)
        for username, *_ in DEMO_USERS:
            self.assertIn(username, out)
        self.assertIn("Log in at http://127.0.0.1:8000/", out)
        _code, elsewhere, _ = run_command("demo-login-info", "--address", "127.0.0.1:8011")
        self.assertIn("Log in at http://127.0.0.1:8011/", elsewhere)
        self.assertTrue(self.client.login(username="demo-coordinator", password=DEMO_PASSWORD))
        # The tenant administrator can reach the admin site (staff, never superuser).
        administrator = User.objects.get(username="demo-administrator")
        self.assertTrue(administrator.is_staff)
        self.assertFalse(administrator.is_superuser)
        self.assertFalse(User.objects.get(username="demo-coordinator").is_staff)
