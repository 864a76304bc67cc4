-- The listings' facets (products per department, price band and in stock or not) kept in a table
-- of a hundred rows or so, by statement-level triggers on products, instead of counted by a scan
-- of the products table whenever the catalog changed (130 ms at 100,000 products). An update that
-- moves no product between cells (most stock changes at checkout) writes nothing. (No semicolon
-- in these comments: the migration runner splits the script at every one.)

-- A price's band: its index in the domain's priceBands (0 is the cheapest), whose lower bounds
-- but the first these are. An integration test holds the two together.
CREATE FUNCTION "product_price_band"("price_cents" INTEGER) RETURNS SMALLINT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS E'
  SELECT width_bucket("price_cents", ''{2500,5000,10000,25000}''::int[])::smallint';

CREATE TABLE "product_facet_cells" (
  "category_id" UUID NOT NULL REFERENCES "categories" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
  "band" SMALLINT NOT NULL,
  "in_stock" BOOLEAN NOT NULL,
  "count" INTEGER NOT NULL,
  CONSTRAINT "product_facet_cells_pkey" PRIMARY KEY ("category_id", "band", "in_stock")
);

-- Products added (delta 1) or taken away (delta -1), counted into their cells in one statement,
-- cells in key order (two writers lock them in the same order).
CREATE FUNCTION "move_facet_counts"("category_ids" UUID[], "prices" INTEGER[], "stocks" INTEGER[], "deltas" INTEGER[])
RETURNS void LANGUAGE sql AS E'
  INSERT INTO "product_facet_cells" AS f ("category_id", "band", "in_stock", "count")
  SELECT c."category_id", "product_price_band"(c."price_cents"), c."stock" > 0, sum(c."delta")
  FROM unnest("category_ids", "prices", "stocks", "deltas") AS c("category_id", "price_cents", "stock", "delta")
  GROUP BY 1, 2, 3
  HAVING sum(c."delta") <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("category_id", "band", "in_stock") DO UPDATE SET "count" = f."count" + EXCLUDED."count"';

SELECT "move_facet_counts"(array_agg("category_id"), array_agg("price_cents"), array_agg("stock"), array_agg(1))
FROM "products";

CREATE FUNCTION "count_facets_of_inserted_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "move_facet_counts"(array_agg("category_id"), array_agg("price_cents"), array_agg("stock"), array_agg(1))
  FROM "added"\073
  RETURN NULL\073
END';

CREATE FUNCTION "count_facets_of_deleted_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "move_facet_counts"(array_agg("category_id"), array_agg("price_cents"), array_agg("stock"), array_agg(-1))
  FROM "removed"\073
  RETURN NULL\073
END';

CREATE FUNCTION "count_facets_of_updated_products"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "move_facet_counts"(array_agg("category_id"), array_agg("price_cents"), array_agg("stock"), array_agg("delta"))
  FROM (
    SELECT "category_id", "price_cents", "stock", 1 AS "delta" FROM "added"
    UNION ALL
    SELECT "category_id", "price_cents", "stock", -1 FROM "removed"
  ) AS "changes"\073
  RETURN NULL\073
END';

CREATE TRIGGER "products_faceted_on_insert" AFTER INSERT ON "products"
  REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_facets_of_inserted_products"();

CREATE TRIGGER "products_faceted_on_delete" AFTER DELETE ON "products"
  REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_facets_of_deleted_products"();

CREATE TRIGGER "products_faceted_on_update" AFTER UPDATE ON "products"
  REFERENCING OLD TABLE AS "removed" NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "count_facets_of_updated_products"();
