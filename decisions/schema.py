"""The register's latest schema version, apart from the migration steps (which import
SQLAlchemy) so the standard-library reading knows which registers it may read (issue 15).
decisions/migrations/__init__.py refuses to load when its last step is not this one."""

LATEST = 10
