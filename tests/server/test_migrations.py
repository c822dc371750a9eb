"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from ecabinet.server.db import alembic_config, make_engine, migrate
from ecabinet.server.models import Base
from tests.dbs import PostgresDatabase, empty_postgres, migrate_to, require_postgres


def _differences(url: str) -> list[object]:
    engine = make_engine(url)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    return list(diff)


def test_sqlite_schema_matches_the_models(tmp_path: Path) -> None:
    assert _differences(f"sqlite:///{tmp_path / 'db.sqlite3'}") == []


def test_postgres_schema_matches_the_models() -> None:
    database = PostgresDatabase(require_postgres())
    try:
        assert _differences(database.url) == []
    finally:
        database.drop()


def test_postgres_upgrades_revision_by_revision_keeping_its_data() -> None:
    """An upgrade in the field: a database made at the first schema, with data in it, goes
    through every later revision in turn and ends as the models say, its data kept."""
    with empty_postgres("ecabinet_upgrade") as url:
        engine = make_engine(url)
        script = ScriptDirectory.from_config(alembic_config(url))
        revisions = [r.revision for r in script.walk_revisions()][::-1]
        assert revisions, "no migrations found"
        for number, revision in enumerate(revisions):
            migrate_to(engine, revision)
            if number == 0:
                with engine.begin() as conn:
                    conn.execute(
                        text(
                            "INSERT INTO bodies (id, code, name) VALUES ('b1', 'gov', 'Chính phủ')"
                        )
                    )
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM bodies WHERE id = 'b1'")).scalar() == (
                "Chính phủ"
            )
            assert list(compare_metadata(MigrationContext.configure(conn), Base.metadata)) == []
        engine.dispose()
