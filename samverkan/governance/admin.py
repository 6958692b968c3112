from django.contrib import admin

from .models import (
    AgendaItem,
    CalendarEntry,
    Decision,
    Group,
    GroupMember,
    Meeting,
    Referral,
    ReferralRecipient,
    Statement,
)


class GroupMemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "tenant", "agreement"]
    list_filter = ["tenant", "kind"]
    inlines = [GroupMemberInline]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["group", "held_on", "adjusted_on", "adjusted_immediately"]
    inlines = [AgendaItemInline]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["text", "responsible_organisation", "due_on", "done_on"]


@admin.register(CalendarEntry)
class CalendarEntryAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "first_on", "recurrence", "tenant"]
    filter_horizontal = ["responsible_organisations"]


class RecipientInline(admin.TabularInline):
    model = ReferralRecipient
    extra = 0


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ["case_number", "title", "status", "deadline_on", "tenant"]
    inlines = [RecipientInline]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["recipient", "decided_on", "public"]
