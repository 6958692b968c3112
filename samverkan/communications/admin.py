"""The admin of joint communication: for platform operators (superusers) to look things
up, not to change them.

Drafts, versions, approvals and publications are written only through services.py (the
two-party rule, append-only versions); changing them here would go around both parties'
approval, so every model is read-only in the admin. Tenant administrators hold no Django
model permissions and get 403 here (docs/security.md, "The admin site").
"""

from django.contrib import admin

from samverkan.common.admin import ReadOnlyAdmin, ReadOnlyAdminMixin

from .models import (
    Approval,
    Comment,
    CommunicationPlan,
    CommunicationVersion,
    JointCommunication,
    Publication,
)


class VersionInline(ReadOnlyAdminMixin, admin.TabularInline):
    model = CommunicationVersion
    fields = ["number", "title", "digest", "created_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(JointCommunication)
class JointCommunicationAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "kind", "tenant", "agreement", "updated_at"]
    list_filter = ["tenant", "kind"]
    inlines = [VersionInline]


@admin.register(CommunicationVersion)
class CommunicationVersionAdmin(ReadOnlyAdmin):
    list_display = ["title", "number", "communication", "created_by", "created_at"]
    list_filter = ["communication__tenant", "communication__kind"]


@admin.register(Approval)
class ApprovalAdmin(ReadOnlyAdmin):
    list_display = ["version", "organisation", "approved_by", "approved_at"]
    list_filter = ["organisation__tenant"]


@admin.register(Publication)
class PublicationAdmin(ReadOnlyAdmin):
    list_display = ["version", "published_at", "published_by", "withdrawn_at"]
    list_filter = ["communication__tenant", "communication__kind"]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "communication", "author", "created_at"]


@admin.register(CommunicationPlan)
class CommunicationPlanAdmin(ReadOnlyAdmin):
    list_display = ["agreement", "updated_at"]
    list_filter = ["agreement__tenant"]
