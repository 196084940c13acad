"""The good-practice questions a board asks of itself, in SafeBoard's own words, so that a
new partnership starts with a question bank it can then make its own."""

from django.db import migrations

DEFAULT_QUESTIONS = [
    ("Governance and membership", [
        "Does every statutory partner send someone to the board who can make decisions for their agency there and then?",
        "Do members come to the board's meetings, or send a deputy who can decide?",
        "Does every new member have an induction that tells them what the board expects of them?",
        "Does the independent scrutineer's view reach the board and change what it does?",
    ]),
    ("A few clear priorities", [
        "Has the board chosen a few priorities, and can members name them?",
        "Does each priority say what will be different for children, and how the board will know?",
        "Does the board stop or change a priority that is not making progress, and say why?",
    ]),
    ("Scrutiny and challenge", [
        "Do members challenge each other's agencies, and is each challenge followed to an answer?",
        "Does the board look at data about children, and ask what lies behind a change?",
        "Do agencies' Section 11 returns get checked against what practitioners and families say?",
        "When an agency falls short, does the board record what it will do, by when?",
    ]),
    ("Learning from reviews", [
        "Are serious incidents notified and rapid reviews made on time?",
        "Does each case review's learning become actions with owners and dates?",
        "Does the board check, months later, that practice has changed because of a review?",
        "Does the board use national reviews' learning as well as its own?",
    ]),
    ("Training", [
        "Is the training offered based on what reviews and audits found?",
        "Do the practitioners who need training most come to it?",
        "Does the board ask, after training, whether practice has changed?",
    ]),
    ("Children's voice", [
        "Do children and families tell the board what it is like to get help, in their own words?",
        "Can the board show what it changed because of what children told it?",
        "Are the voices heard from all the children the partnership serves, not only the easiest to reach?",
    ]),
    ("Measuring impact", [
        "Can the board show that something is better for children because of its work?",
        "Does the board tell a real change from the usual ups and downs in its figures?",
        "Does the yearly report say plainly what has not worked, as well as what has?",
    ]),
]


def add_default_questions(apps, schema_editor):
    Area = apps.get_model("self_assessment", "Area")
    Question = apps.get_model("self_assessment", "Question")
    for area_position, (area_name, questions) in enumerate(DEFAULT_QUESTIONS, start=1):
        area, _ = Area.objects.get_or_create(name=area_name, defaults={"position": area_position})
        for position, text in enumerate(questions, start=1):
            Question.objects.get_or_create(area=area, text=text, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("self_assessment", "0001_questions_and_ratings")]
    operations = [migrations.RunPython(add_default_questions, migrations.RunPython.noop)]
