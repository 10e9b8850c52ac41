"""The real guide (content/data/guide.yaml) as the tests know it: its data and its counts.

Tests take every count of the guide's content from here, never as a literal, so that an
item added to the data file changes no test. tests/content/test_guide_counts.py is the
one place that states the guide's figures, because checking them is what it is for.
"""

import functools
from dataclasses import dataclass

from content.guide_loader import DEFAULT_GUIDE_FILE, read_guide_file


class _Slugs:
    """Plain strings (not an Enum): they go into YAML, JSON, URLs and messages as they are."""

    @classmethod
    def all(cls):
        return [value for name, value in vars(cls).items() if name.isupper()]


class StageSlug(_Slugs):
    """The real guide's stages by slug, in ladder order: tests name a stage through these,
    never as a literal (tests/content/test_guide_counts.py holds them to the data file)."""

    JUNIOR_DEVELOPER = "junior-developer"
    SENIOR_DEVELOPER = "senior-developer"
    TECH_LEAD = "tech-lead"
    ENGINEERING_MANAGER = "engineering-manager"
    SOLUTIONS_ARCHITECT = "solutions-architect"
    VP_ENGINEERING = "vp-engineering"
    CTO = "cto"


class ItemSlug(_Slugs):
    """The real guide's items by slug, in the data file's order (retired ones included)."""

    CLOUD_COMPUTING = "cloud-computing"
    PROGRAMMING_LANGUAGES = "programming-languages"
    SYSTEM_ARCHITECTURE = "system-architecture"
    DATA_ENGINEERING = "data-engineering"
    CYBERSECURITY = "cybersecurity"
    DEVOPS_AUTOMATION = "devops-automation"
    AI_ML = "ai-ml"
    STRATEGIC_THINKING = "strategic-thinking"
    COMMUNICATION = "communication"
    LEADERSHIP_CULTURE = "leadership-culture"
    CHANGE_MANAGEMENT = "change-management"
    CRISIS_MANAGEMENT = "crisis-management"
    CICD_TOOLS = "cicd-tools"
    MONITORING_TOOLS = "monitoring-tools"
    PROJECT_MANAGEMENT_TOOLS = "project-management-tools"
    COLLABORATION_TOOLS = "collaboration-tools"
    INFRASTRUCTURE_AS_CODE = "infrastructure-as-code"
    SECURITY_SCANNING = "security-scanning"
    COST_MANAGEMENT_TOOLS = "cost-management-tools"
    TECHNOLOGY_STRATEGY = "technology-strategy"
    ARCHITECTURE_OVERSIGHT = "architecture-oversight"
    RESEARCH_DEVELOPMENT = "research-development"
    TEAM_BUILDING = "team-building"
    RISK_SECURITY_GOVERNANCE = "risk-security-governance"
    TECH_BRANDING = "tech-branding"
    BUDGET_ROI = "budget-roi"
    EXECUTIVE_TEAM = "executive-team"
    FINANCE_CFO = "finance-cfo"
    PRODUCT_TEAM = "product-team"
    HR_TEAM = "hr-team"
    MARKETING_SALES = "marketing-sales"


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
