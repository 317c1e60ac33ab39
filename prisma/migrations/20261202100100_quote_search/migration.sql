-- Quote search on /assessments?q=… and the API list (lib/assessments/queries.ts) matches
-- `quote ILIKE '%q%' OR rationale ILIKE '%q%'`: trigram GIN indexes answer both sides of the OR from
-- the index (a BitmapOr) instead of reading every assessment. pg_trgm ships with PostgreSQL (contrib,
-- and the embedded binaries) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Assessment_quote_trgm_idx" ON "Assessment" USING GIN ("quote" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Assessment_rationale_trgm_idx" ON "Assessment" USING GIN ("rationale" gin_trgm_ops);
