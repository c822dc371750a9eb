"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from ecabinet.server.db import make_engine, migrate
from ecabinet.server.models import Base
from tests.dbs import PostgresDatabase, require_postgres


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
