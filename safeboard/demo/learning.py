"""The demo's training: roles, agency email domains, 20 courses, two years of sessions, 1,500
practitioners, their bookings, attendance, evaluations and follow-ups, the needs matrix and
the agencies' headcounts.

Everything is written in bulk (the volume is `scale` times the demo's, so that the benchmark
can build ten times as much). It looks up what it builds on (agencies, accounts, themes,
priorities, and case reviews when the demo has them) in the database.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict, deque
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from safeboard.accounts.models import User
from safeboard.accounts.roles import Role
from safeboard.core.factories import ModelFactory
from safeboard.learning.factories import (
    AgencyDomainFactory,
    BookingFactory,
    ChargeFactory,
    CourseFactory,
    CourseJobRoleFactory,
    CoursePriorityFactory,
    CourseReviewFactory,
    CourseThemeFactory,
    EvaluationFactory,
    EventFactory,
    FollowUpFactory,
    HeadcountFactory,
    JobRoleFactory,
    LearnerFactory,
    LearningOutcomeFactory,
    OutcomeRatingFactory,
    SessionFactory,
    TrainingNeedFactory,
)
from safeboard.learning.models import (
    AgencyDomain,
    Booking,
    Charge,
    Course,
    Evaluation,
    Event,
    FollowUp,
    Headcount,
    JobRole,
    Learner,
    LearningOutcome,
    OutcomeRating,
    Session,
    TrainingNeed,
)
from safeboard.partnership.models import Agency
from safeboard.priorities.models import Priority
from safeboard.reviews.models import Review
from safeboard.themes.models import Theme

from . import learning_texts as texts
from .names import FIRST_NAMES, SURNAMES, email_for
from .people import AGENCIES
from .plan_texts import PRIORITIES
from .timeline import Clock, Versions

LEARNERS = 1_500
SESSIONS = 150
CONFERENCES = 2
FIRST_SESSION_DAYS_AGO = 800
LAST_SESSION_DAYS_AHEAD = 75
ATTENDED_SHARE = 0.85
EVALUATED_SHARE = 0.8
FOLLOW_UP_AFTER_DAYS = 91
FOLLOW_UP_ANSWERED_SHARE = 0.5
# Confidence three months on, by answer: those whose practice changed feel surer. Drawn from
# a generator of its own so the rest of the demo draws what it drew before.
FOLLOW_UP_CONFIDENCE = {"yes": (4, 5, 5), "partly": (3, 4, 4), "no": (2, 3, 3)}
FOLLOW_UP_CONFIDENCE_SKIPPED_SHARE = 0.15  # the question is optional
FOLLOW_UP_CONFIDENCE_SEED = 91
CANCELLATION_CHANCE = 0.2  # that a session has a place booked and then cancelled
MANAGER_SHARE = 0.08
JITTER = 0.15  # how far a course's own draw moves a practitioner from their usual place
CAPACITY = {"basic": 60, "core": 40, "specialist": 20, "leadership": 16}
B = Booking


@dataclass
class Built:
    roles: dict[str, JobRole]
    agencies: dict[str, Agency]
    courses: dict[str, Course] = field(default_factory=dict)
    outcomes: dict[int, list[LearningOutcome]] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    learners: list[Learner] = field(default_factory=list)
    bookings: list[Booking] = field(default_factory=list)


def build_learning(*, rng: random.Random, clock: Clock, scale: int = 1) -> dict[str, int]:
    """Build the demo's training into the demo partnership; returns what was made, counted."""
    staff = _training_staff()
    built = Built(roles=_job_roles(), agencies=_agencies())
    _agency_domains(built)
    _courses(built, clock, staff)
    _sessions(built, rng, clock, staff, scale)
    _learners(built, rng, scale)
    practitioner = _practitioner(built, rng, staff)
    _bookings(built, rng, staff, practitioner)
    evaluations = _evaluations(built, rng, practitioner)
    follow_ups = _follow_ups(built, rng, clock)
    charges = _charges(built)
    headcounts = _headcounts(built, rng, clock, staff)
    return {
        "courses": len(built.courses),
        "sessions": len(built.sessions),
        "learners": len(built.learners),
        "bookings": len(built.bookings),
        "evaluations": evaluations,
        "follow-ups": follow_ups,
        "charges": charges,
        "headcounts": headcounts,
    }


