-- Search: each product's words, weighted (its name above its description), kept by Postgres
-- itself in a generated column with a GIN index. And the trigrams of its name (pg_trgm, a
-- trusted extension: the database's owner may add it), so a search with a typo still finds the
-- names most like what was typed. (No semicolon in these comments: the migration runner splits
-- the script at every one.)
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

ALTER TABLE "products" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', "name"), 'A') || setweight(to_tsvector('english', "description"), 'B')
) STORED;

CREATE INDEX "products_search_vector_idx" ON "products" USING GIN ("search_vector");

CREATE INDEX "products_name_trgm_idx" ON "products" USING GIN ("name" gin_trgm_ops);

-- Every word of the products' names and descriptions, for spelling corrections: a search whose
-- words nothing holds is tried again with each unknown word replaced by the most similar known
-- one (trigrams). Kept by triggers: words are added as products are, never removed (a word no
-- product holds any more only finds nothing). The function bodies are E'' strings with \073
-- for each semicolon (the migration runner splits the script at every one).
CREATE TABLE "search_words" ("word" TEXT PRIMARY KEY);

CREATE INDEX "search_words_word_trgm_idx" ON "search_words" USING GIN ("word" gin_trgm_ops);

INSERT INTO "search_words"
SELECT DISTINCT w FROM "products", regexp_split_to_table(lower("name" || ' ' || "description"), '[^[:alnum:]]+') AS w
WHERE length(w) >= 3;

CREATE FUNCTION "add_search_words"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "search_words"
  SELECT DISTINCT w FROM "new_products" p,
    regexp_split_to_table(lower(p."name" || '' '' || p."description"), ''[^[:alnum:]]+'') AS w
  WHERE length(w) >= 3
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE TRIGGER "products_search_words_inserted" AFTER INSERT ON "products"
REFERENCING NEW TABLE AS "new_products" FOR EACH STATEMENT EXECUTE FUNCTION "add_search_words"();

-- Updates change stock and prices all the time: only a row whose words changed adds any.
CREATE FUNCTION "add_changed_search_words"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "search_words"
  SELECT DISTINCT w FROM regexp_split_to_table(lower(NEW."name" || '' '' || NEW."description"), ''[^[:alnum:]]+'') AS w
  WHERE length(w) >= 3
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE TRIGGER "products_search_words_updated" AFTER UPDATE OF "name", "description" ON "products"
FOR EACH ROW WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."description" IS DISTINCT FROM NEW."description")
EXECUTE FUNCTION "add_changed_search_words"();
