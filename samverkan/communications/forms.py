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


def govuk_classes(form: forms.Form) -> None:
    """Give visible widgets GOV.UK Frontend classes (and link their hints)."""
    for name, field in form.fields.items():
        widget = field.widget
        if widget.is_hidden:
            continue
        css = {
            forms.Textarea: "govuk-textarea",
            forms.Select: "govuk-select",
        }.get(type(widget), "govuk-input")
        if "class" not in widget.attrs:
            widget.attrs["class"] = css
        if field.help_text:
            widget.attrs["aria-describedby"] = f"id_{name}-hint"


class PartiesMixin:
    """A municipal and a police party, chosen among the tenant's organisations."""

    def set_party_choices(self, organisations) -> None:
        self.fields["municipal_party"].queryset = organisations.exclude(
            kind__in=["police_region", "police_area"]
        )
        self.fields["police_party"].queryset = organisations.filter(
            kind__in=["police_region", "police_area"]
        )


def _date_field(label) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(
            format="%Y-%m-%d", attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}
        ),
        error_messages={
            "required": _("Enter a date."),
            "invalid": _("Enter a date as YYYY-MM-DD, for example 2025-01-31."),
        },
    )


MAX_SUMMARY_DAYS = 3653


class SituationSummaryForm(PartiesMixin, forms.Form):
    """Period, scope, parties and text of a public situation summary.

    ``figures`` carries the digest of the previewed figures (summaries.figures_digest)
    from the preview to the save, so a change in between is noticed.
    """

    start = _date_field(_("From"))
    end = _date_field(_("To"))
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=None,
        required=False,
        empty_label=_("All the tenant's municipalities"),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "What the figures show and what the parties do about it. Write about places, "
            "never about persons, and quote no observation's text."
        ),
    )
    municipal_party = forms.ModelChoiceField(label=_("Municipal party"), queryset=None)
    police_party = forms.ModelChoiceField(label=_("Police party"), queryset=None)
    figures = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organisations=None, municipalities=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        govuk_classes(self)
        self.set_party_choices(organisations)
        self.fields["municipality"].queryset = municipalities
        if municipalities.count() < 2:
            # One municipality: nothing to choose (the summary covers it).
            del self.fields["municipality"]

    def clean(self) -> dict:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if start > end:
                self.add_error("end", _("The end date must be on or after the start date."))
            elif (end - start).days + 1 > MAX_SUMMARY_DAYS:
                self.add_error(
                    "end",
                    _("Choose a period of at most %(days)d days.") % {"days": MAX_SUMMARY_DAYS},
                )
        return cleaned


class CommunicationPlanForm(forms.Form):
    """The four parts of an agreement's communication plan; ``based_on`` is the plan's
    ``updated_at`` when the writer opened it (services.update_communication_plan)."""

    purpose = forms.CharField(
        label=_("Purpose"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the parties communicate about the agreement."),
    )
    main_message = forms.CharField(
        label=_("Main message"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The one thing every reader should take away."),
    )
    target_groups = forms.CharField(
        label=_("Target groups"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example residents, businesses, schools, property owners."),
    )
    channels = forms.CharField(
        label=_("Channels"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example the public page, the city's web site, polisen.se, meetings."),
    )
    based_on = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        govuk_classes(self)