@dataclass(frozen=True)
class TrainingStaff:
    officer: User
    coordinator: User | None
    practitioner: User | None


def _training_staff() -> TrainingStaff:
    officers = list(
        User.objects.filter(role_assignments__role=Role.LEARNING_OFFICER).order_by("pk")
    )
    practitioner = User.objects.filter(email=email_for("", "practitioner")).first()
    return TrainingStaff(
        officer=next(u for u in officers if u.email == email_for("", "learning")),
        coordinator=next((u for u in officers if u.email != email_for("", "learning")), None),
        practitioner=practitioner,
    )


def _agencies() -> dict[str, Agency]:
    by_name = {agency.name: agency for agency in Agency.objects.all()}
    return {spec.key: by_name[spec.name] for spec in AGENCIES if spec.name in by_name}


def _job_roles() -> dict[str, JobRole]:
    roles = [
        JobRole(name=name, position=position)
        for position, name in enumerate(texts.JOB_ROLES.values(), start=1)
    ]
    JobRoleFactory.create_in_bulk(roles)
    return dict(zip(texts.JOB_ROLES, roles, strict=True))


def _agency_domains(built: Built) -> None:
    AgencyDomainFactory.create_in_bulk(
        AgencyDomain(agency=built.agencies[key], domain=domain)
        for key, (domain, _, _) in texts.AGENCY_WORKFORCE.items()
        if key in built.agencies
    )


def _courses(built: Built, clock: Clock, staff: TrainingStaff) -> None:
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    by_title = {
        p.title: p for p in Priority.objects.filter(title__in=[s.title for s in PRIORITIES])
    }
    priorities = {spec.key: by_title[spec.title] for spec in PRIORITIES if spec.title in by_title}
    versions = Versions()
    created = clock.at(clock.days_ago(FIRST_SESSION_DAYS_AGO + 60), hour=9)
    for spec in texts.COURSES:
        course = Course(
            title=spec.title,
            summary=spec.summary,
            level=spec.level,
            is_multi_agency=spec.multi_agency,
            fee_per_place=Decimal(spec.fee),
            no_show_charge=Decimal(spec.no_show),
            refresher_months=spec.refresher_months,
        )
        versions.created(course, when=created, user=staff.officer)
        built.courses[spec.key] = course
    CourseFactory.create_in_bulk(built.courses.values(), validate=True)
    versions.write()
    outcomes = [
        LearningOutcome(course=built.courses[spec.key], text=text, position=position)
        for spec in texts.COURSES
        for position, text in enumerate(spec.outcomes, start=1)
    ]
    LearningOutcomeFactory.create_in_bulk(outcomes)
    for outcome in outcomes:
        built.outcomes.setdefault(outcome.course_id, []).append(outcome)
    links: dict[type[ModelFactory], list] = {
        CourseJobRoleFactory: [],
        CourseThemeFactory: [],
        CoursePriorityFactory: [],
    }
    needs = []
    for spec in texts.COURSES:
        course = built.courses[spec.key]
        links[CourseJobRoleFactory] += [(course, built.roles[key]) for key in spec.roles]
        links[CourseThemeFactory] += [
            (course, themes[slug]) for slug in spec.themes if slug in themes
        ]
        links[CoursePriorityFactory] += [
            (course, priorities[k]) for k in spec.priorities if k in priorities
        ]
        needs += [TrainingNeed(job_role=built.roles[key], course=course) for key in spec.needed_by]
    for link_factory, pairs in links.items():
        through = link_factory._meta.model
        # A link table made for a many-to-many field holds the course, then what it links to.
        source, target = (field.attname for field in through._meta.fields if field.is_relation)
        link_factory.create_in_bulk(
            through(**{source: course.pk, target: record.pk}) for course, record in pairs
        )
    TrainingNeedFactory.create_in_bulk(needs)
    _link_reviews(built)


