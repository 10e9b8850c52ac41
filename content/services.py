"""Writes to the guide that are more than a single save."""

from django.db import transaction

from content.models import TargetLevel


@transaction.atomic
def target_profile_save(*, cells):
    """Save a whole target-profile grid in one transaction.

    `cells` maps (stage_id, item_id) to (expected, importance). Existing cells are
    updated where they differ, missing ones created; returns the number changed.
    """
    existing = {
        (cell.stage_id, cell.item_id): cell
        for cell in TargetLevel.objects.select_for_update().filter(
            stage_id__in={stage for stage, _ in cells}
        )
    }
    changed, created = [], []
    for (stage_id, item_id), (expected, importance) in cells.items():
        cell = existing.get((stage_id, item_id))
        if cell is None:
            created.append(
                TargetLevel(
                    stage_id=stage_id, item_id=item_id, expected=expected, importance=importance
                )
            )
        elif (cell.expected, cell.importance) != (expected, importance):
            cell.expected, cell.importance = expected, importance
            changed.append(cell)
    for cell in changed + created:
        cell.full_clean(validate_unique=False, validate_constraints=False)
    TargetLevel.objects.bulk_update(changed, ["expected", "importance"])
    TargetLevel.objects.bulk_create(created)
    return len(changed) + len(created)
