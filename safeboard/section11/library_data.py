"""The standard sets a fresh SafeBoard starts with (loaded by migration 0002).

Two Section 11 sets are in common use: the eight standards of Working Together 2010 and the
areas Working Together 2018 lists for organisations under the Section 11 duty. Schools and
colleges complete a Section 175 audit instead. The wording of each sub-standard is the
partnership's own, written to be scored; the business manager edits the library in SafeBoard.
"""

from __future__ import annotations

WT2010 = {
    "name": "Section 11: Working Together 2010 (eight standards)",
    "kind": "section_11",
    "source": (
        "Working Together to Safeguard Children (2010), the arrangements organisations under "
        "the Section 11 duty are expected to have, grouped as eight standards."
    ),
    "standards": [
        (
            "WT10-1",
            "Senior management commitment to safeguarding",
            "Senior managers lead a culture in which safeguarding children is everyone's business.",
            [
                "A named senior manager is accountable for safeguarding children.",
                "Safeguarding is in the organisation's business plan and reported to its board.",
                "Senior managers check how well safeguarding works, not only that policies exist.",
            ],
        ),
        (
            "WT10-2",
            "A clear statement of the agency's responsibilities towards children",
            "Every member of staff knows what the organisation is responsible for.",
            [
                "The organisation's responsibilities towards children are written down and published.",
                "The statement is available to staff, children and families.",
            ],
        ),
        (
            "WT10-3",
            "A clear line of accountability for safeguarding",
            "Staff know who is responsible for what, up to the chief officer.",
            [
                "Lines of accountability are written down and known to staff.",
                "Job descriptions set out safeguarding responsibilities.",
                "Safeguarding is covered in supervision and appraisal.",
            ],
        ),
        (
            "WT10-4",
            "Services that take account of the need to safeguard, informed by children and families",
            "Services are designed and reviewed with the views of children and families.",
            [
                "Service planning takes account of the need to safeguard children.",
                "Children's and families' views are sought and change what the organisation does.",
                "Complaints and feedback from children are used to improve services.",
            ],
        ),
        (
            "WT10-5",
            "Safeguarding training for all staff",
            "Staff have the training their role needs, kept up to date.",
            [
                "A training strategy sets the level of training for each role.",
                "Training records show who has been trained and when refresher training is due.",
                "Staff attend multi-agency training where their role needs it.",
            ],
        ),
        (
            "WT10-6",
            "Safer recruitment (vetting)",
            "Recruitment keeps out people who are unsuitable to work with children.",
            [
                "Safer recruitment procedures are followed for every post working with children.",
                "Criminal record checks are made and renewed where required.",
                "Recruiting managers are trained in safer recruitment.",
            ],
        ),
        (
            "WT10-7",
            "Effective inter-agency working",
            "The organisation works with other agencies to keep children safe.",
            [
                "The organisation takes part in the partnership's work and meetings.",
                "Staff attend child protection conferences and core groups and send reports on time.",
                "The organisation follows the partnership's procedures, including escalation.",
            ],
        ),
        (
            "WT10-8",
            "Effective information sharing",
            "Information is shared promptly and lawfully to protect children.",
            [
                "Staff know when and how to share information about a child at risk.",
                "An information-sharing protocol with partner agencies is in place.",
                "Records are accurate, up to date and show the child's voice.",
            ],
        ),
    ],
}

