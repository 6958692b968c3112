from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import PriorityArea
from samverkan.common.forms import ScrubbingFormMixin
from samverkan.geography.models import District, Neighbourhood
from samverkan.plans.formstyle import GovukFormMixin

from .models import CauseBranch, CauseDirectness, CauseNature, EvidenceKind


class PriorityAreaChoiceField(forms.ModelChoiceField):
    """A priority area named with its agreement: several agreements share area names."""

    def label_from_instance(self, obj: PriorityArea) -> str:
        return f"{obj.name} – {obj.agreement.title}"


class ProblemForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    # The evidence's source is a citation and is kept as typed.
    scrubbed_fields = ("title", "description", "evidence_summary")
    priority_area = PriorityAreaChoiceField(
        label=_("Priority area"), queryset=PriorityArea.objects.none()
    )
    title = forms.CharField(label=_("Problem"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    district = forms.ModelChoiceField(
        label=_("District"), queryset=District.objects.all(), required=False
    )
    neighbourhoods = forms.ModelMultipleChoiceField(
        label=_("Neighbourhoods"), queryset=Neighbourhood.objects.all(), required=False
    )
    period_start_on = forms.DateField(label=_("Period from"))
    period_end_on = forms.DateField(label=_("Period to"))
    evidence_kind = forms.ChoiceField(label=_("Evidence: kind"), choices=EvidenceKind)
    evidence_summary = forms.CharField(
        label=_("Evidence: what the situation picture shows"),
        widget=forms.Textarea,
        help_text=_("Places and situations, not persons."),
    )
    evidence_source = forms.CharField(label=_("Evidence: source"), max_length=300, required=False)

    def __init__(self, *args, areas=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if areas is not None:
            # Newest agreements first, each agreement's areas together.
            self.fields["priority_area"].queryset = areas.select_related("agreement").order_by(
                "agreement__level", "-agreement__valid_from", "agreement__title", "order", "name"
            )

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start_on"), data.get("period_end_on")
        if start and end and end < start:
            self.add_error("period_end_on", _("The period ends before it starts."))
        district = data.get("district")
        for n in data.get("neighbourhoods") or []:
            if district and n.district_id != district.pk:
                self.add_error(
                    "neighbourhoods", _("%(name)s is not in the district.") % {"name": n}
                )
        return data


class EvidenceForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    scrubbed_fields = ("summary", "unit")  # the source is a citation, kept as typed
    kind = forms.ChoiceField(label=_("Kind"), choices=EvidenceKind)
    summary = forms.CharField(label=_("What it shows"), widget=forms.Textarea)
    value = forms.DecimalField(label=_("Figure"), required=False, max_digits=12, decimal_places=2)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)


class CauseAnalysisForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    analysed_on = forms.DateField(label=_("Analysed on"))
    method_note = forms.CharField(
        label=_("How the analysis was made"), widget=forms.Textarea, required=False
    )
    handler = forms.CharField(
        label=_("Handler: who can influence the offenders"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Roles and organisations, not named persons."),
    )
    guardian = forms.CharField(
        label=_("Guardian: who can protect the target"), widget=forms.Textarea, required=False
    )
    manager = forms.CharField(
        label=_("Manager: who is responsible for the place"), widget=forms.Textarea, required=False
    )


class CauseForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    branch = forms.ChoiceField(label=_("Fishbone branch"), choices=CauseBranch)
    directness = forms.ChoiceField(label=_("Direct or indirect"), choices=CauseDirectness)
    nature = forms.ChoiceField(label=_("Situational or social"), choices=CauseNature)
    description = forms.CharField(label=_("Cause"), widget=forms.Textarea)
    evidence = forms.CharField(
        label=_("Evidence for the cause"), widget=forms.Textarea, required=False
    )


class ChainStepForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    situation = forms.CharField(label=_("Situation"), max_length=300)
    prevention = forms.CharField(
        label=_("How prevention can act here"), widget=forms.Textarea, required=False
    )
