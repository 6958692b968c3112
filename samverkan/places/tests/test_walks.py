"""Safety walks: points with measure, owner, deadline and status history; protocol exports."""

import io
import shutil
import subprocess
import tempfile
from datetime import date

from docx import Document

from samverkan.places.models import (
    Place,
    PlaceKind,
    PointStatus,
    SafetyWalk,
    SafetyWalkPoint,
    SafetyWalkPointUpdate,
)
from samverkan.test import BaseTestCase


class SafetyWalkTests(BaseTestCase):
    def setUp(self) -> None:
        self.place = Place.objects.create(
            tenant=self.stockholm,
            name="Rinkeby torg",
            kind=PlaceKind.SQUARE,
            district=self.rinkeby_kista,
            neighbourhood=self.rinkeby,
            geometry={"type": "Point", "coordinates": [17.91, 59.39]},
        )

    def create_walk(self, user=None):
        self.client.force_login(user or self.per)
        return self.client.post(
            "/places/walks/",
            {
                "title": "Kvällsvandring Rinkeby",
                "walked_on": "2026-10-14",
                "light": "dark",
                "district": self.rinkeby_kista.pk,
                "neighbourhood": self.rinkeby.pk,
                "organisations": [self.jarva_sdf.pk, self.lpo_jarva.pk],
                "participants": "Boende, unga 16–19 år; kontakt 070-123 45 67",
            },
        )

    def add_point(self, walk: SafetyWalk, **overrides):
        data = {
            "location": "Gångtunneln mot skolan",
            "place": self.place.pk,
            "observation": "Mörkt, två armaturer trasiga",
            "proposed_measure": "Byt armaturer, vitt ljus",
            "responsible_organisation": self.jarva_sdf.pk,
            "deadline_on": "2027-04-14",
        }
        data.update(overrides)
        return self.client.post(f"/places/walks/{walk.pk}/", data)

    def test_a_coordinator_records_a_walk_with_points_and_updates_them(self) -> None:
        r = self.create_walk()
        walk = SafetyWalk.objects.get()
        self.assertRedirects(r, f"/places/walks/{walk.pk}/")
        self.assertEqual(walk.participants, "Boende, unga 16–19 år; kontakt [telefonnummer]")
        self.assertEqual(set(walk.organisations.all()), {self.jarva_sdf, self.lpo_jarva})
        self.add_point(walk)
        self.add_point(
            walk,
            location="Torget",
            observation="Bra upplyst",
            is_positive="on",
            proposed_measure="",
            deadline_on="",
        )
        first, second = walk.points.order_by("order")
        self.assertEqual((first.order, first.status), (1, PointStatus.PROPOSED))
        self.assertEqual((second.order, second.status), (2, PointStatus.NO_ACTION))
        r = self.client.post(
            f"/places/walks/{walk.pk}/points/{first.pk}/status/",
            {"status": "done", "note": "Bytt 2026-11-02"},
        )
        self.assertRedirects(r, f"/places/walks/{walk.pk}/")
        first.refresh_from_db()
        self.assertEqual(first.status, PointStatus.DONE)
        steps = list(first.updates.values_list("from_status", "to_status", "note"))
        self.assertEqual(
            steps, [("proposed", "proposed", ""), ("proposed", "done", "Bytt 2026-11-02")]
        )
        page = self.client.get(f"/places/{self.place.pk}/")
        self.assertContains(page, "Mörkt, två armaturer trasiga")

    def test_others_cannot_see_or_change_the_walk(self) -> None:
        self.create_walk()
        walk = SafetyWalk.objects.get()
        point = SafetyWalkPoint.objects.create(walk=walk, order=1, location="x", observation="y")
        for user in (self.sara, self.karin):
            self.client.force_login(user)
            self.assertEqual(self.client.get(f"/places/walks/{walk.pk}/").status_code, 404)
            self.assertEqual(
                self.client.get(f"/places/walks/{walk.pk}/protocol.pdf").status_code, 404
            )
            r = self.client.post(
                f"/places/walks/{walk.pk}/points/{point.pk}/status/", {"status": "done"}
            )
            self.assertEqual(r.status_code, 404)
        self.client.force_login(self.olle)  # reader: sees, cannot change
        self.assertEqual(self.client.get(f"/places/walks/{walk.pk}/").status_code, 200)
        r = self.client.post(
            f"/places/walks/{walk.pk}/points/{point.pk}/status/", {"status": "done"}
        )
        self.assertEqual(r.status_code, 404)
        self.assertEqual(self.add_point(walk).status_code, 404)
        self.assertFalse(SafetyWalkPointUpdate.objects.exists())

    def test_the_protocol_exports_as_word_and_tagged_pdf(self) -> None:
        self.create_walk()
        walk = SafetyWalk.objects.get()
        self.add_point(walk)
        r = self.client.get(f"/places/walks/{walk.pk}/protocol.docx")
        self.assertEqual(r.status_code, 200)
        self.assertIn("attachment;", r["Content-Disposition"])
        doc = Document(io.BytesIO(r.content))
        table = doc.tables[0]
        self.assertEqual(len(table.rows), 2)
        cells = [c.text for c in table.rows[1].cells]
        self.assertEqual(cells[0], "1")
        self.assertIn("Gångtunneln mot skolan", cells[1])
        self.assertEqual(cells[3], "Byt armaturer, vitt ljus")
        self.assertEqual(cells[4], "Järva stadsdelsförvaltning")

        r = self.client.get(f"/places/walks/{walk.pk}/protocol.pdf")
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.content.startswith(b"%PDF"))
        if shutil.which("pdfinfo") and shutil.which("pdftotext"):
            with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
                f.write(r.content)
                f.flush()
                info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True).stdout
                text = subprocess.run(
                    ["pdftotext", f.name, "-"], capture_output=True, text=True
                ).stdout
            self.assertRegex(info, r"Tagged:\s+yes")
            self.assertIn("Byt armaturer", text)
        self.assertEqual(self.client.get(f"/places/walks/{walk.pk}/protocol.txt").status_code, 404)

    def test_overdue_points_are_flagged(self) -> None:
        self.create_walk()
        walk = SafetyWalk.objects.get()
        point = SafetyWalkPoint.objects.create(
            walk=walk, order=1, location="x", observation="y", deadline_on=date(2020, 1, 1)
        )
        self.assertTrue(point.is_overdue)
        self.assertContains(self.client.get(f"/places/walks/{walk.pk}/"), "govuk-tag--red")


