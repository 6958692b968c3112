from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AuditEntry

ACTION_CHOICES = [("", _("All"))] + [
    (str(value), label) for value, label in AuditEntry.Action.choices
]


class AuditFilterForm(forms.Form):
    """Filters of the auditor's list and exports; every field optional."""

    from_on = forms.DateField(label=_("From (date)"), required=False)
    to_on = forms.DateField(label=_("To (date)"), required=False)
    action = forms.ChoiceField(label=_("Action"), choices=ACTION_CHOICES, required=False)
    actor = forms.CharField(label=_("User name"), required=False, max_length=150)
    object_type = forms.CharField(label=_("Record type"), required=False, max_length=100)
    object_pk = forms.CharField(label=_("Record id"), required=False, max_length=64)

    def clean(self):
        data = super().clean()
        if data.get("from_on") and data.get("to_on") and data["from_on"] > data["to_on"]:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return data

    def apply(self, entries):
        """Filter the ``entries`` queryset by the cleaned values (dates inclusive, local)."""
        data = self.cleaned_data
        if data.get("from_on"):
            entries = entries.filter(timestamp__date__gte=data["from_on"])
        if data.get("to_on"):
            entries = entries.filter(timestamp__date__lte=data["to_on"])
        if data.get("action"):
            entries = entries.filter(action=int(data["action"]))
        if data.get("actor"):
            entries = entries.filter(actor__username__icontains=data["actor"])
        if data.get("object_type"):
            entries = entries.filter(content_type__model__iexact=data["object_type"])
        if data.get("object_pk"):
            entries = entries.filter(object_pk=data["object_pk"])
        return entries
