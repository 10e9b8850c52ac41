"""The database refuses to change a completed assessment's frozen report.

The check constraint `assessment_completed_is_frozen` says a completed assessment has a
frozen report and a draft has none; these triggers add that the report's data never
changes once written, and that a completed assessment keeps the report it was given.
Both are (re)installed after every `migrate` (apps.py): SQLite drops a table's triggers
when a migration rebuilds the table.
"""

FROZEN_TABLE = "assessments_frozenreport"
ASSESSMENT_TABLE = "assessments_assessment"
MESSAGE = "the frozen report of a completed assessment never changes"

_SQLITE = [
    f"""CREATE TRIGGER IF NOT EXISTS frozen_report_data_never_changes
    BEFORE UPDATE OF data ON {FROZEN_TABLE}
    WHEN NEW.data IS NOT OLD.data
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS frozen_report_stays_with_its_assessment
    BEFORE UPDATE OF frozen_report_id ON {ASSESSMENT_TABLE}
    WHEN OLD.frozen_report_id IS NOT NULL AND NEW.frozen_report_id IS NOT OLD.frozen_report_id
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
]

_POSTGRES = [
    f"""CREATE OR REPLACE FUNCTION frozen_report_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$""",
    f"""DROP TRIGGER IF EXISTS frozen_report_data_never_changes ON {FROZEN_TABLE};
    CREATE TRIGGER frozen_report_data_never_changes BEFORE UPDATE ON {FROZEN_TABLE}
    FOR EACH ROW WHEN (NEW.data::text IS DISTINCT FROM OLD.data::text)
    EXECUTE FUNCTION frozen_report_refuse_change()""",
    f"""DROP TRIGGER IF EXISTS frozen_report_stays_with_its_assessment ON {ASSESSMENT_TABLE};
    CREATE TRIGGER frozen_report_stays_with_its_assessment BEFORE UPDATE ON {ASSESSMENT_TABLE}
    FOR EACH ROW WHEN (OLD.frozen_report_id IS NOT NULL
        AND NEW.frozen_report_id IS DISTINCT FROM OLD.frozen_report_id)
    EXECUTE FUNCTION frozen_report_refuse_change()""",
]


def install(connection):
    """Install the triggers where both tables exist (not before the migration that adds
    the frozen reports' table, nor after migrating back past it)."""
    tables = set(connection.introspection.table_names())
    if not {FROZEN_TABLE, ASSESSMENT_TABLE} <= tables:
        return
    statements = {"sqlite": _SQLITE, "postgresql": _POSTGRES}.get(connection.vendor, [])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def remove(connection):
    with connection.cursor() as cursor:
        for name, table in (
            ("frozen_report_data_never_changes", FROZEN_TABLE),
            ("frozen_report_stays_with_its_assessment", ASSESSMENT_TABLE),
        ):
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