def _link_reviews(built: Built) -> None:
    """Each case review the demo has teaches through the review course and the courses beyond
    basic awareness that share its themes."""
    reviews = list(
        Review.objects.exclude(stage__in=[Review.Stage.REFERRED, Review.Stage.CLOSED]).order_by(
            "reference"
        )
    )
    if not reviews:
        return
    review_themes: dict[int, set[str]] = defaultdict(set)
    for review_id, slug in Review.objects.filter(pk__in=[r.pk for r in reviews]).values_list(
        "pk", "findings__themes__slug"
    ):
        if slug:
            review_themes[review_id].add(slug)
    through = CourseReviewFactory._meta.model
    links = []
    for review in reviews:
        sharing = [
            spec.key
            for spec in texts.COURSES
            # Basic awareness teaches no review's lessons, whatever themes it shares.
            if spec.key != "reviews"
            and spec.level != "basic"
            and review_themes[review.pk] & set(spec.themes)
        ]
        for key in ["reviews", *sharing[:2]]:
            links.append(through(course_id=built.courses[key].pk, review_id=review.pk))
    CourseReviewFactory.create_in_bulk(links)


def _session_days(rng: random.Random, clock: Clock, count: int) -> list[datetime.date]:
    first, last = -FIRST_SESSION_DAYS_AGO, LAST_SESSION_DAYS_AHEAD
    return sorted(
        Clock.weekday_on_or_after(clock.days_ahead(rng.randint(first, last))) for _ in range(count)
    )


def _sessions(
    built: Built, rng: random.Random, clock: Clock, staff: TrainingStaff, scale: int
) -> None:
    specs = {spec.key: spec for spec in texts.COURSES}
    conference_days = _session_days(rng, clock, CONFERENCES * scale)
    events = [
        Event(
            title=f"{texts.CONFERENCE_TITLE}, {day:%B %Y}",
            description=texts.CONFERENCE_DESCRIPTION,
            starts_on=day,
            ends_on=day,
        )
        for day in conference_days
    ]
    EventFactory.create_in_bulk(events)
    planned: list[tuple[datetime.date, str, Event | None, int]] = []
    for conference in events:
        for slot, key in enumerate(texts.CONFERENCE_COURSES):
            planned.append((conference.starts_on, key, conference, slot % 2))
    keys = [spec.key for spec in texts.COURSES]
    weights = [spec.weight for spec in texts.COURSES]
    for day in _session_days(rng, clock, SESSIONS * scale - len(planned)):
        planned.append((day, rng.choices(keys, weights)[0], None, rng.choice((0, 0, 1))))
    planned.sort(key=lambda plan: (plan[0], plan[1]))
    versions = Versions()
    for day, key, event, afternoon in planned:
        course, spec = built.courses[key], specs[key]
        online = event is None and rng.random() < 0.3
        starts = clock.at(day, hour=13 if afternoon else 9, minute=30)
        trainer = _trainer(rng, staff)
        session = Session(
            course=course,
            event=event,
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=3 if spec.level != "basic" else 2),
            venue="" if online else rng.choice(texts.VENUES),
            is_online=online,
            trainer=trainer,
            trainer_name="" if trainer else rng.choice(texts.EXTERNAL_TRAINERS),
            capacity=CAPACITY[spec.level] + (10 if online else 0),
        )
        planned_on = clock.at(day - datetime.timedelta(days=rng.randint(45, 90)), hour=11)
        versions.created(session, when=min(planned_on, timezone.now()), user=staff.officer)
        built.sessions.append(session)
    SessionFactory.create_in_bulk(built.sessions, batch_size=500, validate=True)
    versions.write()


def _trainer(rng: random.Random, staff: TrainingStaff) -> User | None:
    draw = rng.random()
    if draw < 0.4:
        return staff.officer
    if draw < 0.6 and staff.coordinator is not None:
        return staff.coordinator
    return None


class _Emails:
    """Work addresses, unique: a second Sarah Bennett at the police is sarah.bennett2@..."""

    def __init__(self) -> None:
        self._used: dict[str, int] = defaultdict(int)

    def address(self, full_name: str, domain: str) -> str:
        local = full_name.lower().replace(" ", ".").replace("'", "")
        self._used[f"{local}@{domain}"] += 1
        number = self._used[f"{local}@{domain}"]
        return f"{local}{number if number > 1 else ''}@{domain}"


