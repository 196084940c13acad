"""What the demo's actions are about, and what their owners write as they work on them."""

from __future__ import annotations

from dataclasses import dataclass

NEGLECT = "Neglect"
EXPLOITATION = "Child exploitation"
DOMESTIC_ABUSE = "Domestic abuse and the child's voice"
EARLY_HELP = "Early help"
LEARNING = "Learning from reviews and audits"


@dataclass(frozen=True)
class ActionSpec:
    agency: str
    title: str
    priority: str
    owner: str = ""  # a person key, when a particular person should own it


BUSINESS_PLAN_ACTIONS = (
    ActionSpec("la", "Reduce drift in child in need plans open for more than six months", NEGLECT),
    ActionSpec("la", "Embed the graded care profile in child in need assessments", NEGLECT),
    ActionSpec("la", "Review the threshold document with partners", EARLY_HELP),
    ActionSpec("la", "Improve how assessments record what the child said", DOMESTIC_ABUSE),
    ActionSpec("la", "Increase take-up of return-home interviews", EXPLOITATION),
    ActionSpec("la", "Publish the early help offer on the family hub website", EARLY_HELP),
    ActionSpec("la", "Audit the quality of child protection plans", NEGLECT),
    ActionSpec("la", "Reduce the number of children on plans for two years or more", NEGLECT),
    ActionSpec("la", "Recruit foster carers for teenagers at risk of exploitation", EXPLOITATION),
    ActionSpec("police", "Train response officers to recognise neglect at domestic incidents", NEGLECT),
    ActionSpec("police", "Notify schools of domestic abuse incidents before the next school day", DOMESTIC_ABUSE, "police.lead"),
    ActionSpec("police", "Audit the quality of police records of strategy discussions", LEARNING, "police.lead"),
    ActionSpec("police", "Introduce a debrief checklist for children found after going missing", EXPLOITATION),
    ActionSpec("police", "Refresh the child exploitation disruption toolkit", EXPLOITATION),
    ActionSpec("police", "Review the use of police protection powers", LEARNING),
    ActionSpec("police", "Record the child's voice in every domestic abuse risk assessment", DOMESTIC_ABUSE),
    ActionSpec("icb", "Agree cover arrangements for the designated doctor", LEARNING),
    ActionSpec("icb", "Report on health contributions to child protection conferences", LEARNING),
    ActionSpec("icb", "Include safeguarding standards in primary care contracts", EARLY_HELP),
    ActionSpec("icb", "Provide safeguarding supervision to practice nurses", LEARNING),
    ActionSpec("acute", "Flag children in care on the emergency department system", LEARNING),
    ActionSpec("acute", "Audit use of the 'was not brought' policy in children's outpatients", NEGLECT),
    ActionSpec("acute", "Train maternity staff to recognise coercive control", DOMESTIC_ABUSE),
    ActionSpec("acute", "Improve referrals from the emergency department after self-harm", LEARNING),
    ActionSpec("community", "Use the neglect toolkit at every twelve-month health review", NEGLECT, "community.hv"),
    ActionSpec("community", "Reduce waiting times for mental health assessments of children on plans", DOMESTIC_ABUSE),
    ActionSpec("community", "Record the child's own words in school nurse health reviews", DOMESTIC_ABUSE),
    ActionSpec("community", "Agree a pathway from children's to adult mental health services", EXPLOITATION),
    ActionSpec("gp", "Code children on protection plans consistently in GP records", LEARNING),
    ActionSpec("gp", "Ask GPs for reports to every initial child protection conference", LEARNING),
    ActionSpec("gp", "Audit GP follow-up of children who were not brought to appointments", NEGLECT),
    ActionSpec("schools", "Run a termly network for designated safeguarding leads", LEARNING),
    ActionSpec("schools", "Survey schools on their use of early help assessments", EARLY_HELP),
    ActionSpec("schools", "Track weekly attendance of children on protection plans", NEGLECT),
    ActionSpec("schools", "Share exclusion data with the child exploitation subgroup", EXPLOITATION),
    ActionSpec("academies", "Align the trust's safeguarding policy with partnership procedures", LEARNING),
    ActionSpec("academies", "Train pastoral staff to spot criminal exploitation", EXPLOITATION),
    ActionSpec("college", "Add exploitation awareness to the student induction programme", EXPLOITATION),
    ActionSpec("probation", "Share information on risk to children before sentencing", DOMESTIC_ABUSE),
    ActionSpec("probation", "Check children's services records at the start of every supervision", DOMESTIC_ABUSE),
    ActionSpec("probation", "Train probation staff in the neglect toolkit", NEGLECT),
    ActionSpec("yjs", "Screen every young person for exploitation at first contact", EXPLOITATION),
    ActionSpec("yjs", "Agree a joint protocol with children's services for remand", EXPLOITATION),
    ActionSpec("yjs", "Offer every young person leaving custody a named worker", EXPLOITATION),
    ActionSpec("cvs", "Run safeguarding training for small voluntary groups", LEARNING),
    ActionSpec("cvs", "Publish a safer recruitment checklist for volunteers", LEARNING),
    ActionSpec("cvs", "Map voluntary sector support for families in early help", EARLY_HELP),
    ActionSpec("lanterns", "Gather young people's views of the exploitation pathway", EXPLOITATION),
    ActionSpec("lanterns", "Set up a young people's reference group for the partnership", DOMESTIC_ABUSE),
    ActionSpec("harbour", "Offer a children's worker at every high-risk domestic abuse conference", DOMESTIC_ABUSE),
    ActionSpec("harbour", "Publish a guide on talking to children about domestic abuse", DOMESTIC_ABUSE),
    ActionSpec("harbour", "Evaluate the group work programme for children who lived with domestic abuse", DOMESTIC_ABUSE),
    ActionSpec("unit", "Refresh the partnership's escalation policy", LEARNING, "manager"),
    ActionSpec("unit", "Publish the annual report on the partnership website", LEARNING, "manager"),
    ActionSpec("unit", "Run a multi-agency audit on neglect", NEGLECT, "auditor"),
    ActionSpec("unit", "Produce a seven-minute briefing on the Child C review", LEARNING, "learning"),
    ActionSpec("unit", "Update the threshold guidance after consultation", EARLY_HELP),
    ActionSpec("unit", "Set up a young people's advisory panel", DOMESTIC_ABUSE),
    ActionSpec("unit", "Review the risk register with the safeguarding partners", LEARNING, "manager"),
    ActionSpec("unit", "Commission an independent review of the multi-agency safeguarding hub", EARLY_HELP),
)  # fmt: skip

