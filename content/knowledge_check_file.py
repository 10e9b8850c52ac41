"""Knowledge checks in the guide data file: their shape, their rules, and their export.

In the file, an item may carry `knowledge_checks`: a list of scenario questions, each
with the rubric level it probes, a situation, and four choices of which exactly one is
the best answer, every choice with its explanation. Slugs are unique across the guide.
"""

from content.knowledge_checks import CHOICES_PER_CHECK, PROBED_MAX, PROBED_MIN


def knowledge_checks_schema(slug, text):
    """The JSON-schema of an item's `knowledge_checks` list, from the file's own parts."""
    choice = {
        "type": "object",
        "properties": {"text": text, "explanation": text, "correct": {"type": "boolean"}},
        "required": ["text", "explanation"],
        "additionalProperties": False,
    }
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "slug": slug,
                "level": {"type": "integer", "minimum": PROBED_MIN, "maximum": PROBED_MAX},
                "situation": text,
                "choices": {
                    "type": "array",
                    "items": choice,
                    "minItems": CHOICES_PER_CHECK,
                    "maxItems": CHOICES_PER_CHECK,
                },
            },
            "required": ["slug", "level", "situation", "choices"],
            "additionalProperties": False,
        },
    }


def knowledge_check_problems(data):
    """(where, message) for every rule the schema cannot say: one best answer, unique slugs."""
    seen = {}
    for index, item in enumerate(data["items"]):
        for check in item.get("knowledge_checks", []):
            where = f"items[{index}] '{item['slug']}', knowledge check '{check['slug']}'"
            if check["slug"] in seen:
                yield where, f"duplicate slug (also a check of '{seen[check['slug']]}')"
            seen[check["slug"]] = item["slug"]
            best = sum(1 for choice in check["choices"] if choice.get("correct") is True)
            if best != 1:
                yield where, f"needs exactly one choice with correct: true (has {best})"


def knowledge_checks_data(item, texts_of):
    """An item's checks in the file's shape (active ones; prefetch `knowledge_checks`)."""
    checks = []
    for check in item.knowledge_checks.all():
        if not check.active:
            continue
        choices = []
        for choice in check.choices.all():
            entry = {"text": texts_of(choice, "text")}
            if choice.correct:
                entry["correct"] = True
            entry["explanation"] = texts_of(choice, "explanation")
            choices.append(entry)
        checks.append(
            {
                "slug": check.slug,
                "level": check.level,
                "situation": texts_of(check, "situation"),
                "choices": choices,
            }
        )
    return checks
