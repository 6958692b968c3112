from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin

from .models import Decision, StatementTheme


class MinutesForm(ScrubbingFormMixin, forms.Form):
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea(attrs={"rows": 8}))


class AdjustMinutesForm(forms.Form):
    adjusted_on = forms.DateField(label=_("Adjusted on (YYYY-MM-DD)"))
    immediately = forms.BooleanField(label=_("Adjusted immediately at the meeting"), required=False)


class DecisionForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "responsible_organisation", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            self.fields["responsible_organisation"].queryset = organisations


class StatementForm(ScrubbingFormMixin, forms.Form):
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}))
    background = forms.CharField(
        label=_("Background"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    views = forms.CharField(
        label=_("Views and proposals"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposed_decision = forms.CharField(
        label=_("Proposed decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decision = forms.CharField(
        label=_("Decision taken"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    decided_on = forms.DateField(label=_("Decided on (YYYY-MM-DD)"), required=False)
    adjusted_immediately = forms.BooleanField(
        label=_("Minutes adjusted immediately"), required=False
    )
    child_rights_notes = forms.CharField(
        label=_("Children's rights"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    gender_equality_notes = forms.CharField(
        label=_("Gender equality"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=StatementTheme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
