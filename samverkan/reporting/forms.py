from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin

TERTIALS = {1: (1, 4), 2: (5, 8), 3: (9, 12)}


def tertial_period(year: int, tertial: int) -> tuple[date, date]:
    """First and last day of tertial 1 (Jan–Apr), 2 (May–Aug) or 3 (Sep–Dec) of ``year``."""
    first, last = TERTIALS[tertial]
    end = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
    from datetime import timedelta

    return date(year, first, 1), end - timedelta(days=1)


class NewReportForm(forms.Form):
    agreement = forms.ModelChoiceField(label=_("Local agreement"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    tertial = forms.TypedChoiceField(
        label=_("Tertial"),
        coerce=int,
        choices=[(1, _("January–April")), (2, _("May–August")), (3, _("September–December"))],
    )

    def __init__(self, *args, agreements=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agreement"].queryset = agreements


class OverviewForm(forms.Form):
    frame = forms.ModelChoiceField(label=_("City-wide agreement"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    tertial = NewReportForm.base_fields["tertial"]

    def __init__(self, *args, frames=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["frame"].queryset = frames


class CorrectionForm(ScrubbingFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Why is the report corrected?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NewCompilationForm(forms.Form):
    frame = forms.ModelChoiceField(label=_("City-wide agreement"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, frames=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["frame"].queryset = frames


class TextsForm(ScrubbingFormMixin, forms.Form):
    """The free texts of a report or compilation page: a lead text and one per frame area.

    ``lead`` names the lead field ("summary" or "introduction"); each area's text comes in
    as ``area-<frame area id>``. Missing fields are empty, as before; text is kept as typed
    (no stripping) apart from the scrubber's removals.
    """

    def __init__(self, *args, lead: str, area_ids: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lead = lead
        self.fields[lead] = forms.CharField(required=False, strip=False)
        for pk in area_ids:
            self.fields[f"area-{pk}"] = forms.CharField(required=False, strip=False)

    def lead_text(self) -> str:
        return self.cleaned_data[self.lead]

    def area_texts(self) -> dict[int, str]:
        """Frame area id → text."""
        return {
            int(name.removeprefix("area-")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("area-")
        }
