"""Strings Django itself shows in our forms are Swedish too."""

from django.db.models.fields import BLANK_CHOICE_LABEL
from django.test import SimpleTestCase
from django.utils import translation


class DjangoStringsTests(SimpleTestCase):
    def test_the_blank_choice_of_a_select_is_swedish(self) -> None:
        with translation.override("sv"):
            self.assertEqual(str(BLANK_CHOICE_LABEL), "- Välj ett alternativ -")
        with translation.override("en"):
            self.assertEqual(str(BLANK_CHOICE_LABEL), "- Select an option -")