def _learners(built: Built, rng: random.Random, scale: int) -> None:
    """Practitioners across the agencies; about one in twelve manages some of the others."""
    emails = _Emails()
    keys = [key for key in texts.AGENCY_WORKFORCE if key in built.agencies]
    shares = [texts.AGENCY_WORKFORCE[key][1] for key in keys]
    drafts = []
    for _ in range(LEARNERS * scale):
        key = rng.choices(keys, shares)[0]
        domain, _, role_weights = texts.AGENCY_WORKFORCE[key]
        role = rng.choices(list(role_weights), list(role_weights.values()))[0]
        full_name = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
        drafts.append(
            Learner(
                full_name=full_name,
                email=emails.address(full_name, domain),
                agency=built.agencies[key],
                job_role=built.roles[role],
            )
        )
    managers = [learner for learner in drafts if rng.random() < MANAGER_SHARE]
    LearnerFactory.create_in_bulk(managers, batch_size=1000)
    by_agency: dict[int, list[Learner]] = defaultdict(list)
    for manager in managers:
        by_agency[manager.agency_id].append(manager)
    staff = [learner for learner in drafts if learner.pk is None]
    for learner in staff:
        if by_agency[learner.agency_id]:
            learner.manager = rng.choice(by_agency[learner.agency_id])
    LearnerFactory.create_in_bulk(staff, batch_size=1000)
    built.learners = managers + staff


def _practitioner(built: Built, rng: random.Random, staff: TrainingStaff) -> Learner | None:
    """The demo practitioner: a health visitor who trains, and manages four others."""
    user = staff.practitioner
    if user is None or user.person is None or "community" not in built.agencies:
        return None
    learner: Learner = LearnerFactory.create(
        full_name=user.person.full_name,
        email=user.email,
        agency=built.agencies["community"],
        job_role=built.roles[texts.HV],
        user=user,
        email_confirmed_at=user.date_joined,
    )
    team = [
        other
        for other in built.learners
        if other.agency_id == learner.agency_id and other.job_role_id == learner.job_role_id
    ]
    for member in rng.sample(team, min(4, len(team))):
        member.manager = learner
    LearnerFactory.update_in_bulk(
        [member for member in team if member.manager_id == learner.pk], ["manager"]
    )
    built.learners.append(learner)
    return learner


def _bookings(
    built: Built,
    rng: random.Random,
    staff: TrainingStaff,
    practitioner: Learner | None,
) -> None:
    """Places on every session: most past places attended, some no-shows and cancellations,
    and waiting lists for the fullest sessions to come."""
    now = timezone.now()
    pools = _pools(built)
    queues: dict[int, deque[Learner]] = {}
    reserved = _practitioner_sessions(built, practitioner, now)
    # Those whose role needs a course book it first; and some people book early and often,
    # others rarely, so the keen hold most of the courses they need.
    keenness = {learner.pk: rng.random() for learner in built.learners}
    needed_by = {
        built.courses[spec.key].pk: {built.roles[key].pk for key in spec.needed_by}
        for spec in texts.COURSES
    }

    def first_in_line(learner: Learner, course_id: int) -> tuple[bool, float]:
        needs_it = learner.job_role_id in needed_by[course_id]
        return (not needs_it, keenness[learner.pk] + rng.random() * JITTER)

    for session in built.sessions:
        queue = queues.setdefault(session.course_id, deque())
        past = session.ends_at < now
        share = rng.uniform(0.75, 1.0) if past else rng.uniform(0.3, 1.15)
        wanted = round(session.capacity * share)
        pool = pools[session.course_id]
        wanted = min(wanted, len(pool) - 1)
        chosen: list[Learner] = (
            [practitioner] if practitioner is not None and session.pk in reserved else []
        )
        taken = {learner.pk for learner in chosen}
        while len(chosen) < wanted + 1:
            if not queue:
                queue.extend(sorted(pool, key=lambda x: first_in_line(x, session.course_id)))
            learner = queue.popleft()
            if learner.pk not in taken:
                chosen.append(learner)
                taken.add(learner.pk)
        spare = chosen.pop() if len(chosen) > 1 else None
        for place, learner in enumerate(chosen):
            status = B.Status.BOOKED if place < session.capacity else B.Status.WAITING
            built.bookings.append(_booking(rng, session, learner, status, staff, now))
        if spare is not None and rng.random() < CANCELLATION_CHANCE:
            built.bookings.append(_booking(rng, session, spare, B.Status.CANCELLED, staff, now))
    # Without history: thousands of places would double the demo's build, and no page shows
    # a booking's history.
    BookingFactory.create_in_bulk(built.bookings, batch_size=1000)


