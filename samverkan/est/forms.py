from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin
from samverkan.geography.models import Neighbourhood
from samverkan.organisations.models import Organisation
from samverkan.places.models import Place

from .models import ObservationCategory, ObservationStatus, PartOfDay, RatingScale


def govuk_widgets(form: forms.Form) -> None:
    """Give every widget the design system's class (selects, inputs, textareas)."""
    for bound in form:
        widget = bound.field.widget
        if isinstance(widget, forms.RadioSelect | forms.HiddenInput):
            continue
        if isinstance(widget, forms.Select):
            css = "govuk-select"
        elif isinstance(widget, forms.Textarea):
            css = "govuk-textarea"
        elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
            css = "govuk-file-upload"
        else:
            css = "govuk-input"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
        if bound.help_text:
            widget.attrs["aria-describedby"] = f"{bound.auto_id}-hint"


class ReportForm(forms.Form):
    """The reporting form: one screen on a phone, no JavaScript needed except the map."""

    organisation = forms.ModelChoiceField(
        label=_("Reporting for"), queryset=Organisation.objects.none(), empty_label=None
    )
    category = forms.ModelChoiceField(
        label=_("What did you see?"), queryset=ObservationCategory.objects.none(), empty_label=None
    )
    rating = forms.TypedChoiceField(
        label=_("How much does it affect safety?"), coerce=int, widget=forms.RadioSelect
    )
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    place = forms.ModelChoiceField(
        label=_("Registered place (optional)"), queryset=Place.objects.none(), required=False
    )
    latitude = forms.FloatField(
        label=_("Latitude"), required=False, min_value=-90, max_value=90, localize=False
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180, localize=False
    )
    observed_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(
        label=_("Time (if known)"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    part_of_day = forms.ChoiceField(
        label=_("Part of day (if no time)"),
        choices=[("", _("—"))] + list(PartOfDay.choices),
        required=False,
    )
    text = forms.CharField(
        label=_("Describe the place and the situation"),
        help_text=_(
            "Places, not persons: do not write names, identity numbers, phone numbers, "
            "e-mail addresses or registration plates. They are removed before saving."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
    confirm_nearby = forms.IntegerField(widget=forms.HiddenInput, required=False, initial=0)

    def __init__(
        self,
        *args,
        organisations,
        scale: RatingScale,
        neighbourhoods,
        places,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.scale = scale
        self.fields["organisation"].queryset = organisations
        tenant_ids = organisations.values_list("tenant_id", flat=True)
        self.fields["category"].queryset = ObservationCategory.objects.filter(
            tenant_id__in=tenant_ids, is_active=True
        )
        self.fields["rating"].choices = [
            (lvl.value, f"{lvl.value} – {lvl.label}") for lvl in scale.levels.all()
        ]
        self.fields["neighbourhood"].queryset = neighbourhoods
        self.fields["place"].queryset = places
        if not self.is_bound:
            self.initial.setdefault("observed_on", timezone.localdate())
        for name in ("latitude", "longitude"):
            self.fields[name].widget.attrs.update({"inputmode": "decimal", "step": "any"})
        govuk_widgets(self)

    def clean(self) -> dict:
        data = super().clean()
        lat, lon = data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            self.add_error("latitude", _("Give both latitude and longitude, or neither."))
        if not (data.get("neighbourhood") or data.get("place") or lat is not None):
            self.add_error(
                "neighbourhood", _("Choose a neighbourhood or a place, or pick a point on the map.")
            )
        if not data.get("time") and not data.get("part_of_day"):
            self.add_error("part_of_day", _("Give a time or a part of the day."))
        observed_on = data.get("observed_on")
        if observed_on and observed_on > timezone.localdate():
            self.add_error("observed_on", _("The date cannot be in the future."))
        category = data.get("category")
        if category and category.requires_text and not data.get("text", "").strip():
            self.add_error("text", _("Describe what you saw for this category."))
        return data

    def observed_at(self) -> datetime | None:
        clock = self.cleaned_data.get("time")
        if not clock:
            return None
        return timezone.make_aware(datetime.combine(self.cleaned_data["observed_on"], clock))

    def point(self) -> tuple[float, float] | None:
        if self.cleaned_data.get("latitude") is None:
            return None
        return (self.cleaned_data["longitude"], self.cleaned_data["latitude"])


class EditObservationForm(forms.Form):
    rating = forms.TypedChoiceField(label=_("Rating"), coerce=int, widget=forms.RadioSelect)
    text = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    status = forms.ChoiceField(label=_("Status"), choices=ObservationStatus.choices)

    def __init__(self, *args, scale: RatingScale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = [
            (lvl.value, f"{lvl.value} – {lvl.label}") for lvl in scale.levels.all()
        ]
        govuk_widgets(self)


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Reports come from"), queryset=Organisation.objects.none(), empty_label=None
    )
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        govuk_widgets(self)


class AbilityForm(ScrubbingFormMixin, forms.Form):
    area = forms.ChoiceField(label=_("Area"))
    ability = forms.TypedChoiceField(
        label=_("Partners' ability to influence (0–3)"),
        coerce=int,
        choices=[(i, str(i)) for i in range(4)],
    )
    rationale = forms.CharField(
        label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, areas: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = areas
        govuk_widgets(self)
