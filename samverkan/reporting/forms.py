from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

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


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the report corrected?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NewCompilationForm(forms.Form):
    frame = forms.ModelChoiceField(label=_("City-wide agreement"), queryset=None)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)

    def __init__(self, *args, frames=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["frame"].queryset = frames
