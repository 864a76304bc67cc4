-- Each category keeps how many products it holds, so listings and the department list never
-- count the products table per request. Statement-level triggers with transition tables: a
-- seed inserting thousands of rows updates each category once per statement, and an update
-- that moves no product between categories (a stock change at checkout) writes nothing.
--
-- The function bodies are E'' strings with \073 for each semicolon: the migration runner sends
-- a script statement by statement, split at every semicolon, dollar quotes or not.
ALTER TABLE "categories" ADD COLUMN "product_count" INTEGER NOT NULL DEFAULT 0;

UPDATE "categories" c
SET "product_count" = (SELECT count(*) FROM "products" p WHERE p."category_id" = c."id");

CREATE FUNCTION "count_inserted_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "categories" c SET "product_count" = c."product_count" + d."n"
  FROM (SELECT "category_id", count(*) AS "n" FROM "added" GROUP BY 1) AS d
  WHERE c."id" = d."category_id"\073
  RETURN NULL\073
END';

CREATE FUNCTION "count_deleted_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "categories" c SET "product_count" = c."product_count" - d."n"
  FROM (SELECT "category_id", count(*) AS "n" FROM "removed" GROUP BY 1) AS d
  WHERE c."id" = d."category_id"\073
  RETURN NULL\073
END';

-- Only products that changed category move a count.
CREATE FUNCTION "count_moved_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "categories" c SET "product_count" = c."product_count" + d."delta"
  FROM (
    SELECT "category_id", sum("delta") AS "delta"
    FROM (
      SELECT "category_id", 1 AS "delta" FROM "added"
      UNION ALL
      SELECT "category_id", -1 FROM "removed"
    ) AS "changes"
    GROUP BY "category_id"
    HAVING sum("delta") <> 0
  ) AS d
  WHERE c."id" = d."category_id"\073
  RETURN NULL\073
END';

CREATE TRIGGER "products_counted_on_insert" AFTER INSERT ON "products"
  REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_inserted_products"();

CREATE TRIGGER "products_counted_on_delete" AFTER DELETE ON "products"
  REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_deleted_products"();

CREATE TRIGGER "products_counted_on_update" AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS "removed" NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_moved_products"();
