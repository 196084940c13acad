"""People of the partnership and their accounts."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.views import View

from safeboard.core.service_views import RecordMixin, ServiceFormView
from safeboard.core.views_mixins import RulePermissionMixin

from .. import account_services, selectors, services
from ..forms import AccountForm, PersonFilterForm, PersonForm
from ..models import Person

PAGE_SIZE = 50
PERSON_FIELDS = ("full_name", "job_title", "agency", "email", "phone", "is_active")


def _crumbs() -> list[dict]:
    return [{"text": "People", "href": reverse("partnership:person_list")}]


class PersonListView(RulePermissionMixin, View):
    permission_required = "partnership.list_people"

    def get(self, request):
        filter_form = PersonFilterForm(request.GET or None)
        agency, search = None, ""
        if filter_form.is_valid():
            agency, search = filter_form.cleaned_data["agency"], filter_form.cleaned_data["search"]
        people = selectors.person_list(agency_id=agency.pk if agency else None, search=search)
        page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return render(
            request,
            "partnership/person_list.html",
            {
                "page": page,
                "filter_form": filter_form,
                "query": query.urlencode(),
                "can_add": request.user.has_perm("partnership.manage_people"),
                "section": "people",
            },
        )


class PersonRecordMixin(RecordMixin):
    model = Person

    def get_queryset(self):
        return Person.objects.select_related("agency")


class PersonDetailView(PersonRecordMixin, RulePermissionMixin, View):
    permission_required = "partnership.view_person"

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
                "crumbs": [*_crumbs(), {"text": person.full_name}],
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

    def crumbs(self):
        return _crumbs()


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

    def crumbs(self):
        person = self.get_object()
        return [*_crumbs(), {"text": person.full_name, "href": person.get_absolute_url()}]

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

    def crumbs(self):
        person = self.get_object()
        return [*_crumbs(), {"text": person.full_name, "href": person.get_absolute_url()}]

    def page_context(self):
        person = self.get_object()
        return {"caption": person.full_name, "account_email": person.email}
