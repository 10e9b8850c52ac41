"""Rows of the guide written in place by a natural key, each change recorded by name.

The loader (content.guide_loader) writes every part of the guide through these: a row
the file adds is created, a row whose values differ is updated field by field, and with
missing_only an existing row is left as an admin left it.
"""

from content.guide_schema import LANGUAGES


def texts(field_name, text):
    """{"ja": .., "en": ..} -> {"name_ja": .., "name_en": ..}; a missing text is blank."""
    text = text or {}
    return {f"{field_name}_{lang}": text.get(lang, "") for lang in LANGUAGES}


def _same(stored, value):
    """Equal, counting a blank text the same as an unset (null) translated field."""
    return stored == value or (stored in (None, "") and value in (None, ""))


class Upserter:
    """Creates or updates rows of one model, keyed by a natural key, recording changes."""

    def __init__(self, result, model, key_fields, label):
        self.result, self.model, self.key_fields, self.label = result, model, key_fields, label
        self.rows = {self._key(row): row for row in model.objects.all()}
        self.new_pks = set()

    def _key(self, row):
        return tuple(getattr(row, name) for name in self.key_fields)

    def save(self, key, values, name):
        row = self.rows.get(key)
        if row is None:
            row = self.model(**dict(zip(self.key_fields, key, strict=True)), **values)
            row.save()
            self.rows[key] = row
            self.new_pks.add(row.pk)
            self.result.created.append(f"{self.label} {name}")
            return row
        if self.result.missing_only:
            return row
        changed = [f for f, value in values.items() if not _same(getattr(row, f), value)]
        if changed:
            for f in changed:
                setattr(row, f, values[f])
            row.save(update_fields=changed)
            self.result.updated.append(f"{self.label} {name}: {', '.join(changed)}")
        return row

    def set_items(self, row, relation, item_rows, name):
        if self.result.missing_only and row.pk not in self.new_pks:
            return
        manager = getattr(row, relation)
        wanted = {item.pk for item in item_rows}
        if set(manager.values_list("pk", flat=True)) != wanted:
            manager.set(item_rows)
            if row.pk not in self.new_pks:
                self.result.updated.append(f"{self.label} {name}: {relation}")


def upsert_by_slug(result, model, label, entries, values_of):
    """Save each entry's row by its slug; return (the upserter, {slug: row})."""
    upserter = Upserter(result, model, ["slug"], label)
    return upserter, {
        entry["slug"]: upserter.save((entry["slug"],), values_of(entry), entry["slug"])
        for entry in entries
    }
