"""The real guide (content/data/guide.yaml) as the tests know it: its data and its counts.

Tests take every count of the guide's content from here, never as a literal, so that an
item added to the data file changes no test. tests/content/test_guide_counts.py is the
one place that states the guide's figures, because checking them is what it is for.
"""

import functools
from dataclasses import dataclass

from content.guide_loader import DEFAULT_GUIDE_FILE, read_guide_file


@functools.cache
def parsed_guide():
    """The data file, parsed and validated once per process. Do not mutate it."""
    return read_guide_file(DEFAULT_GUIDE_FILE)


@dataclass(frozen=True)
class GuideCounts:
    """How many of each thing the data file holds."""

    items: int  # every item, retired or not
    active_items: int  # the items the questionnaire asks about
    categories: int
    stages: int
    rubric_levels: int
    cells: int  # the target profile: one expected level per stage and item
    questions: int
    trends: int
    # Active items of each questionnaire step, in step order (one step per category with
    # an active item, as assessments.selectors.questionnaire_steps has it).
    step_sizes: tuple[int, ...]
    active_items_by_category: dict[str, int]

    @property
    def steps(self):
        return len(self.step_sizes)

    def answered_after_steps(self, number):
        """How many items a person has answered after answering steps 1 to `number`."""
        return sum(self.step_sizes[:number])

    @classmethod
    def of(cls, data):
        active = [item for item in data["items"] if item.get("active", True)]
        by_category = {
            category["slug"]: sum(1 for item in active if item["category"] == category["slug"])
            for category in sorted(data["categories"], key=lambda category: category["order"])
        }
        return cls(
            items=len(data["items"]),
            active_items=len(active),
            categories=len(data["categories"]),
            stages=len(data["stages"]),
            rubric_levels=sum(len(item["rubric"]) for item in data["items"]),
            cells=sum(len(profile) for profile in data["target_profile"].values()),
            questions=len(data["questions"]),
            trends=len(data["trends"]),
            step_sizes=tuple(size for size in by_category.values() if size),
            active_items_by_category=by_category,
        )


@functools.cache
def guide_counts():
    """The counts of the real guide, for module-level constants and parametrize lists."""
    return GuideCounts.of(parsed_guide())
