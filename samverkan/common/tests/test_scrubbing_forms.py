"""ScrubbingFormMixin, removal_message and warn_about_removals (common/forms.py)."""

from django import forms
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.utils import translation

from samverkan.common.forms import ScrubbingFormMixin, removal_message, warn_about_removals
from samverkan.common.scrubbing import scrub
from samverkan.common.testing.scrub import STORED, TYPED, WARNING_SV
from samverkan.organisations.models import Role


class PlainForm(ScrubbingFormMixin, forms.Form):
    text = forms.CharField(required=False)
    short = forms.CharField(required=False, max_length=20)
    link = forms.URLField(required=False)
    number = forms.IntegerField(required=False)


class ExplicitForm(ScrubbingFormMixin, forms.Form):
    scrubbed_fields = ("text",)
    text = forms.CharField()
    source = forms.CharField()


class RoleForm(ScrubbingFormMixin, forms.ModelForm):
    extra = forms.CharField(required=False)

    class Meta:
        model = Role
        fields = ["code", "name", "description"]


class MixinTests(TestCase):
    def test_a_plain_form_scrubs_every_char_field_and_keeps_what_it_removed(self) -> None:
        form = PlainForm({"text": TYPED, "link": "https://example.se/a", "number": "7"})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["text"], STORED)
        self.assertEqual(form.cleaned_data["link"], "https://example.se/a")
        self.assertEqual(list(form.scrub_results), ["text"])
        self.assertEqual(len(form.scrub_results["text"].removed), 3)

    def test_nothing_removed_means_no_results(self) -> None:
        form = PlainForm({"text": "Klotter vid busshållplatsen kl. 22:15"})
        self.assertTrue(form.is_valid())
        self.assertEqual(form.scrub_results, {})

    def test_scrubbed_fields_limits_the_mixin_to_the_named_fields(self) -> None:
        form = ExplicitForm({"text": "ring 0701234567", "source": "ring 0701234567"})
        self.assertTrue(form.is_valid())
        self.assertEqual(form.cleaned_data["text"], "ring [telefonnummer]")
        self.assertEqual(form.cleaned_data["source"], "ring 0701234567")

    def test_a_model_form_scrubs_the_fields_backed_by_scrubbed_model_fields(self) -> None:
        form = RoleForm({"code": "r", "name": "Samordnare", "description": TYPED, "extra": TYPED})
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["description"], STORED)
        self.assertEqual(form.instance.description, STORED)
        self.assertEqual(form.cleaned_data["extra"], TYPED)  # not a model field

    def test_a_value_that_grows_past_max_length_is_a_field_error(self) -> None:
        form = PlainForm({"short": "ring 0701234567"})  # 15 → 20 characters: fits
        self.assertTrue(form.is_valid())
        form = PlainForm({"short": "ring nu 0701234567"})  # 18 → 23 characters
        self.assertFalse(form.is_valid())
        self.assertIn("short", form.errors)


class MessageTests(SimpleTestCase):
    def test_the_message_lists_kinds_and_counts_in_swedish(self) -> None:
        with translation.override("sv"):
            self.assertEqual(removal_message(scrub(TYPED)), WARNING_SV)

    def test_the_message_adds_up_several_results_and_never_holds_a_value(self) -> None:
        with translation.override("en"):
            text = removal_message(scrub("ring 0701234567"), scrub("eller 08-123 456 78, ABC 123"))
        self.assertEqual(
            text,
            "Places, not persons: we removed 2 phone numbers, 1 registration number "
            "from your text before saving.",
        )

    def _request(self):
        request = RequestFactory().post("/")
        request.session = {}
        request._messages = FallbackStorage(request)
        return request

    def test_warn_about_removals_adds_one_warning_for_forms_and_results(self) -> None:
        request = self._request()
        form = PlainForm({"text": TYPED})
        form.is_valid()
        with translation.override("sv"):
            self.assertTrue(warn_about_removals(request, form, scrub("ABC 123")))
        stored = list(request._messages)
        self.assertEqual(len(stored), 1)
        self.assertEqual(stored[0].level_tag, "warning")
        self.assertIn("1 registreringsnummer", stored[0].message)

    def test_warn_about_removals_is_silent_when_nothing_was_removed(self) -> None:
        request = self._request()
        form = PlainForm({"text": "Inget att ta bort"})
        form.is_valid()
        self.assertFalse(warn_about_removals(request, form))
        self.assertEqual(list(request._messages), [])
