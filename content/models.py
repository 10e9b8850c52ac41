"""The guide as data: the CTO skill matrix, the career ladder and the learning material.

Slugs are the stable keys that the data file, exports and user data refer to. Rows that
others depend on are protected (on_delete=PROTECT): items are retired with `active`.
Translated text fields get `_ja` / `_en` columns from django-modeltranslation
(see content/translation.py).
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.bands import LEVEL_MAX, LEVEL_MIN, band_constraints, level_field

IMPORTANCE_MIN, IMPORTANCE_MAX = 1, 3


class OrderedModel(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "slug"]

    def __str__(self):
        return getattr(self, "name", None) or getattr(self, "title", None) or self.slug


class Category(OrderedModel):
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta(OrderedModel.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class Item(OrderedModel):
    """An assessable skill, tool category, responsibility or collaboration partner."""

    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="items", verbose_name=_("category")
    )
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Retire an item by unticking this; never delete it.")
    )

    class Meta:
        ordering = ["category__order", "order", "slug"]
        verbose_name = _("item")
        verbose_name_plural = _("items")


class Tool(models.Model):
    """A named tool of a tool-category item (e.g. Jenkins for CI/CD).

    The same tool may serve several items (Datadog for monitoring and for cost), so a
    tool is unique by name within its item, not across the matrix.
    """

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="tools", verbose_name=_("item")
    )
    name = models.CharField(_("name"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["item__category__order", "item__order", "order"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")
        constraints = [
            models.UniqueConstraint(fields=["item", "name"], name="tool_unique_name_per_item")
        ]

    def __str__(self):
        return self.name


class RubricLevel(models.Model):
    """What a person at one level (0-4) of an item actually does."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="rubric_levels", verbose_name=_("item")
    )
    level = models.PositiveSmallIntegerField(
        _("level"), validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)]
    )
    text = models.TextField(_("descriptor"))

    class Meta:
        ordering = ["item__category__order", "item__order", "level"]
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")
        constraints = [
            models.UniqueConstraint(fields=["item", "level"], name="rubric_one_text_per_level"),
            models.CheckConstraint(
                condition=Q(level__gte=LEVEL_MIN, level__lte=LEVEL_MAX), name="rubric_level_range"
            ),
        ]

    def __str__(self):
        return f"{self.item} — {self.level}"


class Track(models.TextChoices):
    """Where a stage sits on the career path: the shared start, one of two tracks, the top."""

    CORE = "core", _("Shared path")
    MANAGEMENT = "management", _("Management track")
    ARCHITECTURE = "architecture", _("Architecture track")
    EXECUTIVE = "executive", _("Executive")


class Stage(OrderedModel):
    """A step of the career path, from junior developer to CTO.

    The path branches: `next_stages` names the stages that follow this one. `order` still
    ranks every stage (for the best-fit stage and for listing) but is not a line.
    """

    Track = Track

    name = models.CharField(_("name"), max_length=120)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices, default=Track.CORE)
    next_stages = models.ManyToManyField(
        "self",
        symmetrical=False,
        related_name="previous_stages",
        blank=True,
        verbose_name=_("stages that follow"),
    )
    role = models.TextField(_("role"))
    responsibilities = models.TextField(_("responsibilities"))
    next_step = models.TextField(_("next step"))

    class Meta(OrderedModel.Meta):
        verbose_name = _("career stage")
        verbose_name_plural = _("career stages")
        constraints = [
            models.UniqueConstraint(fields=["order"], name="stage_unique_order"),
            models.CheckConstraint(condition=Q(track__in=Track.values), name="stage_track_known"),
        ]


class TargetLevel(models.Model):
    """One cell of a stage's target profile: expected level and importance of an item.

    A core cell names one of the stage's role-defining items: the stage is reached only
    when every core item meets its expected level, whatever the readiness.
    """

    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="target_levels", verbose_name=_("stage")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="target_levels", verbose_name=_("item")
    )
    expected = models.PositiveSmallIntegerField(
        _("expected level"), validators=[MinValueValidator(LEVEL_MIN), MaxValueValidator(LEVEL_MAX)]
    )
    importance = models.PositiveSmallIntegerField(
        _("importance"),
        validators=[MinValueValidator(IMPORTANCE_MIN), MaxValueValidator(IMPORTANCE_MAX)],
    )
    core = models.BooleanField(
        _("core item"),
        default=False,
        help_text=_("A role-defining item: the stage is reached only when it meets its level."),
    )

    class Meta:
        ordering = ["stage__order", "item__category__order", "item__order"]
        verbose_name = _("target profile cell")
        verbose_name_plural = _("target profile")
        constraints = [
            models.UniqueConstraint(
                fields=["stage", "item"], name="target_one_cell_per_stage_item"
            ),
            models.CheckConstraint(
                condition=Q(expected__gte=LEVEL_MIN, expected__lte=LEVEL_MAX),
                name="target_expected_range",
            ),
            models.CheckConstraint(
                condition=Q(importance__gte=IMPORTANCE_MIN, importance__lte=IMPORTANCE_MAX),
                name="target_importance_range",
            ),
            # A core item with nothing expected could never hold a stage back.
            models.CheckConstraint(
                condition=Q(core=False) | Q(expected__gt=0), name="target_core_expects_a_level"
            ),
        ]

    def __str__(self):
        core = " core" if self.core else ""
        return f"{self.stage} × {self.item}: {self.expected} (×{self.importance}){core}"