PROGRESS = (
    "Project group set up and terms of reference agreed.",
    "First draft shared with partners for comment.",
    "Data for the last two quarters pulled; analysis under way.",
    "Sample of twenty cases chosen for audit.",
    "Briefing given to team managers; cascade to staff planned for next month.",
    "Delayed by staff absence, now back on track.",
    "Consultation closed; responses being collated.",
    "Pilot running in the north locality; early feedback is positive.",
    "Waiting for sign-off by the senior leadership team.",
    "Half of the sessions delivered; the rest are booked.",
)

MOVE_REASONS = (
    "Waiting for the re-audit results, due next month.",
    "The lead officer has left; the new lead needs time to pick this up.",
    "Aligned with the new policy, which the board agrees at its next meeting.",
    "The data for the last quarter was published late.",
    "Service under inspection; work paused by agreement with the chair.",
    "The subgroup widened the scope to include older children.",
    "The training venue was cancelled and the sessions rebooked.",
)

EVIDENCE = (
    "Re-audit of 15 cases found the standard met in 13, up from 6 at the first audit.",
    "Health attended 9 of the 10 strategy discussions sampled this quarter.",
    "Practitioner survey: 82% now use the toolkit routinely.",
    "Policy published on the partnership website and circulated to every agency.",
    "The scorecard shows the measure within target for two quarters running.",
    "Training evaluations: confidence rose from 2.9 to 4.1 out of 5 three months on.",
    "Dip sample of records: the child's own words recorded in 11 of 12 cases.",
)
