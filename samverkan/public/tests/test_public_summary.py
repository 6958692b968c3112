"""The public index and a published situation summary, in Swedish and in English.

Swedish is the default; English is chosen with the language switch (POST /i18n/setlang/,
a cookie), as on every page of the project.
"""

from samverkan.communications.tests.test_situation_summary import (
    SUPPRESSED_CELL,
    SummaryCase,
    hidden_values_in,
)


class PublicSummaryLanguageTests(SummaryCase):
    def setUp(self) -> None:
        super().setUp()
        self.publication = self.draft_and_publish()
        self.item_url = f"/public/stockholm/{self.publication.pk}/"

    def switch_to_english(self) -> None:
        response = self.client.post("/i18n/setlang/", {"language": "en", "next": self.item_url})
        self.assertRedirects(response, self.item_url, fetch_redirect_response=False)

    def test_swedish_is_the_default(self) -> None:
        index = self.client.get("/public/stockholm/")
        self.assertContains(index, '<html lang="sv"')
        self.assertContains(index, "Tryggare tillsammans")
        self.assertContains(index, "Offentlig sammanfattning av en lägesbild")
        self.assertContains(index, f'href="{self.item_url}"')
        item = self.client.get(self.item_url)
        self.assertContains(item, '<html lang="sv"')
        self.assertContains(item, "Polisens händelser per stadsdelsområde, Stockholm")
        self.assertInHTML(SUPPRESSED_CELL, item.content.decode(), count=2)
        self.assertContains(item, "Polisen: händelser publicerade på polisen.se")
        self.assertContains(item, 'data-null-label="Färre än 50 händelser"')
        self.assertContains(item, "1,29")

    def test_english_through_the_language_switch(self) -> None:
        self.switch_to_english()
        index = self.client.get("/public/stockholm/")
        self.assertContains(index, '<html lang="en"')
        self.assertContains(index, "Safer together")
        self.assertContains(index, "Public summary of a situation picture")
        item = self.client.get(self.item_url)
        html = item.content.decode()
        self.assertContains(item, '<html lang="en"')
        self.assertContains(item, "Police events per district, Stockholm, 2025-01-01 – 2025-06-30")
        self.assertInHTML(
            '<td class="govuk-table__cell govuk-table__cell--numeric">fewer than 50</td>',
            html,
            count=2,
        )
        # The frozen English source and definition, not the Swedish ones.
        self.assertContains(item, "The Swedish Police (Polisen): events published on polisen.se")
        self.assertContains(item, "not a crime statistic")
        self.assertNotContains(item, "Polisen: händelser publicerade")
        self.assertContains(item, 'data-null-label="Fewer than 50 events"')
        fc = item.context["summary"]["municipalities"][0]["map"]
        labels = {f["properties"].get("value_label") for f in fc["features"]}
        self.assertEqual(labels, {None, "fewer than 50 events"})
        self.assertContains(item, "1.29")
        self.assertEqual(hidden_values_in(html), [])

    def test_the_item_is_linkable_and_cacheable_without_login(self) -> None:
        item = self.client.get(self.item_url)
        self.assertEqual(item.status_code, 200)
        self.assertIn("public", item["Cache-Control"])
        # Another tenant's address does not show it.
        self.assertEqual(
            self.client.get(f"/public/grannby/{self.publication.pk}/").status_code, 404
        )