def _pools(built: Built) -> dict[int, list[Learner]]:
    """The practitioners each course is meant for."""
    by_role: dict[int, list[Learner]] = defaultdict(list)
    for learner in built.learners:
        if learner.user_id is None:
            by_role[learner.job_role_id].append(learner)
    return {
        built.courses[spec.key].pk: [
            learner for key in spec.roles for learner in by_role[built.roles[key].pk]
        ]
        for spec in texts.COURSES
    }


def _practitioner_sessions(
    built: Built, practitioner: Learner | None, now: datetime.datetime
) -> set[int]:
    """The demo practitioner's sessions: three long past, one just attended, one to come."""
    if practitioner is None:
        return set()
    for_them = {built.courses[spec.key].pk for spec in texts.COURSES if texts.HV in spec.roles}
    sessions = [s for s in built.sessions if s.course_id in for_them]
    long_ago = [s for s in sessions if s.starts_at < now - datetime.timedelta(days=150)]
    recent = [s for s in sessions if now - datetime.timedelta(days=30) < s.ends_at < now]
    to_come = [s for s in sessions if s.starts_at > now + datetime.timedelta(days=3)]
    picked: list[Session] = []
    courses: set[int] = set()
    for session in sorted(long_ago, key=lambda s: s.starts_at, reverse=True):
        if session.course_id not in courses and len(picked) < 3:
            picked.append(session)
            courses.add(session.course_id)
    picked += [s for s in recent if s.course_id not in courses][-1:]
    picked += [s for s in to_come if s.course_id not in courses][:1]
    return {session.pk for session in picked}


def _booking(
    rng: random.Random,
    session: Session,
    learner: Learner,
    status: str,
    staff: TrainingStaff,
    now: datetime.datetime,
) -> Booking:
    booked_at = min(session.starts_at - datetime.timedelta(days=rng.randint(5, 60)), now)
    booked_by = learner.user if learner.user_id else staff.officer
    booking = Booking(
        session=session, learner=learner, status=status, booked_by=booked_by, booked_at=booked_at
    )
    if status == B.Status.CANCELLED:
        booking.cancelled_at = min(booked_at + datetime.timedelta(days=rng.randint(1, 4)), now)
    elif status == B.Status.BOOKED and session.ends_at < now:
        attended = learner.user_id is not None or rng.random() < ATTENDED_SHARE
        booking.attendance = B.Attendance.ATTENDED if attended else B.Attendance.NO_SHOW
        booking.attendance_marked_by = session.trainer or staff.officer
        booking.attendance_marked_at = session.ends_at + datetime.timedelta(hours=1)
    return booking


def _rating(rng: random.Random, mean: float) -> int:
    return max(1, min(5, round(rng.gauss(mean, 0.8))))


def _evaluations(built: Built, rng: random.Random, practitioner: Learner | None) -> int:
    """Most who attended rated their confidence before and after: about 2.5 rising to 4."""
    now = timezone.now()
    practitioner_recent = max(
        (
            b.session.starts_at
            for b in built.bookings
            if practitioner is not None and b.learner_id == practitioner.pk and b.attendance
        ),
        default=None,
    )
    evaluations, ratings_of = [], []
    for booking in built.bookings:
        if booking.attendance != B.Attendance.ATTENDED:
            continue
        mine = practitioner is not None and booking.learner_id == practitioner.pk
        if mine and booking.session.starts_at == practitioner_recent:
            continue  # the demo practitioner still has this evaluation to do
        if not mine and rng.random() >= EVALUATED_SHARE:
            continue
        submitted = min(booking.session.ends_at + datetime.timedelta(days=rng.randint(0, 9)), now)
        evaluations.append(
            Evaluation(
                booking=booking,
                satisfaction=rng.choices((5, 4, 3, 2), (45, 40, 12, 3))[0],
                comments=rng.choice(texts.EVALUATION_COMMENTS),
                submitted_at=submitted,
            )
        )
        ratings = []
        for outcome in built.outcomes[booking.session.course_id]:
            before = _rating(rng, 2.5)
            after = max(before, _rating(rng, 4.0))
            ratings.append((outcome, before, after))
        ratings_of.append(ratings)
    EvaluationFactory.create_in_bulk(evaluations, batch_size=1000)
    OutcomeRatingFactory.create_in_bulk(
        (
            OutcomeRating(
                evaluation=evaluation, outcome=outcome, confidence_before=b, confidence_after=a
            )
            for evaluation, ratings in zip(evaluations, ratings_of, strict=True)
            for outcome, b, a in ratings
        ),
        batch_size=2000,
    )
    return len(evaluations)


