from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samverkan.agreements.models import Agreement, PriorityArea
from samverkan.common.forms import ScrubbingFormMixin
from samverkan.geography.models import Neighbourhood
from samverkan.organisations.models import Organisation
from samverkan.problems.models import Cause

from .formstyle import GovukFormMixin
from .models import (
    ActionPlan,
    Activity,
    ActivityType,
    FollowUpStatus,
    Indicator,
    Target,
)


class PlanForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    agreement = forms.ModelChoiceField(label=_("Agreement"), queryset=Agreement.objects.none())
    title = forms.CharField(label=_("Title"), max_length=300)
    starts_on = forms.DateField(label=_("Starts on"))
    ends_on = forms.DateField(label=_("Ends on"))

    def __init__(self, *args, agreements=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if agreements is not None:
            self.fields["agreement"].queryset = agreements

    def clean(self) -> dict:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period ends before it starts."))
        return data


class CarryOverForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    title = forms.CharField(label=_("Title of the new plan"), max_length=300)
    starts_on = forms.DateField(label=_("Starts on"))
    ends_on = forms.DateField(label=_("Ends on"))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period ends before it starts."))
        return data


def _plan_querysets(form: forms.ModelForm, plan: ActionPlan) -> None:
    agreement = plan.agreement
    frames = [agreement.pk] + ([agreement.parent_id] if agreement.parent_id else [])
    fields = form.fields
    if "priority_areas" in fields:
        fields["priority_areas"].queryset = PriorityArea.objects.filter(
            agreement__in=frames
        ).select_related("agreement")
    if "causes" in fields:
        fields["causes"].queryset = Cause.objects.filter(
            analysis__problem__priority_area__agreement__in=frames
        ).select_related("analysis__problem")
        fields["causes"].label_from_instance = lambda c: f"{c.analysis.problem}: {c}"
    organisations = Organisation.objects.filter(tenant=agreement.tenant)
    for name in ("responsible_organisation", "contributing_organisations"):
        if name in fields:
            fields[name].queryset = organisations
    if "target" in fields:
        fields["target"].queryset = plan.targets.all()
    if "neighbourhoods" in fields:
        fields["neighbourhoods"].queryset = Neighbourhood.objects.filter(
            Q(district__municipality__tenants=agreement.tenant)
        ).distinct()


class ActivityForm(ScrubbingFormMixin, GovukFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = [
            "code",
            "title",
            "description",
            "activity_type",
            "priority_areas",
            "causes",
            "owner_party",
            "responsible_organisation",
            "contributing_organisations",
            "neighbourhoods",
            "place_note",
            "starts_on",
            "ends_on",
            "expected_effect",
            "expected_effect_note",
            "target",
            "child_rights_note",
            "gender_equality_note",
        ]
        widgets = {"starts_on": forms.DateInput, "ends_on": forms.DateInput}

    def __init__(self, *args, plan: ActionPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fields["code"].required = False
        self.fields["code"].help_text = _("Short reference, e.g. A3. Left empty: the next free.")
        self.fields["place_note"].help_text = _("A place, never a person.")
        _plan_querysets(self, plan)
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["version"].initial = self.instance.version

    def clean(self) -> dict:
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period ends before it starts."))
        agreement = self.plan.agreement
        areas = data.get("priority_areas")
        if agreement.parent_id and areas is not None:
            linked = [
                a for a in areas if a.agreement_id == agreement.parent_id or a.frame_areas.exists()
            ]
            if not linked:
                self.add_error(
                    "priority_areas",
                    _(
                        "A local activity must address a city-wide area: choose one, or a "
                        "local area linked to one."
                    ),
                )
        code = data.get("code")
        if (
            code
            and not self.instance.pk
            and Activity.objects.filter(plan=self.plan, code=code).exists()
        ):
            self.add_error("code", _("The plan already has an activity with this code."))
        return data


class TargetForm(ScrubbingFormMixin, GovukFormMixin, forms.ModelForm):
    counted_types = forms.MultipleChoiceField(
        label=_("Activity types counted"),
        choices=ActivityType,
        required=False,
        help_text=_("Leave empty to count every activity tied to the target."),
    )

    class Meta:
        model = Target
        fields = [
            "description",
            "comparator",
            "quantity",
            "unit",
            "frequency",
            "starts_on",
            "ends_on",
        ]
        widgets = {"starts_on": forms.DateInput, "ends_on": forms.DateInput}
        help_texts = {
            "starts_on": _("Empty: the plan's period."),
            "description": _('For example "At least 5 foot patrols per week at the square".'),
        }


class IndicatorForm(ScrubbingFormMixin, GovukFormMixin, forms.ModelForm):
    event_types = forms.CharField(
        label=_("Police event types"),
        required=False,
        help_text=_("Comma-separated, as in Polisen's feed, e.g. Rån, Misshandel. Empty: all."),
    )

    class Meta:
        model = Indicator
        fields = [
            "name",
            "kind",
            "direction",
            "unit",
            "source",
            "neighbourhood",
            "baseline_value",
            "baseline_start_on",
            "baseline_end_on",
        ]
        widgets = {"baseline_start_on": forms.DateInput, "baseline_end_on": forms.DateInput}

    def clean_event_types(self) -> list[str]:
        raw = self.cleaned_data.get("event_types") or ""
        return [t.strip() for t in raw.split(",") if t.strip()]


class IndicatorValueForm(GovukFormMixin, forms.Form):
    period_start_on = forms.DateField(label=_("Period from"))
    period_end_on = forms.DateField(label=_("Period to"))
    value = forms.DecimalField(label=_("Value"), max_digits=12, decimal_places=2)
    source = forms.CharField(label=_("Source"), max_length=300, required=False)

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("period_start_on"), data.get("period_end_on")
        if start and end and end < start:
            self.add_error("period_end_on", _("The period ends before it starts."))
        return data


class FollowUpForm(ScrubbingFormMixin, GovukFormMixin, forms.Form):
    reported_on = forms.DateField(label=_("Refers to date"))
    status = forms.ChoiceField(label=_("Status"), choices=FollowUpStatus)
    progress_percent = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, required=False
    )
    done_count = forms.IntegerField(
        label=_("Done so far (count since the start)"), min_value=0, required=False
    )
    note = forms.CharField(
        label=_("Outcome and comments"),
        widget=forms.Textarea,
        required=False,
        help_text=_("Places and situations, not persons."),
    )
    expected_previous_id = forms.IntegerField(widget=forms.HiddenInput, required=False)


class BeforeAfterForm(GovukFormMixin, forms.Form):
    place = forms.ModelChoiceField(label=_("Place"), queryset=Neighbourhood.objects.none())
    comparison = forms.ModelChoiceField(
        label=_("Comparison area"),
        queryset=Neighbourhood.objects.none(),
        help_text=_("A similar neighbourhood without the activity."),
    )
    window_days = forms.IntegerField(
        label=_("Days before and after"), min_value=7, max_value=730, initial=180
    )

    def __init__(self, *args, places, comparisons, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["place"].queryset = places
        self.fields["comparison"].queryset = comparisons

    def clean(self) -> dict:
        data = super().clean()
        if data.get("place") and data.get("place") == data.get("comparison"):
            self.add_error("comparison", _("Choose another area than the place itself."))
        return data


class ImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label=_("File exported from this plan (.xlsx or .csv)"),
        help_text=_(
            "The same columns as the export; changed rows are shown before anything is saved."
        ),
    )