WT2018 = {
    "name": "Section 11: Working Together 2018",
    "kind": "section_11",
    "source": (
        "Working Together to Safeguard Children (2018), chapter 2: the arrangements "
        "organisations under the Section 11 duty should have in place."
    ),
    "standards": [
        (
            "WT18-1",
            "A clear line of accountability",
            "Accountability for the services provided to safeguard children is clear.",
            [
                "Lines of accountability for safeguarding, up to the chief officer, are written down.",
                "Staff know who their safeguarding lead is and how to reach them.",
            ],
        ),
        (
            "WT18-2",
            "A senior board-level lead",
            "A senior board-level lead takes leadership responsibility for safeguarding.",
            [
                "A named board-level lead is in post and known to staff.",
                "The board receives regular reports on safeguarding and challenges them.",
            ],
        ),
        (
            "WT18-3",
            "A culture of listening to children",
            "Children's wishes and feelings are heard and change what is done.",
            [
                "Children's views are sought when services are planned and reviewed.",
                "Records show what children said and what was done as a result.",
                "Children know how to raise a concern and are told what happened.",
            ],
        ),
        (
            "WT18-4",
            "Whistleblowing procedures",
            "Staff can raise concerns about practice safely, and know how.",
            [
                "A whistleblowing procedure is published and known to staff.",
                "Concerns raised are recorded, acted on and reported to the board.",
            ],
        ),
        (
            "WT18-5",
            "Escalation policies",
            "Staff challenge decisions they disagree with, through a known route.",
            [
                "Staff know the partnership's escalation policy and use it.",
                "Escalations are recorded and their outcomes reviewed.",
            ],
        ),
        (
            "WT18-6",
            "Information-sharing arrangements",
            "Information is shared in a timely and effective way.",
            [
                "Staff understand when information may and must be shared without consent.",
                "Arrangements with partner agencies are agreed and work in practice.",
            ],
        ),
        (
            "WT18-7",
            "Designated practitioners",
            "Named and designated professionals give expert advice and leadership.",
            [
                "Named and designated professionals (in health) or safeguarding leads are in post.",
                "They have the time, training and support to do the role.",
            ],
        ),
        (
            "WT18-8",
            "Safer recruitment, including criminal record checks",
            "People unsuitable to work with children are kept out.",
            [
                "Safer recruitment is followed for every post working with children.",
                "Criminal record and barring checks are made at the right level and renewed.",
                "At least one member of every recruitment panel is trained in safer recruitment.",
            ],
        ),
        (
            "WT18-9",
            "Supervision and support for staff, including training",
            "Staff are supported to make good decisions about children.",
            [
                "Staff receive regular, reflective safeguarding supervision.",
                "Staff have the safeguarding training their role needs, refreshed on time.",
                "The impact of training on practice is checked.",
            ],
        ),
        (
            "WT18-10",
            "Clear policies for allegations against people who work with children",
            "Allegations are dealt with promptly, fairly and with the LADO.",
            [
                "A policy for allegations against staff and volunteers is in place and followed.",
                "Allegations are referred to the LADO within one working day.",
                "A senior officer is named to deal with allegations.",
            ],
        ),
    ],
}

SECTION_175 = {
    "name": "Section 175: schools and colleges",
    "kind": "section_175",
    "source": (
        "The Section 175 (Education Act 2002) duty on schools and colleges, and the statutory "
        "guidance Keeping Children Safe in Education."
    ),
    "standards": [
        (
            "S175-1",
            "Designated safeguarding lead",
            "A designated safeguarding lead from the senior leadership team is in post.",
            [
                "The designated safeguarding lead and deputies are named and known to staff, "
                "pupils and parents.",
                "They are trained for the role and refresh that training every two years.",
                "They have the time and support to do the role.",
            ],
        ),
        (
            "S175-2",
            "Safeguarding and child protection policies",
            "Policies are up to date, published and followed.",
            [
                "The child protection policy is reviewed every year and published on the website.",
                "A staff code of conduct covers relationships and communication with pupils.",
                "Policies cover children missing education, and children absent repeatedly.",
            ],
        ),
        (
            "S175-3",
            "Training for all staff",
            "Every member of staff and every governor has safeguarding training.",
            [
                "Every member of staff has read Part 1 of Keeping Children Safe in Education.",
                "Staff have safeguarding training at induction and regular updates.",
                "Governors have training for their strategic role.",
            ],
        ),
        (
            "S175-4",
            "Safer recruitment",
            "Recruitment keeps out people who are unsuitable to work with children.",
            [
                "The single central record is complete and checked.",
                "At least one member of every interview panel is trained in safer recruitment.",
                "References are taken up before appointment.",
            ],
        ),
        (
            "S175-5",
            "Curriculum and online safety",
            "Pupils are taught how to keep themselves safe, online and offline.",
            [
                "Relationships, sex and health education teaches pupils to recognise abuse.",
                "Filtering and monitoring systems are in place and reviewed.",
                "Pupils know how to report a worry, online or offline.",
            ],
        ),
        (
            "S175-6",
            "Early help",
            "Children who need early help are noticed and supported.",
            [
                "Staff know the signs that a child may need early help.",
                "The school takes part in early help assessments and plans.",
            ],
        ),
        (
            "S175-7",
            "Record keeping",
            "Concerns are recorded clearly and kept securely.",
            [
                "Every concern is recorded with the date, what was seen or said, and the action taken.",
                "Child protection files are kept securely and passed on when a child moves school.",
            ],
        ),
        (
            "S175-8",
            "Allegations against staff and volunteers",
            "Allegations and low-level concerns are handled properly.",
            [
                "Staff know how to report a concern about another adult, including the head teacher.",
                "Low-level concerns are recorded and reviewed for patterns.",
            ],
        ),
        (
            "S175-9",
            "Working with the LADO",
            "Allegations meeting the harm threshold are referred to the LADO.",
            [
                "Allegations are referred to the LADO within one working day.",
                "The school follows the LADO's advice and keeps a record of the outcome.",
            ],
        ),
        (
            "S175-10",
            "Governors' oversight",
            "The governing body holds the school to account for safeguarding.",
            [
                "A named governor leads on safeguarding and meets the designated safeguarding lead.",
                "The governing body receives an annual safeguarding report and acts on it.",
            ],
        ),
    ],
}

STANDARD_SETS = (WT2018, WT2010, SECTION_175)
