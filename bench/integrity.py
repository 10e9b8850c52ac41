"""After the load: does the database hold everything the server said it saved?"""

from django.db.models import Count

from assessments.models import Answer, Assessment
from content.models import Item


def journal_check(journal):
    """Compare the users' journal (bench/journey.py) with the database.

    An answer is lost when a step save was confirmed but the database does not hold that
    level for that item; a completed assessment is broken when it is not completed with
    an answer and a frozen row for every active item.
    """
    saved, completed = journal["saved_steps"], journal["completed"]
    ids = {entry["assessment"] for entry in saved} | {entry["assessment"] for entry in completed}
    stored = {
        (str(assessment_id), slug): level
        for assessment_id, slug, level in Answer.objects.filter(assessment_id__in=ids).values_list(
            "assessment_id", "item__slug", "level"
        )
    }
    lost = [
        f"{entry['assessment']}:{slug}"
        for entry in saved
        for slug, level in entry["answers"].items()
        if stored.get((entry["assessment"], slug)) != level
    ]
    item_count = Item.objects.filter(active=True).count()
    finished = {
        str(pk): (status, answers, len(snapshot["items"]) if snapshot else 0)
        for pk, status, answers, snapshot in Assessment.objects.filter(
            pk__in=[entry["assessment"] for entry in completed]
        )
        .annotate(answer_count=Count("answers"))
        .values_list("pk", "status", "answer_count", "frozen_report__data")
    }
    broken = [
        entry["assessment"]
        for entry in completed
        if finished.get(entry["assessment"])
        != (Assessment.Status.COMPLETED, item_count, item_count)
    ]
    return {
        "confirmed_answers": sum(len(entry["answers"]) for entry in saved),
        "lost_answers": len(lost),
        "confirmed_completions": len(completed),
        "broken_completions": len(broken),
        "examples": (lost + broken)[:5],
    }