class PlaceListTests(BaseTestCase):
    def test_places_are_listed_for_their_districts_only(self) -> None:
        Place.objects.create(
            tenant=self.stockholm,
            name="Rinkeby torg",
            kind=PlaceKind.SQUARE,
            district=self.rinkeby_kista,
            geometry={"type": "Point", "coordinates": [17.91, 59.39]},
        )
        place = Place.objects.create(
            tenant=self.stockholm,
            name="Medborgarplatsen",
            kind=PlaceKind.SQUARE,
            district=self.sodermalm,
        )
        self.client.force_login(self.sara)
        r = self.client.get("/places/")
        self.assertContains(r, "Medborgarplatsen")
        self.assertNotContains(r, "Rinkeby torg")
        self.assertEqual(self.client.get(f"/places/{place.pk}/").status_code, 200)
        self.client.force_login(self.karin)
        self.assertEqual(self.client.get(f"/places/{place.pk}/").status_code, 404)


class PlaceRegisterTests(BaseTestCase):
    def post(self, user, **overrides):
        data = {
            "name": "Rinkeby torg",
            "kind": "square",
            "district": self.rinkeby_kista.pk,
            "neighbourhood": self.rinkeby.pk,
            "latitude": "59.389",
            "longitude": "17.915",
            "description": "Torget vid tunnelbanan",
        }
        data.update(overrides)
        self.client.force_login(user)
        return self.client.post("/places/", data)

    def test_a_coordinator_registers_a_place_in_their_district(self) -> None:
        r = self.post(self.per)
        place = Place.objects.get()
        self.assertRedirects(r, f"/places/{place.pk}/")
        self.assertEqual(place.geometry, {"type": "Point", "coordinates": [17.915, 59.389]})
        self.assertEqual(place.point, (17.915, 59.389))
        self.assertEqual((place.tenant, place.district), (self.stockholm, self.rinkeby_kista))
        # The same name twice in a district is refused.
        r = self.post(self.per, name="rinkeby TORG")
        self.assertContains(r, "govuk-error-summary")
        self.assertEqual(Place.objects.count(), 1)

    def test_others_cannot_register_there(self) -> None:
        r = self.post(self.sara)  # Södermalm coordinator: Rinkeby-Kista is not a choice
        self.assertContains(r, "govuk-error-summary")
        self.assertEqual(self.post(self.rut).status_code, 404)  # reporter
        self.assertEqual(self.post(self.karin).status_code, 404)  # other tenant
        self.assertFalse(Place.objects.exists())
