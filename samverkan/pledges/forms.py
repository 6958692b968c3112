from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin

from .models import CitizenDialogue, CitizenPledge, Promise


class PledgeForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = CitizenPledge
        fields = [
            "title",
            "municipal_party",
            "police_party",
            "valid_from",
            "valid_to",
            "situation",
            "problems",
            "expected_effect",
        ]

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["municipal_party"].queryset = organisations.exclude(
                kind__in=["police_region", "police_area"]
            )
            self.fields["police_party"].queryset = organisations.filter(
                kind__in=["police_region", "police_area"]
            )


class PromiseForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = Promise
        fields = ["party", "text", "target_count", "target_unit", "place_name"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        if data.get("target_count") and not data.get("target_unit"):
            self.add_error("target_unit", _("A target needs a unit (per week, per year …)."))
        return data


class FollowUpForm(ScrubbingFormMixin, forms.Form):
    reported_on = forms.DateField(label=_("Reported on (YYYY-MM-DD)"))
    outcome_count = forms.IntegerField(label=_("Carried out (count)"), min_value=0, required=False)
    text = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NextPledgeForm(ScrubbingFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the next pledge"), max_length=300)
    valid_from = forms.DateField(label=_("Valid from (YYYY-MM-DD)"))
    valid_to = forms.DateField(label=_("Valid to (YYYY-MM-DD)"))


class DialogueForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = CitizenDialogue
        fields = ["held_on", "method", "participants", "outcome"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 2})}
