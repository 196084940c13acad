"""People of the partnership and their accounts."""

from __future__ import annotations

from django.shortcuts import render
from django.views import View

from safeboard.core import breadcrumbs
from safeboard.core.list_views import FilteredListView
from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import account_services, selectors, services
from ..forms import AccountForm, PersonFilterForm, PersonForm
from ..models import Person

PAGE_SIZE = 50
PERSON_FIELDS = ("full_name", "job_title", "agency", "email", "phone", "is_active")


class PersonListView(FilteredListView):
    permission_required = "partnership.list_people"
    crumb_title = "People"
    template_name = "partnership/person_list.html"
    filter_form_class = PersonFilterForm
    page_size = PAGE_SIZE

    def filters(self, data: dict | None) -> dict:
        if data is None:
            return {"agency_id": None, "search": ""}
        agency = data["agency"]
        return {"agency_id": agency.pk if agency else None, "search": data["search"]}

    def get_rows(self, filters: dict):
        return selectors.person_list(**filters)

    def page_context(self, rows) -> dict:
        return {
            "can_add": self.request.user.has_perm("partnership.manage_people"),
            "section": "people",
        }


class PersonRecordMixin(RecordMixin):
    model = Person

    def get_queryset(self):
        return Person.objects.select_related("agency")


class PersonDetailView(PersonRecordMixin, RulePermissionMixin, View):
    permission_required = "partnership.view_person"
    crumb_parent = "partnership:person_list"

    @staticmethod
    def crumb_title(person) -> str:
        return person.full_name

    def get(self, request, pk):
        person = self.get_object()
        user = request.user
        return render(
            request,
            "partnership/person_detail.html",
            {
                "person": person,
                "memberships": selectors.person_memberships(person=person),
                "account": selectors.person_account(person=person),
                "can_edit": user.has_perm("partnership.manage_people", person),
                "can_manage_account": user.has_perm("partnership.manage_accounts", person),
                "crumbs": breadcrumbs.page_trail(self),
            },
        )


class PersonCreateView(ServiceFormView):
    permission_required = "partnership.manage_people"
    form_class = PersonForm
    heading = "Add a person"

    def initial(self):
        return {"agency": self.request.GET.get("agency")}

    def call_service(self, data):
        return services.person_create(**data)

    def success_message(self, record):
        return f"{record.full_name} added."

    crumb_parent = "partnership:person_list"


class PersonEditView(PersonRecordMixin, ServiceFormView):
    permission_required = "partnership.manage_people"
    form_class = PersonForm
    heading = "Change the person\u2019s details"

    def initial(self):
        person = self.get_object()
        return {field: getattr(person, field) for field in PERSON_FIELDS}

    def call_service(self, data):
        return services.person_update(person=self.get_object(), **data)

    def success_message(self, record):
        return f"{record.full_name}\u2019s details changed."

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        return {"caption": self.get_object().full_name}


class PersonAccountView(PersonRecordMixin, ServiceFormView):
    """The business manager creates a person's account, or changes its roles and access."""

    permission_required = "partnership.manage_accounts"
    form_class = AccountForm

    @property
    def account(self):
        if not hasattr(self, "_account"):
            self._account = selectors.person_account(person=self.get_object())
        return self._account

    @property
    def heading(self):
        return "Create an account" if self.account is None else "Change the account"

    def form_kwargs(self):
        return {"is_new": self.account is None}

    def initial(self):
        if self.account is None:
            return {"is_active": True}
        return {"is_active": self.account.is_active, "roles": sorted(self.account.roles)}

    def call_service(self, data):
        site_url = self.request.build_absolute_uri("/")
        if self.account is None:
            return account_services.account_create(
                person=self.get_object(),
                roles=data["roles"],
                is_active=data["is_active"],
                created_by=self.request.user,
                site_url=site_url,
            )
        return account_services.account_update(
            user=self.account,
            roles=data["roles"],
            is_active=data["is_active"],
            send_password_email=data["send_password_email"],
            changed_by=self.request.user,
            site_url=site_url,
        )

    def success_message(self, record):
        if self.account is None:
            return f"Account created. {record.email} has been sent an email to set a password."
        return "Account changed."

    def success_url(self, record):
        return self.get_object().get_absolute_url()

    crumb_parent: breadcrumbs.Parent = breadcrumbs.record

    def page_context(self):
        person = self.get_object()
        return {"caption": person.full_name, "account_email": person.email}
