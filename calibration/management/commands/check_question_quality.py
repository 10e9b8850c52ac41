"""Compute every knowledge-check question's difficulty and discrimination for admin."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from calibration.models import CheckAnswer, CheckQuality
from calibration.quality import MIN_RESPONSES, quality_of
from content.models import KnowledgeCheck


class Command(BaseCommand):
    help = (
        "Compute each knowledge-check question's difficulty (share answered right) and "
        "discrimination from the answers given, and flag weak questions (shown in admin)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-responses",
            type=int,
            default=getattr(settings, "CALIBRATION_MIN_RESPONSES", MIN_RESPONSES),
            help="answers a question needs before it is judged (default %(default)s)",
        )

    def handle(self, *args, min_responses, **options):
        answers = {}
        for check_id, rating, level, correct in CheckAnswer.objects.filter(
            answered_at__isnull=False
        ).values_list("knowledge_check_id", "rating", "probed_level", "correct"):
            answers.setdefault(check_id, []).append((rating, level, correct))
        now = timezone.now()
        flagged = judged = 0
        with transaction.atomic():
            for check_id in KnowledgeCheck.objects.values_list("pk", flat=True):
                found = quality_of(answers.get(check_id, []), min_responses=min_responses)
                CheckQuality.objects.update_or_create(
                    knowledge_check_id=check_id,
                    defaults={
                        "responses": found.responses,
                        "difficulty": found.difficulty,
                        "discrimination": found.discrimination,
                        "flags": ",".join(found.flags),
                        "computed_at": now,
                    },
                )
                judged += found.difficulty is not None
                flagged += bool(found.flags)
        self.stdout.write(
            f"{judged} questions judged (at least {min_responses} answers), {flagged} flagged."
        )
