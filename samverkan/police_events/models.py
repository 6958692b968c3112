"""Events from Polisen's public events feed (polisen.se/api/events).

A police event is a notice the Police publish, not a crime record: counts describe what
the Police chose to publish, not crime. ``published_at`` is the feed's ``datetime``
(publication or update time); ``occurred_at`` is the incident time read from ``name``
("30 november 15.00, Rån, Stockholm"). Coordinates in the feed are only the centroid of
the municipality or county, so district and neighbourhood come from the text (placement).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samverkan.geography.models import District, Municipality, Neighbourhood


class PoliceEventQuerySet(models.QuerySet):
    def in_period(self, start, end) -> "PoliceEventQuerySet":
        """Events whose incident date lies in [start, end] (dates, both inclusive)."""
        return self.filter(occurred_on__gte=start, occurred_on__lte=end)


class PoliceEvent(models.Model):
    """The latest known version of one event; earlier versions are PoliceEventVersion rows."""

    event_id = models.BigIntegerField(_("Polisen id"), unique=True)
    published_at = models.DateTimeField(_("published at"))
    occurred_on = models.DateField(_("incident date"), db_index=True)
    occurred_at = models.DateTimeField(_("incident time"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=300)
    summary = models.TextField(_("summary"))
    url = models.CharField(_("url"), max_length=400)
    type = models.CharField(_("type"), max_length=120, db_index=True)
    location_name = models.CharField(_("location name"), max_length=120)
    gps = models.CharField(_("gps"), max_length=60, blank=True)
    county_level = models.BooleanField(_("location is a county"), default=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("municipality"),
    )
    page_text = models.TextField(_("event page text"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    # The API object exactly as published (JSON object); kept so a replaced version is exact.
    raw = models.JSONField(_("event as published"), default=dict, blank=True)
    # When this version was first seen: the archive's time for replayed versions, else the
    # time of the import that stored it.
    seen_at = models.DateTimeField(_("version first seen at"), null=True, blank=True)
    version_count = models.PositiveIntegerField(_("versions"), default=1)
    # Placement from text (district and neighbourhood); empty when it could not be placed.
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("district"),
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="police_events",
        verbose_name=_("neighbourhood"),
    )
    placement_method = models.CharField(_("placement method"), max_length=120, blank=True)
    placement_confidence = models.FloatField(_("placement confidence"), null=True, blank=True)
    placement_phrase = models.CharField(_("placement phrase"), max_length=200, blank=True)
    placement_reason = models.CharField(_("why not placed"), max_length=300, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PoliceEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("police event")
        verbose_name_plural = _("police events")
        ordering = ["-occurred_on", "-event_id"]
        indexes = [models.Index(fields=["municipality", "occurred_on"])]

    def __str__(self) -> str:
        return self.name


class PoliceEventVersion(models.Model):
    """An earlier version of an event, kept when a later import replaced it."""

    event = models.ForeignKey(
        PoliceEvent, on_delete=models.CASCADE, related_name="versions", verbose_name=_("event")
    )
    raw = models.JSONField(_("event as published"))
    page_text = models.TextField(_("event page text"), blank=True)
    content_hash = models.CharField(_("content hash"), max_length=64)
    seen_at = models.DateTimeField(_("version first seen at"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced at"), auto_now_add=True)

    class Meta:
        verbose_name = _("earlier version of a police event")
        verbose_name_plural = _("earlier versions of police events")
        ordering = ["event", "replaced_at", "pk"]

    def __str__(self) -> str:
        return f"{self.event_id} @ {self.replaced_at:%Y-%m-%d}"
