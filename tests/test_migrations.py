"""Migrations build the schema the models describe, and go down and up again cleanly."""
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from foi import create_app
from foi.extensions import db


def test_migrations_match_models_and_downgrade_cleanly(spare_database_url):
    app = create_app("testing", SQLALCHEMY_DATABASE_URI=spare_database_url)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "include_name": lambda name, type_, parent: not (
                    type_ == "table" and (name or "").startswith("search_"))})
            assert compare_metadata(context, db.metadata) == []
            assert "search_document" in sa.inspect(conn).get_table_names()

        downgrade(revision="base")
        with db.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}

        upgrade()
        with db.engine.connect() as conn:
            assert "info_request" in sa.inspect(conn).get_table_names()
        db.engine.dispose()
