"""The triggers that change the guide's stamp on every write to a table of the guide.

Signals would miss bulk writes (`update()`, `bulk_create`) and raw SQL, so the database
itself changes the stamp, in the writing transaction: other processes see the new stamp
exactly when they can see the new content. Every `migrate` (re)installs them on every table
of the `content` app (apps.py), so a table a later migration adds or rebuilds has one; a
test checks that each does.
"""

VERSION_TABLE = "guide_version_guideversion"
TRIGGER = "guide_version_bump"

_SQLITE_NEW_STAMP = "lower(hex(randomblob(16)))"
_POSTGRES_NEW_STAMP = "md5(random()::text || clock_timestamp()::text)"

# Names and SQL of our own, no outside input.
_UPSERT = (
    f"INSERT INTO {VERSION_TABLE} (id, stamp) VALUES (1, {{stamp}}) "  # noqa: S608
    "ON CONFLICT (id) DO UPDATE SET stamp = excluded.stamp"
)

_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_UPSERT.format(stamp=_POSTGRES_NEW_STAMP)};
    RETURN NULL;
END $$
"""

SQLITE_OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def _sqlite_name(table, operation):
    return f"{TRIGGER}_{table}_{operation.lower()}"


def install_statements(vendor, tables):
    """The SQL that makes every write to `tables` change the guide's stamp."""
    if vendor == "postgresql":
        return [_POSTGRES_FUNCTION] + [
            f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"; '
            f'CREATE TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER}()"
            for table in tables
        ]
    if vendor == "sqlite":
        # SQLite has row triggers only; a bulk write changes the stamp once per row.
        upsert = _UPSERT.format(stamp=_SQLITE_NEW_STAMP)
        return [
            f'CREATE TRIGGER IF NOT EXISTS "{_sqlite_name(table, operation)}" '
            f'AFTER {operation} ON "{table}" BEGIN {upsert}; END'
            for table in tables
            for operation in SQLITE_OPERATIONS
        ]
    raise NotImplementedError(f"No guide version triggers for {vendor}")


def remove_statements(vendor, tables):
    if vendor == "postgresql":
        return [f'DROP TRIGGER IF EXISTS {TRIGGER} ON "{table}"' for table in tables]
    if vendor == "sqlite":
        return [
            f'DROP TRIGGER IF EXISTS "{_sqlite_name(table, operation)}"'
            for table in tables
            for operation in SQLITE_OPERATIONS
        ]
    raise NotImplementedError(f"No guide version triggers for {vendor}")


def install(schema_editor, tables):
    for statement in install_statements(schema_editor.connection.vendor, tables):
        schema_editor.execute(statement)


def remove(schema_editor, tables):
    for statement in remove_statements(schema_editor.connection.vendor, tables):
        schema_editor.execute(statement)


def tables_with_triggers(connection):
    """The tables that carry the stamp's trigger (for the test that each guide table does)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT event_object_table FROM information_schema.triggers "
                "WHERE trigger_name = %s",
                [TRIGGER],
            )
            return {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        names = {(table, name) for table, name in cursor.fetchall()}
    return {
        table
        for table, _ in names
        if all((table, _sqlite_name(table, op)) in names for op in SQLITE_OPERATIONS)
    }


def install_on_guide_tables(connection):
    """(Re)install the triggers on every table of the guide that exists: after every
    `migrate`, since SQLite drops a table's triggers when a migration rebuilds the table,
    and a new table of the guide needs its own."""
    from django.apps import apps

    existing = set(connection.introspection.table_names())
    if VERSION_TABLE not in existing:
        return
    config = apps.get_app_config("content")
    tables = sorted(
        {model._meta.db_table for model in config.get_models(include_auto_created=True)} & existing
    )
    with connection.cursor() as cursor:
        for statement in install_statements(connection.vendor, tables):
            cursor.execute(statement)