class LearningStep(OrderedModel):
    name = models.CharField(_("name"), max_length=150)
    goal = models.TextField(_("goal"))
    # What the guide names at this step but the site does not offer (a title that cannot
    # be verified), said once here instead of as a resource.
    note = models.TextField(_("note"), blank=True)

    class Meta(OrderedModel.Meta):
        verbose_name = _("learning step")
        verbose_name_plural = _("learning steps")


class Provenance(models.TextChoices):
    GUIDE = "guide", _("Named by the guide")
    ADDED = "added", _("Added by CTO Assess")


class ResourceKind(models.TextChoices):
    BOOK = "book", _("Book")
    COURSE = "course", _("Course")
    CERTIFICATION = "certification", _("Certification")
    REPORT = "report", _("Report")
    CONFERENCE = "conference", _("Conference")
    COMMUNITY = "community", _("Community")
    MAGAZINE = "magazine", _("Magazine")


class Resource(OrderedModel):
    """A book, course, certification, report, conference or community to learn from."""

    Kind = ResourceKind

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    author = models.CharField(_("author or provider"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year first published"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    url = models.URLField(
        _("URL"), blank=True, help_text=_("Only the official page, and only when certain.")
    )
    description = models.TextField(_("description"), blank=True)
    # Blank (null) only on rows from before the guide's second edition.
    effort_hours = models.PositiveSmallIntegerField(
        _("effort in hours"), null=True, validators=[MinValueValidator(1)]
    )
    level_from = level_field(_("serves from level"))
    level_to = level_field(_("to level"))
    provenance = models.CharField(
        _("provenance"), max_length=10, choices=Provenance.choices, default=Provenance.GUIDE
    )
    step = models.ForeignKey(
        LearningStep,
        on_delete=models.PROTECT,
        related_name="resources",
        verbose_name=_("learning step"),
    )
    items = models.ManyToManyField(
        Item,
        through="ResourceItem",
        related_name="resources",
        verbose_name=_("items it builds"),
    )

    class Meta:
        ordering = ["step__order", "order", "slug"]
        verbose_name = _("learning resource")
        verbose_name_plural = _("learning resources")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ResourceKind.values),
                name="resource_kind_known",
            ),
            models.CheckConstraint(
                condition=Q(provenance__in=Provenance.values), name="resource_provenance_known"
            ),
            *band_constraints("resource"),
        ]

    @property
    def band(self):
        return (self.level_from, self.level_to)


class Fit(models.TextChoices):
    CORE = "core", _("Core: built for this item at this band")
    SUPPORTING = "supporting", _("Supporting: useful beside a core resource")


class ResourceItem(models.Model):
    """A resource's link to an item it builds: how well it fits, and for which levels.

    A plan offers the core resources of the person's band before any supporting one, so a
    report on incident response is never the first pick for DevSecOps.
    """

    Fit = Fit

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="links", verbose_name=_("resource")
    )
    item = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="resource_links", verbose_name=_("item")
    )
    fit = models.CharField(_("fit"), max_length=12, choices=Fit.choices, default=Fit.CORE)
    # Blank: the resource's own band.
    level_from = level_field(_("serves from level"), blank=True)
    level_to = level_field(_("to level"), blank=True)

    class Meta:
        db_table = "content_resource_items"  # the table of the plain link it grew from
        unique_together = [("resource", "item")]
        ordering = ["item__category__order", "item__order"]
        verbose_name = _("item a resource builds")
        verbose_name_plural = _("items a resource builds")
        constraints = [
            models.CheckConstraint(condition=Q(fit__in=Fit.values), name="resource_item_fit_known"),
            *band_constraints("resource_item"),
        ]

    def __str__(self):
        low, high = self.band
        return f"{self.resource} → {self.item} ({self.fit}, {low}→{high})"

    @property
    def band(self):
        """(from, to) for this item: the link's own band, else the resource's."""
        if self.level_from is None or self.level_to is None:
            return self.resource.band
        return (self.level_from, self.level_to)


