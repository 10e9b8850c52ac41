"""Compute every knowledge-check question's difficulty and discrimination for admin, and
withdraw the flagged ones from selection (as answering does, calibration.retirement)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from calibration.retirement import min_responses, question_quality_refresh
from content.models import KnowledgeCheck


class Command(BaseCommand):
    help = (
        "Compute each knowledge-check question's difficulty (share answered right) and "
        "discrimination from the answers given, flag weak questions and withdraw them "
        "from selection (shown in admin, where they can be restored)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-responses",
            type=int,
            default=min_responses(),
            help="answers a question needs before it is judged (default %(default)s)",
        )

    def handle(self, *args, min_responses, **options):
        flagged = judged = withdrawn = 0
        with transaction.atomic():
            for check_id in KnowledgeCheck.objects.values_list("pk", flat=True):
                found = question_quality_refresh(
                    knowledge_check_id=check_id, threshold=min_responses, always=True
                )
                judged += found.difficulty is not None
                flagged += bool(found.flags)
                withdrawn += found.withdrawn_at is not None
        self.stdout.write(
            f"{judged} questions judged (at least {min_responses} answers), {flagged} flagged, "
            f"{withdrawn} withdrawn from selection."
        )
