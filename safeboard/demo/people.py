"""The demo partnership's agencies, people and accounts, with their roles and second factors."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import cached_property

from django.contrib.auth.hashers import make_password

from safeboard.accounts.factories import RoleAssignmentFactory, TOTPDeviceFactory, UserFactory
from safeboard.accounts.models import RoleAssignment, User
from safeboard.accounts.roles import Role
from safeboard.accounts.services import hex_key_from_base32
from safeboard.core.history import history_stamps
from safeboard.partnership.factories import AgencyFactory, PersonFactory
from safeboard.partnership.models import Agency, Person

from .names import COUNTY, PARTNERSHIP_NAME, NameBook, email_for
from .timeline import Clock

T = Agency.Type


@dataclass(frozen=True)
class AgencySpec:
    key: str
    name: str
    short_name: str
    type: str
    statutory: bool = False


AGENCIES = (
    AgencySpec("la", f"{COUNTY} County Council Children's Services", "Children's Services", T.LOCAL_AUTHORITY, statutory=True),
    AgencySpec("police", f"{COUNTY} Police", "Police", T.POLICE, statutory=True),
    AgencySpec("icb", f"NHS {COUNTY} Integrated Care Board", "ICB", T.HEALTH_ICB, statutory=True),
    AgencySpec("acute", "Brackford Hospitals NHS Foundation Trust", "Brackford Hospitals", T.HEALTH_TRUST),
    AgencySpec("community", f"{COUNTY} Community and Mental Health NHS Trust", "Community Trust", T.HEALTH_TRUST),
    AgencySpec("gp", "Holtham Vale Primary Care Network", "Holtham Vale PCN", T.HEALTH_GP),
    AgencySpec("schools", f"{COUNTY} Association of Head Teachers", "Head Teachers", T.EDUCATION),
    AgencySpec("academies", "Northgate Learning Trust", "Northgate Trust", T.EDUCATION),
    AgencySpec("college", "Brackford College", "Brackford College", T.EDUCATION),
    AgencySpec("probation", f"Probation Service, {COUNTY} Delivery Unit", "Probation", T.PROBATION),
    AgencySpec("yjs", f"{COUNTY} Youth Justice Service", "Youth Justice", T.YOUTH_JUSTICE),
    AgencySpec("cvs", f"{COUNTY} Council for Voluntary Service", "CVS", T.VOLUNTARY),
    AgencySpec("lanterns", "Lanterns Children's Charity", "Lanterns", T.VOLUNTARY),
    AgencySpec("harbour", "Safe Harbour Domestic Abuse Service", "Safe Harbour", T.VOLUNTARY),
    AgencySpec("unit", f"{PARTNERSHIP_NAME} Business Unit", "Business Unit", T.OTHER),
)  # fmt: skip

# The agency whose representatives too often send apologies, or nobody: the attendance
# report should make it stand out.
POOR_ATTENDER = "probation"


@dataclass(frozen=True)
class PersonSpec:
    key: str
    role: str
    agency: str
    job_title: str
    alias: str = ""  # a memorable login, e.g. "manager" for manager@demo.safeboard.test
    active: bool = True
    joined_days_ago: int = 900


R = Role
PEOPLE = (
    # The business unit, the independent chair and the lay members.
    PersonSpec("manager", R.BUSINESS_MANAGER, "unit", "Partnership Business Manager", "manager"),
    PersonSpec("chair", R.CHAIR, "unit", "Independent Chair and Scrutineer", "chair"),
    PersonSpec("learning", R.LEARNING_OFFICER, "unit", "Learning and Development Officer", "learning"),
    PersonSpec("learning.2", R.LEARNING_OFFICER, "unit", "Training Coordinator"),
    PersonSpec("auditor", R.AUDITOR, "unit", "Quality Assurance Officer", "auditor"),
    PersonSpec("analyst", R.AGENCY_LEAD, "unit", "Partnership Performance Analyst"),
    PersonSpec("lay.1", R.LAY_MEMBER, "unit", "Lay member", "lay", joined_days_ago=290),
    PersonSpec("lay.2", R.LAY_MEMBER, "unit", "Lay member", joined_days_ago=120),
    # Board members: the three safeguarding partners and the relevant agencies.
    PersonSpec("la.board", R.BOARD_MEMBER, "la", "Director of Children's Services"),
    PersonSpec("police.board", R.BOARD_MEMBER, "police", "Detective Chief Superintendent, Head of Public Protection", "board"),
    PersonSpec("icb.board.former", R.BOARD_MEMBER, "icb", "Chief Nurse", active=False),
    PersonSpec("icb.board", R.BOARD_MEMBER, "icb", "Chief Nursing Officer", joined_days_ago=40),
    PersonSpec("acute.board", R.BOARD_MEMBER, "acute", "Chief Nurse"),
    PersonSpec("community.board", R.BOARD_MEMBER, "community", "Director of Nursing and Quality"),
    PersonSpec("schools.board", R.BOARD_MEMBER, "schools", "Head Teacher, Ashcombe Primary School"),
    PersonSpec("probation.board", R.BOARD_MEMBER, "probation", "Head of the Delivery Unit"),
    PersonSpec("yjs.board", R.BOARD_MEMBER, "yjs", "Head of Youth Justice"),
    PersonSpec("cvs.board", R.BOARD_MEMBER, "cvs", "Chief Executive"),
    PersonSpec("gp.board", R.BOARD_MEMBER, "gp", "Named GP for Safeguarding Children"),
    # Agency leads and data contacts.
    PersonSpec("la.lead", R.AGENCY_LEAD, "la", "Head of Quality Assurance"),
    PersonSpec("police.lead", R.AGENCY_LEAD, "police", "Detective Inspector, Partnership Lead", "lead"),
    PersonSpec("icb.lead", R.AGENCY_LEAD, "icb", "Designated Nurse for Safeguarding Children"),
    PersonSpec("acute.lead", R.AGENCY_LEAD, "acute", "Named Nurse for Safeguarding Children"),
    PersonSpec("community.lead", R.AGENCY_LEAD, "community", "Named Nurse, Safeguarding Children"),
    PersonSpec("gp.lead", R.AGENCY_LEAD, "gp", "Practice Safeguarding Lead"),
    PersonSpec("schools.lead", R.AGENCY_LEAD, "schools", "Education Safeguarding Adviser"),
    PersonSpec("academies.lead", R.AGENCY_LEAD, "academies", "Trust Safeguarding Lead"),
    PersonSpec("college.lead", R.AGENCY_LEAD, "college", "Designated Safeguarding Lead"),
    PersonSpec("probation.lead", R.AGENCY_LEAD, "probation", "Senior Probation Officer"),
    PersonSpec("yjs.lead", R.AGENCY_LEAD, "yjs", "Youth Justice Team Manager"),
    PersonSpec("lanterns.lead", R.AGENCY_LEAD, "lanterns", "Head of Services"),
    PersonSpec("harbour.lead", R.AGENCY_LEAD, "harbour", "Service Manager"),
    # Auditors of multi-agency case audits.
    PersonSpec("la.auditor", R.AUDITOR, "la", "Practice Standards Manager"),
    PersonSpec("police.auditor", R.AUDITOR, "police", "Detective Sergeant, Multi-Agency Safeguarding Hub"),
    # Readers: councillors and the police and crime commissioner's office.
    PersonSpec("la.lead_member", R.READER, "la", "Lead Member for Children's Services (councillor)", "reader"),
    PersonSpec("la.scrutiny", R.READER, "la", "Chair of the Children's Scrutiny Committee (councillor)"),
    PersonSpec("police.pcc", R.READER, "police", "Head of Policy, Office of the Police and Crime Commissioner"),
    # Practitioners.
    PersonSpec("community.hv", R.PRACTITIONER, "community", "Health Visitor", "practitioner"),
    PersonSpec("la.sw", R.PRACTITIONER, "la", "Social Worker, Children in Need Team"),
    PersonSpec("la.ssw", R.PRACTITIONER, "la", "Senior Social Worker, Assessment Team"),
    PersonSpec("la.fsw", R.PRACTITIONER, "la", "Family Support Worker"),
    PersonSpec("la.cpc", R.PRACTITIONER, "la", "Child Protection Chair"),
    PersonSpec("la.exploitation", R.PRACTITIONER, "la", "Exploitation Social Worker"),
    PersonSpec("la.early_help", R.PRACTITIONER, "la", "Early Help Coordinator"),
    PersonSpec("police.dc", R.PRACTITIONER, "police", "Detective Constable, Child Abuse Investigation Team"),
    PersonSpec("police.missing", R.PRACTITIONER, "police", "Missing Persons Coordinator"),
    PersonSpec("acute.liaison", R.PRACTITIONER, "acute", "Paediatric Liaison Nurse"),
    PersonSpec("acute.ed", R.PRACTITIONER, "acute", "Emergency Department Sister"),
    PersonSpec("community.school_nurse", R.PRACTITIONER, "community", "School Nurse"),
    PersonSpec("community.camhs", R.PRACTITIONER, "community", "Child and Adolescent Mental Health Practitioner"),
    PersonSpec("gp.partner", R.PRACTITIONER, "gp", "GP Partner"),
    PersonSpec("schools.dsl", R.PRACTITIONER, "schools", "Designated Safeguarding Lead, Ashcombe Primary School"),
    PersonSpec("academies.pastoral", R.PRACTITIONER, "academies", "Pastoral Lead, Northgate Academy"),
    PersonSpec("college.welfare", R.PRACTITIONER, "college", "Student Welfare Officer"),
    PersonSpec("probation.po", R.PRACTITIONER, "probation", "Probation Officer"),
    PersonSpec("yjs.officer", R.PRACTITIONER, "yjs", "Youth Justice Officer"),
    PersonSpec("cvs.volunteers", R.PRACTITIONER, "cvs", "Volunteer Coordinator"),
    PersonSpec("lanterns.worker", R.PRACTITIONER, "lanterns", "Children's Worker"),
    PersonSpec("harbour.idva", R.PRACTITIONER, "harbour", "Independent Domestic Violence Adviser"),
    PersonSpec("harbour.cyp", R.PRACTITIONER, "harbour", "Children and Young People's Worker"),
)  # fmt: skip

# Fixed, public secrets so that anyone trying the demo can enrol an authenticator app.
# Production refuses to run the demo at all.
TOTP_SECRETS = {
    "manager": "DEMOMANAGERTOTPSECRETSAFEBOARD22",
    "chair": "DEMOCHAIRTOTPSECRETSAFEBOARDKEY2",
}


@dataclass
class Directory:
    """Who is who in the demo partnership, by the keys of PEOPLE and AGENCIES."""

    agencies: dict[str, Agency]
    people: dict[str, Person]
    users: dict[str, User]
    specs: dict[str, PersonSpec]
    totp_secrets: dict[str, str] = field(default_factory=dict)  # by person key

    @property
    def manager(self) -> User:
        return self.users["manager"]

    def user_of(self, person: Person) -> User:
        return self._users_by_person_id[person.pk]

    def role_of(self, person: Person) -> str:
        return self._specs_by_person_id[person.pk].role

    def active_people_of(self, agency_key: str, *roles: str) -> list[Person]:
        return [
            self.people[key]
            for key, spec in self.specs.items()
            if spec.agency == agency_key and spec.active and (not roles or spec.role in roles)
        ]

    @cached_property
    def _users_by_person_id(self) -> dict[int, User]:
        return {user.person_id: user for user in self.users.values() if user.person_id is not None}

    @cached_property
    def _specs_by_person_id(self) -> dict[int, PersonSpec]:
        return {self.people[key].pk: spec for key, spec in self.specs.items()}


def build_people(*, rng: random.Random, clock: Clock, password: str) -> Directory:
    agencies = _build_agencies(clock)
    people = _build_people(rng, clock, agencies)
    users = _build_accounts(clock, people, password)
    directory = Directory(agencies, people, users, {spec.key: spec for spec in PEOPLE})
    directory.totp_secrets = _build_totp_devices(users)
    return directory


def _build_agencies(clock: Clock) -> dict[str, Agency]:
    agencies = [
        Agency(name=s.name, short_name=s.short_name, type=s.type, is_statutory_partner=s.statutory)
        for s in AGENCIES
    ]
    for agency in agencies:
        history_stamps(agency)._history_date = clock.at(clock.days_ago(1000), hour=9)
    AgencyFactory.create_in_bulk(agencies, with_history=True)
    return {spec.key: agency for spec, agency in zip(AGENCIES, agencies, strict=True)}


def _build_people(
    rng: random.Random, clock: Clock, agencies: dict[str, Agency]
) -> dict[str, Person]:
    names = NameBook(rng)
    people = []
    for spec in PEOPLE:
        full_name = names.full_name()
        person = Person(
            full_name=full_name,
            job_title=spec.job_title,
            agency=agencies[spec.agency],
            email=email_for(full_name, spec.alias),
            phone=f"01632 960{rng.randint(0, 999):03d}",  # Ofcom keeps 01632 960xxx for drama
            is_active=spec.active,
        )
        history_stamps(person)._history_date = clock.at(
            clock.days_ago(spec.joined_days_ago), hour=9
        )
        people.append(person)
    PersonFactory.create_in_bulk(people, with_history=True)
    return {spec.key: person for spec, person in zip(PEOPLE, people, strict=True)}


def _build_accounts(clock: Clock, people: dict[str, Person], password: str) -> dict[str, User]:
    # One hash for every demo account: hashing sixty times would take most of the build,
    # and the demo's password is public anyway.
    password_hash = make_password(password)
    users = {
        spec.key: User(
            email=people[spec.key].email,
            person=people[spec.key],
            password=password_hash,
            is_active=spec.active,
            date_joined=clock.at(clock.days_ago(spec.joined_days_ago), hour=9),
        )
        for spec in PEOPLE
    }
    UserFactory.create_in_bulk(users.values())
    RoleAssignmentFactory.create_in_bulk(
        RoleAssignment(user=users[spec.key], role=spec.role) for spec in PEOPLE
    )
    return users


def _build_totp_devices(users: dict[str, User]) -> dict[str, str]:
    secrets = {}
    for key, user in users.items():
        if not user.requires_two_factor:
            continue
        secret = TOTP_SECRETS.get(key)
        if secret is None:
            raise LookupError(f"The demo account {user.email} needs a fixed TOTP secret.")
        TOTPDeviceFactory(
            user=user, name="Authenticator app", key=hex_key_from_base32(secret), confirmed=True
        )
        secrets[key] = secret
    return secrets