class PracticeAction(OrderedModel):
    """Something a person does at work this month to move an item from one level to another."""

    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="practice_actions", verbose_name=_("item")
    )
    level_from = level_field(_("from level"))
    level_to = level_field(_("to level"))
    text = models.TextField(_("action"))
    # Blank (null) only on rows from before the plan counted each practice's own hours.
    hours = models.PositiveSmallIntegerField(
        _("hours it takes"), null=True, blank=True, validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["item__category__order", "item__order", "level_from", "order"]
        verbose_name = _("practice action")
        verbose_name_plural = _("practice actions")
        constraints = band_constraints("practice")

    def __str__(self):
        return f"{self.item} {self.level_from}→{self.level_to}"


class InterviewQuestion(OrderedModel):
    question = models.TextField(_("question"))
    answer_points = models.TextField(_("answer points"))
    items = models.ManyToManyField(
        Item, related_name="interview_questions", verbose_name=_("items it tests")
    )

    class Meta(OrderedModel.Meta):
        verbose_name = _("interview question")
        verbose_name_plural = _("interview questions")

    def __str__(self):
        return self.question


class Trend(OrderedModel):
    name = models.CharField(_("name"), max_length=150)
    description = models.TextField(_("description"))
    why_it_matters = models.TextField(_("why it matters"))
    items = models.ManyToManyField(Item, related_name="trends", verbose_name=_("items it touches"))

    class Meta(OrderedModel.Meta):
        verbose_name = _("future trend")
        verbose_name_plural = _("future trends")


class CompanyKind(OrderedModel):
    name = models.CharField(_("name"), max_length=150)
    examples = models.TextField(_("examples"))
    cto_role = models.TextField(_("what the CTO does there"))
    target_note = models.TextField(_("why the targets differ"), blank=True)

    class Meta(OrderedModel.Meta):
        verbose_name = _("kind of company")
        verbose_name_plural = _("kinds of company")


class TargetOverride(models.Model):
    """A kind of company's change to one cell of a stage's target profile."""

    company_kind = models.ForeignKey(
        CompanyKind,
        on_delete=models.PROTECT,
        related_name="overrides",
        verbose_name=_("kind of company"),
    )
    stage = models.ForeignKey(
        Stage, on_delete=models.PROTECT, related_name="overrides", verbose_name=_("stage")
    )
    item = models.ForeignKey(
        Item, on_delete=models.PROTECT, related_name="overrides", verbose_name=_("item")
    )
    expected = level_field(_("expected level"), blank=True)
    importance = models.PositiveSmallIntegerField(
        _("importance"),
        null=True,
        blank=True,
        validators=[MinValueValidator(IMPORTANCE_MIN), MaxValueValidator(IMPORTANCE_MAX)],
    )

    class Meta:
        ordering = ["company_kind__order", "stage__order", "item__category__order", "item__order"]
        verbose_name = _("target override")
        verbose_name_plural = _("target overrides")
        constraints = [
            models.UniqueConstraint(
                fields=["company_kind", "stage", "item"], name="override_one_per_kind_cell"
            ),
            models.CheckConstraint(
                condition=Q(expected__isnull=False) | Q(importance__isnull=False),
                name="override_changes_something",
            ),
            models.CheckConstraint(
                condition=Q(expected__isnull=True)
                | Q(expected__gte=LEVEL_MIN, expected__lte=LEVEL_MAX),
                name="override_expected_range",
            ),
            models.CheckConstraint(
                condition=Q(importance__isnull=True)
                | Q(importance__gte=IMPORTANCE_MIN, importance__lte=IMPORTANCE_MAX),
                name="override_importance_range",
            ),
        ]

    def __str__(self):
        return f"{self.company_kind}: {self.stage} × {self.item}"

    def apply_to(self, cell):
        """Show `cell` (a TargetLevel, not saved) as this kind's target: what it overrides."""
        if self.expected is not None:
            cell.expected = self.expected
        if self.importance is not None:
            cell.importance = self.importance
        cell.overridden = True


# The knowledge checks live in their own module; importing them here registers them.
from content.knowledge_checks import KnowledgeCheck, KnowledgeChoice  # noqa: E402,F401
