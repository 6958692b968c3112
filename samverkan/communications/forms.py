from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin


class RevisionForm(ScrubbingFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))
    based_on = forms.IntegerField(widget=forms.HiddenInput)


class ApprovalForm(forms.Form):
    number = forms.IntegerField(widget=forms.HiddenInput)
    organisation = forms.IntegerField(widget=forms.HiddenInput)


class CommentForm(ScrubbingFormMixin, forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))


class PressTextForm(ScrubbingFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}))
    municipal_party = forms.ModelChoiceField(label=_("Municipal party"), queryset=None)
    police_party = forms.ModelChoiceField(label=_("Police party"), queryset=None)

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipal_party"].queryset = organisations.exclude(
            kind__in=["police_region", "police_area"]
        )
        self.fields["police_party"].queryset = organisations.filter(
            kind__in=["police_region", "police_area"]
        )
