"""Telling people what the scrubber removed from what they typed (docs/decisions/0086).

The model fields in ``common.fields`` guarantee that no identifier is stored; this module
is the polite half: a form mixin that scrubs free text in ``clean()`` and remembers what
it removed, and ``warn_about_removals`` that the view calls after a successful save to
show "Places, not persons: we removed 1 phone number … from your text before saving."

    class MinutesForm(ScrubbingFormMixin, forms.Form): ...

    if form.is_valid():
        record_minutes(..., minutes=form.cleaned_data["minutes"])
        warn_about_removals(request, form)
"""

from collections import Counter
from collections.abc import Iterable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .fields import ScrubbedFieldMixin
from .scrubbing import IdentifierKind, ScrubResult, scrub

# Form fields that are never free text in the scrubber's sense (their own validation
# already limits them to a URL, an address or a slug).
_NOT_FREE_TEXT = (forms.URLField, forms.EmailField, forms.SlugField)


class ScrubbingFormMixin:
    """Scrub the form's free-text fields in ``clean()``; keep ``form.scrub_results``.

    Which fields: ``scrubbed_fields`` when the form sets it; otherwise, for a ModelForm,
    the fields backed by a ``Scrubbed*`` model field, and for a plain Form every
    ``forms.CharField`` except URL, e-mail and slug fields. ``scrub_results`` maps field
    name → ScrubResult for the fields where something was removed (empty when nothing
    was). A scrubbed value that no longer fits the field's ``max_length`` (markers can
    be longer than what they replace) is a validation error on that field.
    """

    scrubbed_fields: Iterable[str] | None = None
    scrub_results: dict[str, ScrubResult]

    def scrubbed_field_names(self) -> list[str]:
        fields: dict[str, forms.Field] = self.fields  # type: ignore[attr-defined]
        if self.scrubbed_fields is not None:
            return [name for name in self.scrubbed_fields if name in fields]
        meta = getattr(self, "_meta", None)
        model = getattr(meta, "model", None)
        if model is not None:
            scrubbed = {
                f.name for f in model._meta.get_fields() if isinstance(f, ScrubbedFieldMixin)
            }
            return [name for name in fields if name in scrubbed]
        return [
            name
            for name, field in fields.items()
            if isinstance(field, forms.CharField) and not isinstance(field, _NOT_FREE_TEXT)
        ]

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()  # type: ignore[misc]
        self.scrub_results = {}
        for name in self.scrubbed_field_names():
            value = cleaned_data.get(name)
            if not isinstance(value, str) or not value:
                continue
            result = scrub(value)
            if not result.changed:
                continue
            self.scrub_results[name] = result
            cleaned_data[name] = result.text
            try:
                self.fields[name].run_validators(result.text)  # type: ignore[attr-defined]
            except forms.ValidationError as e:
                self.add_error(name, e)  # type: ignore[attr-defined]
        return cleaned_data


def removal_message(*results: ScrubResult) -> str:
    """ "Places, not persons: we removed 1 phone number, 2 e-mail addresses …" (UI language).

    Kinds and counts over all ``results``, never the removed values. Empty results give
    the sentence with nothing listed; callers only show it when something was removed.
    """
    counts: Counter[str] = Counter()
    for result in results:
        counts.update(result.counts())
    parts = []
    for kind in IdentifierKind.ALL:
        n = counts.get(kind, 0)
        if not n:
            continue
        if kind == IdentifierKind.PERSONAL_IDENTITY_NUMBER:
            parts.append(
                ngettext("%(n)d personal identity number", "%(n)d personal identity numbers", n)
                % {"n": n}
            )
        elif kind == IdentifierKind.PHONE_NUMBER:
            parts.append(ngettext("%(n)d phone number", "%(n)d phone numbers", n) % {"n": n})
        elif kind == IdentifierKind.EMAIL:
            parts.append(ngettext("%(n)d e-mail address", "%(n)d e-mail addresses", n) % {"n": n})
        elif kind == IdentifierKind.VEHICLE_REGISTRATION:
            parts.append(
                ngettext("%(n)d registration number", "%(n)d registration numbers", n) % {"n": n}
            )
    return _("Places, not persons: we removed %(what)s from your text before saving.") % {
        "what": ", ".join(parts)
    }


def warn_about_removals(request: HttpRequest, *sources: forms.BaseForm | ScrubResult) -> bool:
    """Add one ``messages.warning`` listing what was removed; True when there was any.

    ``sources`` are forms with ``ScrubbingFormMixin`` (after ``is_valid()``) or
    ScrubResults from a service. Call it after the save succeeded, next to the success
    message, so nobody is told about removals from text that was not stored.
    """
    results: list[ScrubResult] = []
    for source in sources:
        if isinstance(source, ScrubResult):
            results.append(source)
        else:
            results.extend(getattr(source, "scrub_results", {}).values())
    results = [r for r in results if r.changed]
    if not results:
        return False
    messages.warning(request, removal_message(*results))
    return True
