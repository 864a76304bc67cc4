-- Spelling corrections prefer the words of product names: "tabel" is as like "label" (a word of
-- some descriptions) as "table", and shoppers search for what things are called. One function
-- now keeps the words for both triggers. (No semicolon in these comments: the migration runner
-- splits the script at every one.)
ALTER TABLE "search_words" ADD COLUMN "in_names" BOOLEAN NOT NULL DEFAULT false;

-- The words (3 letters or more) of products' names and descriptions, added or marked as words of
-- names: one statement for any number of products.
CREATE FUNCTION "keep_search_words"("names" TEXT[], "descriptions" TEXT[]) RETURNS void LANGUAGE sql AS E'
  INSERT INTO "search_words" ("word", "in_names")
  SELECT w."word", bool_or(w."in_name")
  FROM unnest("names", "descriptions") AS p("name", "description"),
    LATERAL (
      SELECT t, true FROM regexp_split_to_table(lower(p."name"), ''[^[:alnum:]]+'') AS t
      UNION ALL
      SELECT t, false FROM regexp_split_to_table(lower(p."description"), ''[^[:alnum:]]+'') AS t
    ) AS w("word", "in_name")
  WHERE length(w."word") >= 3
  GROUP BY w."word"
  ON CONFLICT ("word") DO UPDATE SET "in_names" = true
  WHERE EXCLUDED."in_names" AND NOT "search_words"."in_names"';

SELECT "keep_search_words"(array_agg("name"), array_agg("description")) FROM "products";

CREATE OR REPLACE FUNCTION "add_search_words"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "keep_search_words"(array_agg("name"), array_agg("description")) FROM "new_products"\073
  RETURN NULL\073
END';

CREATE OR REPLACE FUNCTION "add_changed_search_words"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "keep_search_words"(ARRAY[NEW."name"]::TEXT[], ARRAY[NEW."description"]::TEXT[])\073
  RETURN NULL\073
END';
