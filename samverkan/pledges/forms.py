from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin

from .models import CitizenDialogue, CitizenPledge, Promise

# The longest promise text the form takes: a promise is a sentence or a short paragraph
# printed on the public pledge, not a report (the model field itself is unbounded text).
PROMISE_TEXT_MAX = 2000


def check_period(form: forms.Form, start: str = "valid_from", end: str = "valid_to") -> None:
    """Add a field error on ``end`` when the period ends before it starts.

    Same wording as the plans and problems forms. Runs in ``clean()``, so a ModelForm does
    not go on to report the database constraint ``pledge_period_ordered`` in its own words.
    """
    data = form.cleaned_data
    if data.get(start) and data.get(end) and data[end] < data[start]:
        form.add_error(end, _("The period ends before it starts."))


class PledgeForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = CitizenPledge
        fields = [
            "title",
            "municipal_party",
            "police_party",
            "districts",
            "valid_from",
            "valid_to",
            "situation",
            "problems",
            "expected_effect",
        ]

    def __init__(self, *args, organisations=None, districts=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["districts"].widget = forms.CheckboxSelectMultiple(
            attrs={"class": "govuk-checkboxes__input"}
        )
        if districts is not None:
            self.fields["districts"].queryset = districts
        if organisations is not None:
            self.fields["municipal_party"].queryset = organisations.exclude(
                kind__in=["police_region", "police_area"]
            )
            self.fields["police_party"].queryset = organisations.filter(
                kind__in=["police_region", "police_area"]
            )

    def clean(self):
        data = super().clean()
        check_period(self)
        return data


class ActivityLinksMixin:
    """Adds ``activities``: a multiple choice limited to what the gate lets the user link.

    ``activities`` (a queryset, selectors.linkable_activities) is the only source of
    choices, so an id outside it (another tenant's, an invisible plan's, a forged one) is
    a form error and nothing is saved. ``activity_groups()`` gives them grouped by plan.
    """

    def _add_activities_field(self, activities) -> None:
        self.fields["activities"] = forms.ModelMultipleChoiceField(
            queryset=activities,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "invalid_choice": _("Only the activities offered can be linked."),
                "invalid_pk_value": _("Only the activities offered can be linked."),
            },
            label=_("Linked activities of action plans"),
            help_text=_(
                "Their follow-up counts for the promise too: record it once, on the activity."
            ),
        )

    def activity_groups(self) -> list[tuple[object, list[tuple[object, bool]]]]:
        """[(plan, [(activity, checked), …]), …] in the queryset's order."""
        value = self["activities"].value() or []
        chosen = {str(v.pk if hasattr(v, "pk") else v) for v in value}
        groups: list[tuple[object, list[tuple[object, bool]]]] = []
        for activity in self.fields["activities"].queryset:
            if not groups or groups[-1][0].pk != activity.plan_id:
                groups.append((activity.plan, []))
            groups[-1][1].append((activity, str(activity.pk) in chosen))
        return groups


class PromiseForm(ScrubbingFormMixin, ActivityLinksMixin, forms.ModelForm):
    class Meta:
        model = Promise
        fields = ["party", "text", "target_count", "target_unit", "place_name"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, activities=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].validators.append(
            MaxLengthValidator(
                PROMISE_TEXT_MAX,
                message=_(
                    "Keep the promise to at most %(limit_value)d characters "
                    "(it has %(show_value)d)."
                ),
            )
        )
        if activities is not None:
            self._add_activities_field(activities)

    def clean(self):
        data = super().clean()
        if data.get("target_count") and not data.get("target_unit"):
            self.add_error("target_unit", _("A target needs a unit (per week, per year …)."))
        return data


class PromiseActivitiesForm(ActivityLinksMixin, forms.Form):
    def __init__(self, *args, activities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._add_activities_field(activities)


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

    def clean(self):
        data = super().clean()
        check_period(self)
        return data


class DialogueForm(ScrubbingFormMixin, forms.ModelForm):
    class Meta:
        model = CitizenDialogue
        fields = ["held_on", "method", "participants", "outcome"]
        widgets = {"outcome": forms.Textarea(attrs={"rows": 2})}
