from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.common.forms import ScrubbingFormMixin

from .summaries import latest_event_date


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


class SituationSummaryForm(ScrubbingFormMixin, PartiesMixin, forms.Form):
    """Period, scope, parties and text of a public situation summary.

    ``figures`` carries the digest of the previewed figures (summaries.figures_digest)
    from the preview to the save, so a change in between is noticed. The period must
    start on or before the latest incident date of the police events in scope (the
    chosen municipality, else the tenant's); a period that ends after it is accepted,
    and ``data_ends_on`` (None otherwise) is that date, for ``partial_period_warning``.
    Title and text are scrubbed (``scrub_results``; the view warns about removals).
    """

    scrubbed_fields = ("title", "body")
    data_ends_on = None

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
        self.municipalities = municipalities
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
            else:
                self._check_data_period(start, end, cleaned.get("municipality"))
        return cleaned

    def _check_data_period(self, start, end, municipality) -> None:
        latest = latest_event_date([municipality] if municipality else self.municipalities)
        if latest is None:
            self.add_error("start", _("There are no police events to summarise yet."))
        elif start > latest:
            self.add_error(
                "start",
                _("The data go up to %(day)s. Choose a period that starts on or before that day.")
                % {"day": latest.isoformat()},
            )
        elif end > latest:
            self.data_ends_on = latest

    def partial_period_warning(self) -> str:
        """The warning for a period that ends after the data (``data_ends_on``)."""
        return _("The data go up to %(day)s. The figures cover the period only up to that day.") % {
            "day": self.data_ends_on.isoformat()
        }


class CommunicationPlanForm(ScrubbingFormMixin, forms.Form):
    """The four parts of an agreement's communication plan; ``based_on`` is the plan's
    ``updated_at`` when the writer opened it (services.update_communication_plan).
    The four texts are scrubbed (``scrub_results``; the view warns about removals)."""

    scrubbed_fields = ("purpose", "main_message", "target_groups", "channels")

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
