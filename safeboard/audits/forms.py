"""Forms for case audits: each parses input for one service; the services hold the rules."""

from __future__ import annotations

import re
from typing import cast

from crispy_forms.layout import LayoutObject
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.template.loader import render_to_string
from django.utils import timezone

from safeboard.actions.forms import SourcedActionForm
from safeboard.core.dates import long_date
from safeboard.core.forms import DateInput, GovUKForm
from safeboard.partnership.fields import PersonChoiceField, active_people
from safeboard.partnership.models import Agency, Person
from safeboard.themes.selectors import active_themes

from . import answer_services, selectors
from .answer_services import AnswerInput, answer_field
from .models import AgeBand, AuditRound, Finding, Grade, Question, SampleCase
from .selectors import AnsweredSection

NO_DUE_DATE = "Enter the date answers are due."
GRADE_INVALID = answer_services.NOT_A_GRADE.replace("{value}", "%(value)s")
_QUESTION_KEY = re.compile(r"^question_(\d+)$")


class ToolForm(GovUKForm):
    submit_label = "Save the tool"

    name = forms.CharField(max_length=200, help_text="For example, Section 47 decision-making.")
    purpose = forms.CharField(
        help_text="What the tool tests, the standard it tests against and where that comes from.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    is_active = forms.BooleanField(
        label="In use: offered for new rounds",
        required=False,
        initial=True,
    )

    def __init__(self, *args, with_status: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not with_status:
            del self.fields["is_active"]


class SectionForm(GovUKForm):
    submit_label = "Save the section"

    title = forms.CharField(max_length=200)
    guidance = forms.CharField(
        required=False,
        help_text="Optional: what the section covers and which records to read.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    agency_types = forms.MultipleChoiceField(
        label="Types of agency that answer it",
        choices=Agency.Type.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave these and the agencies below empty if every agency involved answers it.",
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Named agencies that answer it",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="As well as the types above: for an agency whose type does not say enough.",
    )


class QuestionForm(GovUKForm):
    submit_label = "Save the question"

    text = forms.CharField(
        label="Question",
        help_text="Ask about one thing the record should show, so that yes or no means something.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    kind = forms.ChoiceField(
        label="How it is answered",
        choices=Question.Kind.choices,
        widget=forms.RadioSelect,
        help_text="Yes, partly or no, and the grade, count towards the standard met; free text does not.",
    )
    guidance = forms.CharField(
        required=False,
        help_text="Optional: what the auditor should look for, and what good looks like.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    answer_required = forms.BooleanField(
        label="The auditor must answer it before submitting", required=False, initial=True
    )


class ConfirmForm(GovUKForm):
    """A form with nothing to fill in: the button confirms the step."""

    def __init__(self, *args, submit_label: str = "Continue", **kwargs) -> None:
        self.submit_label = submit_label
        super().__init__(*args, **kwargs)


class RoundForm(GovUKForm):
    submit_label = "Save the round"

    title = forms.CharField(
        max_length=200, help_text="For example, Strategy discussions in spring 2026."
    )
    tool = forms.ModelChoiceField(
        queryset=selectors.active_tools(),
        label="Audit tool",
        empty_label="Choose a tool",
        help_text="The round uses the tool's latest version; later changes make a new version.",
    )
    theme = forms.ModelChoiceField(
        queryset=active_themes(),
        empty_label="Choose a theme",
        help_text="The theme of practice the round tests.",
    )
    sample = forms.CharField(
        label="The sample",
        help_text="How the cases were chosen: the period, the criteria and how many.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    answers_due_on = forms.DateField(
        label="Answers due",
        widget=DateInput(),
        error_messages={"required": NO_DUE_DATE},
        help_text="Each auditor's due date, unless you give them another.",
    )
    moderation_on = forms.DateField(
        label="Moderation meeting", widget=DateInput(), required=False, help_text="Optional."
    )

    def __init__(self, *args, with_tool: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not with_tool:
            del self.fields["tool"]


class CaseForm(GovUKForm):
    submit_label = "Save the case"

    age_band = forms.ChoiceField(
        label="The child's age", choices=AgeBand.choices, widget=forms.RadioSelect
    )
    agencies = forms.ModelMultipleChoiceField(
        label="Agencies involved",
        queryset=Agency.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The agencies that worked with the child and family in the period audited.",
    )
    context = forms.CharField(
        label="Why the case is in the sample",
        required=False,
        help_text="Optional. Never a name, date of birth, address or case number.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def auditor_choices():
    """People who can sign in to answer: only they can be auditors."""
    return active_people().filter(user__isnull=False, user__is_active=True)


class AssignmentForm(GovUKForm):
    submit_label = "Assign the auditor"

    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), empty_label="Choose an agency", label="Agency"
    )
    auditor = PersonChoiceField(
        queryset=None,
        empty_label="Choose a person",
        help_text="Usually someone from that agency with access to its records of the case.",
    )
    due_on = forms.DateField(label="Answers due", widget=DateInput(), required=False)

    def __init__(self, *args, case: SampleCase | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["auditor"]).queryset = auditor_choices()
        if case is None:
            del self.fields["agency"]
        else:
            cast(forms.ModelChoiceField, self.fields["agency"]).queryset = case.agencies.all()
            due = long_date(case.round.answers_due_on)
            self.fields["due_on"].help_text = f"Leave empty for the round\u2019s date, {due}."


class ReopenForm(GovUKForm):
    submit_label = "Reopen the answers"

    reason = forms.CharField(
        label="Why the answers are reopened",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": answer_services.REOPEN_REASON_NEEDED},
    )


class _SectionHeading(LayoutObject):
    """A section's title and guidance between the questions (auditors' text is escaped)."""

    def __init__(self, section) -> None:
        self.section = section

    def render(self, form, context, template_pack=None, **kwargs) -> str:
        return render_to_string("audits/includes/section_heading.html", {"section": self.section})


def _choice_field(question: Question, choice: str) -> forms.ChoiceField:
    invalid = (
        GRADE_INVALID
        if question.kind == Question.Kind.GRADE
        else f"Choose yes, partly or no for question {question.number}."
    )
    return forms.ChoiceField(
        label=f"{question.number} {question.text}",
        choices=question.choices,
        widget=forms.RadioSelect,
        required=False,
        initial=choice,
        help_text=question.guidance,
        error_messages={"invalid_choice": invalid},
    )


class AnswerForm(GovUKForm):
    """The questions of the sections the agency answers, then its overall grade.

    "Save as draft" keeps what is there; "Submit your answers" checks that everything needed
    is answered and locks the answers (the service decides both).
    """

    SUBMIT = "submit_answers"

    def __init__(self, *args, sections: list[AnsweredSection], assignment, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question_ids: list[int] = []
        layout: list = []
        for answered in sections:
            layout.append(_SectionHeading(answered.section))
            for item in answered.questions:
                question, answer = item.question, item.answer
                name = answer_field(question.pk)
                self.question_ids.append(question.pk)
                if question.is_measured:
                    self.fields[name] = _choice_field(question, answer.choice if answer else "")
                    self.fields[f"comment_{question.pk}"] = forms.CharField(
                        label=f"Evidence for {question.number} (optional)",
                        required=False,
                        initial=answer.text if answer else "",
                        widget=forms.Textarea(attrs={"rows": 2}),
                    )
                    inline = question.kind != Question.Kind.GRADE
                    layout.append(Field.radios(name, legend_size=Size.SMALL, inline=inline))
                    layout.append(f"comment_{question.pk}")
                else:
                    self.fields[name] = forms.CharField(
                        label=f"{question.number} {question.text}",
                        required=False,
                        initial=answer.text if answer else "",
                        help_text=question.guidance,
                        widget=forms.Textarea(attrs={"rows": 4}),
                    )
                    layout.append(name)
        self.fields["proposed_grade"] = forms.ChoiceField(
            label="Your agency\u2019s overall grade for the case",
            choices=Grade.choices,
            widget=forms.RadioSelect,
            required=False,
            initial=assignment.proposed_grade,
            help_text="The moderation meeting agrees the case\u2019s grade from every agency\u2019s.",
            error_messages={"invalid_choice": GRADE_INVALID},
        )
        self.fields["summary"] = forms.CharField(
            label="Your agency\u2019s view of the case",
            required=False,
            initial=assignment.summary,
            help_text="What went well, what did not, and why: this is read at moderation.",
            widget=forms.Textarea(attrs={"rows": 5}),
        )
        layout += [
            Field.radios("proposed_grade", legend_size=Size.MEDIUM),
            "summary",
            Button.secondary("save_draft", "Save as draft"),
            Button(self.SUBMIT, "Submit your answers"),
        ]
        self.helper.layout = Layout(*layout)
        self.helper.inputs = []

    def answers(self) -> list[AnswerInput]:
        """What was given for each question shown, and for any other question posted (the
        service refuses those by name)."""
        data = self.cleaned_data
        answers = []
        for question_id in self.question_ids:
            value = data.get(answer_field(question_id), "")
            comment = f"comment_{question_id}"
            if comment in self.fields:
                answers.append(AnswerInput(question_id, choice=value, text=data.get(comment, "")))
            else:
                answers.append(AnswerInput(question_id, text=value))
        shown = set(self.question_ids)
        for key in self.data:
            match = _QUESTION_KEY.match(key)
            if match and int(match.group(1)) not in shown:
                answers.append(AnswerInput(int(match.group(1)), choice=self.data.get(key, "")))
        return answers


class AttendeesField(forms.ModelMultipleChoiceField):
    """People named with their agency, as a moderation meeting brings agencies together."""

    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.agency})"


