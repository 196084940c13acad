"""The board and its subgroups, and who sits on them."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import selectors, services
from ..forms import GroupForm, MembershipEndForm, MembershipForm
from ..models import Group, Membership


class GroupListView(RulePermissionMixin, View):
    permission_required = "partnership.list_groups"
    crumb_title = "Groups"

    def get(self, request):
        return render(
            request,
            "partnership/group_list.html",
            {
                "groups": selectors.group_list(),
                "can_add": request.user.has_perm("partnership.manage_groups"),
                "section": "groups",
            },
        )


class GroupDetailView(RecordMixin, RulePermissionMixin, View):
    permission_required = "partnership.view_group"
    crumb_parent = "partnership:group_list"

    @staticmethod
    def crumb_title(group: Group) -> str:
        return group.name

    model = Group

    def get_queryset(self):
        return Group.objects.select_related("parent")

    def get(self, request, pk):
        group = self.get_object()
        current, past = selectors.group_memberships(group=group)
        return render(
            request,
            "partnership/group_detail.html",
            {
                "group": group,
                "current": current,
                "past": past,
                "subgroups": group.subgroups.all(),
                "can_manage": request.user.has_perm("partnership.manage_groups", group),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class GroupCreateView(ServiceFormView):
    permission_required = "partnership.manage_groups"
    form_class = GroupForm
    heading = "Add a group"

    def call_service(self, data):
        return services.group_create(**data)

    def success_message(self, record):
        return f"{record.name} added."

    crumb_parent = "partnership:group_list"


class GroupEditView(RecordMixin, ServiceFormView):
    permission_required = "partnership.manage_groups"
    model = Group
    form_class = GroupForm
    heading = "Change the group"

    def initial(self):
        group = self.get_object()
        return {
            "name": group.name,
            "kind": group.kind,
            "parent": group.parent,
            "purpose": group.purpose,
        }

    def call_service(self, data):
        return services.group_update(group=self.get_object(), **data)

    def success_message(self, record):
        return f"{record.name} changed."

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().name}


class MembershipAddView(RecordMixin, ServiceFormView):
    permission_required = "partnership.manage_groups"
    model = Group
    form_class = MembershipForm
    heading = "Add a member"

    def initial(self):
        return {"role": Membership.Role.MEMBER, "started_on": timezone.localdate()}

    def call_service(self, data):
        return services.membership_add(group=self.get_object(), **data)

    def success_message(self, record):
        return f"{record.person.full_name} added to {record.group.name}."

    def success_url(self, record):
        return record.group.get_absolute_url()

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().name}


class MembershipEndView(RecordMixin, ServiceFormView):
    permission_required = "partnership.manage_groups"
    model = Membership
    form_class = MembershipEndForm
    heading = "End a membership"

    def get_queryset(self):
        return Membership.objects.select_related("group", "person")

    def get_permission_object(self):
        return self.get_object().group

    def initial(self):
        return {"ended_on": timezone.localdate()}

    def call_service(self, data):
        return services.membership_end(membership=self.get_object(), **data)

    def success_message(self, record):
        return f"{record.person.full_name}\u2019s membership of {record.group.name} has ended."

    def success_url(self, record):
        return record.group.get_absolute_url()

    @staticmethod
    def crumb_parent(membership) -> Group:
        return membership.group

    def page_context(self):
        membership = self.get_object()
        return {
            "caption": membership.group.name,
            "lead": f"{membership.person.full_name}, {membership.get_role_display().lower()} "
            f"since {date_format(membership.started_on)}.",
        }
