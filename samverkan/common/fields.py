"""Model fields for free text a person types: personal identifiers never reach the database.

``ScrubbedTextField`` and ``ScrubbedCharField`` behave like ``TextField`` and
``CharField`` but run ``samverkan.common.scrubbing.scrub`` on every write, whatever the
path (services, admin, imports, management commands, demo loaders), so "places, not
persons" does not depend on each caller remembering to scrub (docs/decisions/0086):

- ``Model.save()``: a ``pre_save`` signal receiver connected for the model when the
  field is added to it replaces the value on the instance *before* django-auditlog's
  receiver computes its diff (auditlog registers after the class is built, and receivers
  run in the order they were connected), so the audit log holds the scrubbed text too;
- ``bulk_create``: ``Field.pre_save`` scrubs and updates the instance;
- ``QuerySet.update()`` and ``bulk_update``: ``get_db_prep_save`` scrubs the value sent
  to the database (the instances in memory are not touched on these paths).

Scrubbing is idempotent (markers such as ``[telefonnummer]`` contain no identifiers), so
text scrubbed earlier by a form or service passes unchanged. Markers can be longer than
what they replace: a ``ScrubbedCharField`` value that the scrubber made longer than
``max_length`` is cut to ``max_length`` rather than failing the write (forms using
``ScrubbingFormMixin`` show a validation error first, so people are not surprised by the
cut); text the scrubber did not change is never cut.

The fields deconstruct under their own path (``samverkan.common.fields.Scrubbed…``);
migrations record the switch as ``AlterField`` with no change to the column type.
"""

from typing import Any

from django.db import models
from django.db.models.signals import pre_save

from .scrubbing import scrub


class ScrubbedFieldMixin:
    """Shared behaviour of the scrubbed fields; mix in before the Django field class."""

    attname: str
    max_length: int | None

    _last_scrubbed: str | None = None

    def scrubbed(self, value: Any) -> Any:
        """``value`` without personal identifiers; non-strings (None, expressions) as given.

        Only text the scrubber changed is cut to ``max_length`` (the growth is the
        markers'); other text is left for the database and the forms to judge.
        """
        if not isinstance(value, str) or not value or value is self._last_scrubbed:
            # Fast path: this very string object came out of scrub() a moment ago (one
            # save() passes it to the receiver, pre_save and get_db_prep_save in turn);
            # a string identical to a scrubbed one is clean, whichever thread made it.
            return value
        result = scrub(value)
        cleaned = result.text
        if result.changed and self.max_length is not None and len(cleaned) > self.max_length:
            cleaned = cleaned[: self.max_length]
        self._last_scrubbed = cleaned
        return cleaned

    def contribute_to_class(self, cls: type[models.Model], name: str, **kwargs: Any) -> None:
        super().contribute_to_class(cls, name, **kwargs)  # type: ignore[misc]
        if not cls._meta.abstract:
            # Like ImageField's post_init: one receiver per concrete model and field.
            # Weak (the default): the receiver goes when the field and its model go, so
            # the historical models migrations build leave nothing behind.
            pre_save.connect(self._scrub_instance, sender=cls)

    def _scrub_instance(
        self, sender: type[models.Model], instance: models.Model, **kwargs: Any
    ) -> None:
        value = getattr(instance, self.attname, None)
        cleaned = self.scrubbed(value)
        if cleaned != value:
            setattr(instance, self.attname, cleaned)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        value = super().pre_save(model_instance, add)  # type: ignore[misc]
        cleaned = self.scrubbed(value)
        if cleaned != value:
            setattr(model_instance, self.attname, cleaned)
        return cleaned

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        return super().get_db_prep_save(self.scrubbed(value), connection)  # type: ignore[misc]


class ScrubbedTextField(ScrubbedFieldMixin, models.TextField):
    """A TextField whose value is scrubbed of personal identifiers on every write."""


class ScrubbedCharField(ScrubbedFieldMixin, models.CharField):
    """A CharField whose value is scrubbed of personal identifiers on every write."""