def _follow_ups(built: Built, rng: random.Random, clock: Clock) -> int:
    """Three months after a session, those who attended were asked what changed in practice."""
    follow_ups = []
    confidence_rng = random.Random(FOLLOW_UP_CONFIDENCE_SEED)
    for booking in built.bookings:
        if booking.attendance != B.Attendance.ATTENDED:
            continue
        sent_on = timezone.localdate(booking.session.starts_at) + datetime.timedelta(
            days=FOLLOW_UP_AFTER_DAYS
        )
        if sent_on > clock.today:
            continue
        follow_up = FollowUp(booking=booking, sent_on=sent_on)
        answered_on = sent_on + datetime.timedelta(days=rng.randint(2, 20))
        if rng.random() < FOLLOW_UP_ANSWERED_SHARE and answered_on <= clock.today:
            change = rng.choices(
                (FollowUp.Change.YES, FollowUp.Change.PARTLY, FollowUp.Change.NO), (50, 35, 15)
            )[0]
            follow_up.practice_changed = change
            follow_up.what_changed = (
                rng.choice(texts.WHAT_CHANGED[:-1])
                if change != FollowUp.Change.NO
                else texts.WHAT_CHANGED[-1]
            )
            follow_up.responded_at = clock.at(answered_on, hour=rng.randint(8, 17))
            if confidence_rng.random() >= FOLLOW_UP_CONFIDENCE_SKIPPED_SHARE:
                follow_up.confidence_follow_up = confidence_rng.choice(FOLLOW_UP_CONFIDENCE[change])
        follow_ups.append(follow_up)
    FollowUpFactory.create_in_bulk(follow_ups, batch_size=1000)
    return len(follow_ups)


def _charges(built: Built) -> int:
    """Place fees, and no-show charges where a course has one, to the learner's agency."""
    courses = {course.pk: course for course in built.courses.values()}
    agency_of = {learner.pk: learner.agency_id for learner in built.learners}
    charges = []
    for booking in built.bookings:
        if not booking.attendance:
            continue
        course = courses[booking.session.course_id]
        raised_on = timezone.localdate(booking.session.starts_at)
        agency = agency_of[booking.learner_id]
        if course.fee_per_place > 0:
            charges.append(
                Charge(
                    booking=booking,
                    agency_id=agency,
                    kind=Charge.Kind.PLACE,
                    amount=course.fee_per_place,
                    raised_on=raised_on,
                )
            )
        if booking.attendance == B.Attendance.NO_SHOW and course.no_show_charge > 0:
            charges.append(
                Charge(
                    booking=booking,
                    agency_id=agency,
                    kind=Charge.Kind.NO_SHOW,
                    amount=course.no_show_charge,
                    raised_on=raised_on,
                )
            )
    ChargeFactory.create_in_bulk(charges, batch_size=1000)
    return len(charges)


def _headcounts(built: Built, rng: random.Random, clock: Clock, staff: TrainingStaff) -> int:
    """Each agency's staff in each role: more than have registered, as in life."""
    registered: dict[tuple[int, int], int] = defaultdict(int)
    for learner in built.learners:
        registered[(learner.agency_id, learner.job_role_id)] += 1
    versions = Versions()
    headcounts = []
    for (agency_id, role_id), count in sorted(registered.items()):
        headcount = Headcount(
            agency_id=agency_id,
            job_role_id=role_id,
            headcount=round(count * rng.uniform(1.15, 1.6)),
            as_of=clock.days_ago(rng.randint(20, 200)),
        )
        versions.created(headcount, when=clock.at(headcount.as_of, hour=15), user=staff.officer)
        headcounts.append(headcount)
    HeadcountFactory.create_in_bulk(headcounts)
    versions.write()
    return len(headcounts)
