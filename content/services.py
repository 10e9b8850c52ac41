"""Writes to the guide that are more than a single save."""

from django.db import transaction

from content.models import TargetLevel, TargetOverride


@transaction.atomic
def target_profile_save(*, cells, core=None):
    """Save a whole target-profile grid in one transaction.

    `cells` maps (stage_id, item_id) to (expected, importance); `core`, when given, is the
    set of (stage_id, item_id) that are core items (every other cell is not). Existing
    cells are updated where they differ, missing ones created; returns the number changed.
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
        is_core = (stage_id, item_id) in core if core is not None else None
        if cell is None:
            created.append(
                TargetLevel(
                    stage_id=stage_id,
                    item_id=item_id,
                    expected=expected,
                    importance=importance,
                    core=bool(is_core),
                )
            )
            continue
        wanted_core = cell.core if is_core is None else is_core
        if (cell.expected, cell.importance, cell.core) != (expected, importance, wanted_core):
            cell.expected, cell.importance, cell.core = expected, importance, wanted_core
            changed.append(cell)
    for cell in changed + created:
        cell.full_clean(validate_unique=False, validate_constraints=False)
    TargetLevel.objects.bulk_update(changed, ["expected", "importance", "core"])
    TargetLevel.objects.bulk_create(created)
    return len(changed) + len(created)


@transaction.atomic
def company_kind_targets_save(*, company_kind, cells):
    """Save a kind of company's grid as overrides of the base profile.

    A cell equal to the base profile needs no override (one that exists is removed); a
    cell that differs is stored as an override of what differs. Returns the number of
    overrides created, changed or removed.
    """
    base = {
        (cell.stage_id, cell.item_id): (cell.expected, cell.importance)
        for cell in TargetLevel.objects.filter(stage_id__in={stage for stage, _ in cells})
    }
    existing = {
        (o.stage_id, o.item_id): o
        for o in TargetOverride.objects.select_for_update().filter(company_kind=company_kind)
    }
    count = 0
    for key, (expected, importance) in cells.items():
        base_expected, base_importance = base.get(key, (None, None))
        wanted = (
            None if expected == base_expected else expected,
            None if importance == base_importance else importance,
        )
        override = existing.get(key)
        if wanted == (None, None):
            if override is not None:
                override.delete()
                count += 1
            continue
        if override is None:
            override = TargetOverride(company_kind=company_kind, stage_id=key[0], item_id=key[1])
        elif (override.expected, override.importance) == wanted:
            continue
        override.expected, override.importance = wanted
        override.full_clean(validate_unique=False, validate_constraints=False)
        override.save()
        count += 1
    return count
