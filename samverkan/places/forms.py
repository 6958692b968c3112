from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin
from samverkan.est.forms import govuk_widgets
from samverkan.geography.models import District, Neighbourhood
from samverkan.organisations.models import Organisation

from .models import Place, PlaceKind, PointStatus, WalkLight


class WalkForm(ScrubbingFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    walked_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    light = forms.ChoiceField(label=_("Time of day"), choices=WalkLight.choices)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("Participating organisations"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.CharField(
        label=_("Participant groups"),
        help_text=_("Groups, not persons: e.g. 'residents, young people 16–19'."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, districts, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(district__in=districts)
        self.fields["organisations"].queryset = organisations
        govuk_widgets(self)

    def clean(self) -> dict:
        data = super().clean()
        n, d = data.get("neighbourhood"), data.get("district")
        if n and d and n.district_id != d.pk:
            self.add_error("neighbourhood", _("The neighbourhood is not in the district."))
        return data


class PointForm(ScrubbingFormMixin, forms.Form):
    location = forms.CharField(label=_("Where"), max_length=200)
    place = forms.ModelChoiceField(
        label=_("Registered place (optional)"), queryset=Place.objects.none(), required=False
    )
    observation = forms.CharField(label=_("Observation"), widget=forms.Textarea(attrs={"rows": 2}))
    is_positive = forms.BooleanField(label=_("A positive note (no measure needed)"), required=False)
    proposed_measure = forms.CharField(
        label=_("Proposed measure"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    responsible_organisation = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none(), required=False
    )
    deadline_on = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, places, organisations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places
        self.fields["responsible_organisation"].queryset = organisations
        govuk_widgets(self)


class PointStatusForm(ScrubbingFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=PointStatus.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        govuk_widgets(self)


class PlaceForm(ScrubbingFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=PlaceKind.choices)
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none())
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"), queryset=Neighbourhood.objects.none(), required=False
    )
    latitude = forms.FloatField(
        label=_("Latitude (WGS84)"), required=False, min_value=-90, max_value=90
    )
    longitude = forms.FloatField(
        label=_("Longitude (WGS84)"), required=False, min_value=-180, max_value=180
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, districts, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(district__in=districts)
        govuk_widgets(self)

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("latitude", _("Give both latitude and longitude, or neither."))
        n, d = data.get("neighbourhood"), data.get("district")
        if n and d and n.district_id != d.pk:
            self.add_error("neighbourhood", _("The neighbourhood is not in the district."))
        return data