class ModerationForm(GovUKForm):
    submit_label = "Record the moderation"

    agreed_grade = forms.ChoiceField(
        label="The grade agreed for the case",
        choices=Grade.choices,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": GRADE_INVALID, "required": "Choose the grade agreed."},
    )
    moderated_on = forms.DateField(
        label="Date of the moderation", widget=DateInput(), initial=timezone.localdate
    )
    attendees = AttendeesField(
        label="Who attended",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    others_present = forms.CharField(
        label="Anyone else present", max_length=300, required=False, help_text="Optional."
    )
    disagreement = forms.CharField(
        label="Where the views differed",
        required=False,
        help_text="Needed when the agencies proposed different grades or the panel agreed another.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    resolution = forms.CharField(
        label="How the grade was agreed",
        required=False,
        help_text="Needed with a disagreement: the evidence that settled it.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, audit_round: AuditRound, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelMultipleChoiceField, self.fields["attendees"])
        field.queryset = selectors.moderation_attendee_choices(audit_round=audit_round)


class FindingForm(GovUKForm):
    submit_label = "Save the finding"

    kind = forms.ChoiceField(
        label="Kind of finding", choices=Finding.Kind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(max_length=200, help_text="The finding in a sentence.")
    text = forms.CharField(
        label="The finding",
        help_text="What the audit found about practice, and why it matters for children.",
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    evidence = forms.CharField(
        help_text="The figures and cases that show it, for example 7 of 10 cases met the standard.",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=active_themes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The same themes as case reviews and training, so the board can follow one.",
    )


class FindingActionForm(SourcedActionForm):
    pass


class EarlierRoundForm(GovUKForm):
    """Which earlier round the report compares with."""

    submit_label = "Compare"

    earlier = forms.ModelChoiceField(
        queryset=AuditRound.objects.none(),
        label="Compare with",
        empty_label="No comparison",
        required=False,
    )

    def __init__(self, *args, rounds, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["earlier"]).queryset = rounds
