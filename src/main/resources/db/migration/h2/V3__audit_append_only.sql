-- H2 can only enforce an append-only table with a Java trigger class loaded by the database,
-- which is fragile inside Quarkus' class loaders. The embedded database is for development and
-- demos; there the hash chain (GET /api/audit/verify) is what detects a modified or deleted row.
-- Kept as a versioned no-op so both vendors share one migration history.
SELECT 1;
