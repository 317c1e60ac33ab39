-- Global search (lib/search/): full-text and trigram search over every kind of record, kept by PostgreSQL.
--   * "searchVector": a generated tsvector in the language-neutral 'simple' configuration (analysts write
--     names and quotes in many languages; stemming for one would mangle the others), queried with prefix
--     matching, behind a GIN index.
--   * "searchName" (records with a name): the folded name (and aliases) behind a trigram GIN index, for
--     misspellings ("Pashinian" finds "Pashinyan").
-- Text is folded (lower case, accents removed by unaccent) on both sides, so "Erdoğan" finds "Erdogan".
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change); generated columns need IMMUTABLE. Naming the
-- dictionary explicitly makes the result fixed for a given input, which is what IMMUTABLE promises.
CREATE FUNCTION search_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN lower(public.unaccent('public.unaccent'::regdictionary, coalesce(value, '')));

CREATE FUNCTION search_fold_list(value text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN search_fold(array_to_string(value, ' '));

ALTER TABLE "Actor"
  ADD COLUMN "searchName" text GENERATED ALWAYS AS (search_fold(name) || ' ' || search_fold_list(aliases)) STORED,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(name) || ' ' || search_fold_list(aliases) || ' ' || search_fold(description))) STORED;
CREATE INDEX "Actor_searchVector_idx" ON "Actor" USING GIN ("searchVector");
CREATE INDEX "Actor_searchName_idx" ON "Actor" USING GIN ("searchName" gin_trgm_ops);

ALTER TABLE "Issue"
  ADD COLUMN "searchName" text GENERATED ALWAYS AS (search_fold(title)) STORED,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(title) || ' ' || search_fold(description))) STORED;
CREATE INDEX "Issue_searchVector_idx" ON "Issue" USING GIN ("searchVector");
CREATE INDEX "Issue_searchName_idx" ON "Issue" USING GIN ("searchName" gin_trgm_ops);

ALTER TABLE "Source"
  ADD COLUMN "searchName" text GENERATED ALWAYS AS (search_fold(title) || ' ' || search_fold(outlet) || ' ' || search_fold(author)) STORED,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(title) || ' ' || search_fold(outlet) || ' ' || search_fold(author) || ' ' || search_fold(body))) STORED;
CREATE INDEX "Source_searchVector_idx" ON "Source" USING GIN ("searchVector");
CREATE INDEX "Source_searchName_idx" ON "Source" USING GIN ("searchName" gin_trgm_ops);

ALTER TABLE "StatedInterest"
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(quote) || ' ' || search_fold(summary))) STORED;
CREATE INDEX "StatedInterest_searchVector_idx" ON "StatedInterest" USING GIN ("searchVector");

ALTER TABLE "Assessment"
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(quote) || ' ' || search_fold(rationale))) STORED;
CREATE INDEX "Assessment_searchVector_idx" ON "Assessment" USING GIN ("searchVector");

ALTER TABLE "Scenario"
  ADD COLUMN "searchName" text GENERATED ALWAYS AS (search_fold(name)) STORED,
  ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, search_fold(name) || ' ' || search_fold(description))) STORED;
CREATE INDEX "Scenario_searchVector_idx" ON "Scenario" USING GIN ("searchVector");
CREATE INDEX "Scenario_searchName_idx" ON "Scenario" USING GIN ("searchName" gin_trgm_ops);
