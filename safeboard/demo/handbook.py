"""The members' handbook of the demo partnership: plain text, a blank line between paragraphs."""

from __future__ import annotations

from safeboard.core.history import history_stamps
from safeboard.partnership.factories import HandbookPageFactory
from safeboard.partnership.models import HandbookPage

from .names import COUNTY, PARTNERSHIP_NAME
from .people import Directory
from .timeline import Clock

PAGES = (
    (
        "welcome",
        "Welcome to the partnership",
        f"""Welcome to the {PARTNERSHIP_NAME}. Whether you join us from an agency, as a lay member or to observe, you are now part of how {COUNTY} checks that its children are safe and that the help they get works.

The partnership is not a service. It does not hold cases or employ social workers. Its job is to make the agencies that do work together well, to find out honestly how well they are doing, and to make sure that what we learn from reviews, audits and children themselves changes practice.

This handbook explains who does what, how meetings run, how to raise a concern about another agency, and what we expect of you with the information you will see. The business unit is happy to talk any of it through with you.""",
    ),
    (
        "roles-and-responsibilities",
        "Roles and responsibilities",
        """The three safeguarding partners, the county council, the police and the integrated care board, share equal and joint responsibility for the arrangements. Each names a senior leader who can speak and decide for their organisation.

Relevant agencies, such as schools, NHS trusts, probation, youth justice and the voluntary sector, take part because children's safety depends on them too. Their representatives commit their agency to the partnership's decisions and report back on what was done.

The independent chair and scrutineer leads the board, asks the questions agencies may not ask each other, and signs off the annual report. The business manager runs the partnership day to day: the business plan, the scorecard, reviews, audits and this system.

Lay members bring the view of the community. They read board business, ask plain questions and help us explain our work to the public. Every new member has an induction plan and a buddy to help them settle in.""",
    ),
    (
        "how-the-board-works",
        "How the board works",
        """The board meets about every two months; its four subgroups meet each quarter. Papers go out a week before each meeting. Please read them beforehand: meetings are for decisions and challenge, not for reading reports aloud.

If you cannot attend, send a deputy who can speak for your agency and tell the business unit in advance. Attendance and the seniority of who attends are reported to the board, because the partnership only works if agencies turn up.

Every decision that asks someone to do something becomes an action with an owner and a due date. Owners update their actions in SafeBoard before each meeting. A due date only moves with a reason, and the board sees the history.

Minutes are drafted within ten working days and agreed at the next meeting.""",
    ),
    (
        "escalation-and-challenge",
        "Escalation and challenge",
        """Challenge is a normal part of partnership working, not a sign that something has gone wrong. Any member may question another agency's practice, data or progress on an action, and is expected to.

When a practitioner disagrees with a decision about a child, they should first talk it through with the colleague concerned, then with their own manager, and then ask managers in both agencies to meet. If that does not resolve it, the disagreement comes to the partnership's business unit, who will bring in senior leaders. The child's safety comes first at every step: if a child is at immediate risk, act now and resolve the disagreement afterwards.

The board records formal challenges in its challenge log: who raised it, to which agency, the response due, and what changed as a result. An agency that does not respond in time is reminded, and then asked to explain itself to the board.""",
    ),
    (
        "confidentiality",
        "Confidentiality and information",
        """Board papers often describe the circumstances of real children and families, even when names are replaced by letters such as Child A. Treat everything you read here as confidential unless it has been published.

Case review records are open only to the people working on that review. Do not copy them, forward them, or discuss identifiable details outside the meeting.

Data protection law does not stop anyone sharing information to keep a child safe. If you are unsure whether to share, ask your agency's safeguarding lead or data protection officer, and record what you shared, with whom and why.

SafeBoard records who changed what and when. If you think information has been seen by someone who should not have seen it, tell the business manager the same day.""",
    ),
)


def build_handbook(*, clock: Clock, directory: Directory) -> None:
    pages = []
    for position, (slug, title, body) in enumerate(PAGES, start=1):
        page = HandbookPage(slug=slug, title=title, body=body, position=position)
        history_stamps(page)._history_date = clock.at(clock.days_ago(400 - position), hour=11)
        pages.append(page)
    HandbookPageFactory.create_in_bulk(pages, with_history=True, history_user=directory.manager)
