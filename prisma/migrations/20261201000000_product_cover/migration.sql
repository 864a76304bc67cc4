-- Each product keeps its cover (the first picture's hash and alt text) on its own row, so a
-- listing page reads its cards from the products index and table alone, with no lookup into
-- product_images per card. Statement-level triggers with transition tables keep it: the image
-- seed's batch inserts and an admin's replace-all edit set each touched product once per
-- statement, and a product whose cover did not change is not written.
--
-- The function bodies are E'' strings with \073 for each semicolon: the migration runner sends
-- a script statement by statement, split at every semicolon, dollar quotes or not.
ALTER TABLE "products" ADD COLUMN "cover_hash" VARCHAR(64), ADD COLUMN "cover_alt" VARCHAR(300);

UPDATE "products" p SET "cover_hash" = i."hash", "cover_alt" = i."alt"
FROM (
  SELECT DISTINCT ON ("product_id") "product_id", "hash", "alt"
  FROM "product_images" ORDER BY "product_id", "position"
) AS i
WHERE p."id" = i."product_id";

CREATE FUNCTION "set_product_covers"("ids" UUID[]) RETURNS void LANGUAGE sql AS E'
  UPDATE "products" p SET "cover_hash" = c."hash", "cover_alt" = c."alt"
  FROM (
    SELECT t."id", i."hash", i."alt" FROM unnest("ids") AS t("id")
    LEFT JOIN LATERAL (
      SELECT "hash", "alt" FROM "product_images"
      WHERE "product_id" = t."id" ORDER BY "position" LIMIT 1
    ) AS i ON true
  ) AS c
  WHERE p."id" = c."id"
    AND (p."cover_hash" IS DISTINCT FROM c."hash" OR p."cover_alt" IS DISTINCT FROM c."alt")';

CREATE FUNCTION "cover_inserted_images"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "set_product_covers"(ARRAY(SELECT DISTINCT "product_id" FROM "added"))\073
  RETURN NULL\073
END';

CREATE FUNCTION "cover_deleted_images"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "set_product_covers"(ARRAY(SELECT DISTINCT "product_id" FROM "removed"))\073
  RETURN NULL\073
END';

CREATE FUNCTION "cover_updated_images"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM "set_product_covers"(ARRAY(
    SELECT "product_id" FROM "added" UNION SELECT "product_id" FROM "removed"
  ))\073
  RETURN NULL\073
END';

CREATE TRIGGER "images_cover_on_insert" AFTER INSERT ON "product_images"
  REFERENCING NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "cover_inserted_images"();

CREATE TRIGGER "images_cover_on_delete" AFTER DELETE ON "product_images"
  REFERENCING OLD TABLE AS "removed"
  FOR EACH STATEMENT EXECUTE FUNCTION "cover_deleted_images"();

CREATE TRIGGER "images_cover_on_update" AFTER UPDATE ON "product_images"
  REFERENCING OLD TABLE AS "removed" NEW TABLE AS "added"
  FOR EACH STATEMENT EXECUTE FUNCTION "cover_updated_images"();
