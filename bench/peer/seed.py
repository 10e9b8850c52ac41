"""The peer's survey: 7 required radio questions of 5 choices (run in the peer's settings)."""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.peer.settings")

QUESTIONS = 7
CHOICES = "none,aware,practitioner,leader,director"


def main():
    import django
    from django.core.management import call_command

    django.setup()
    from survey.models import Category, Question, Survey

    call_command("migrate", verbosity=0)
    survey = Survey.objects.create(
        name="Skills", description="One step", need_logged_user=False, is_published=True
    )
    category = Category.objects.create(name="Hard skills", survey=survey, order=1)
    questions = [
        Question.objects.create(
            text=f"Skill {n + 1}: where are you?",
            order=n,
            required=True,
            survey=survey,
            category=category,
            type=Question.RADIO,
            choices=CHOICES,
        ).pk
        for n in range(QUESTIONS)
    ]
    call_command("collectstatic", interactive=False, verbosity=0)
    print(json.dumps({"survey": survey.pk, "questions": questions, "choices": CHOICES.split(",")}))


if __name__ == "__main__":
    main()
