-- The cover's original size on the product row too, so a listing's card asks for no picture
-- variant wider than the original (an 800 px original has no 1080 px variant worth fetching).
-- The product_cover migration's triggers call set_product_covers, which now keeps the size.
--
-- The function body is an E'' string (see the product_cover migration for why).
ALTER TABLE "products" ADD COLUMN "cover_width" INTEGER, ADD COLUMN "cover_height" INTEGER;

UPDATE "products" p SET "cover_width" = i."width", "cover_height" = i."height"
FROM (
  SELECT DISTINCT ON ("product_id") "product_id", "width", "height"
  FROM "product_images" ORDER BY "product_id", "position"
) AS i
WHERE p."id" = i."product_id";

CREATE OR REPLACE FUNCTION "set_product_covers"("ids" UUID[]) RETURNS void LANGUAGE sql AS E'
  UPDATE "products" p SET "cover_hash" = c."hash", "cover_alt" = c."alt",
    "cover_width" = c."width", "cover_height" = c."height"
  FROM (
    SELECT t."id", i."hash", i."alt", i."width", i."height" FROM unnest("ids") AS t("id")
    LEFT JOIN LATERAL (
      SELECT "hash", "alt", "width", "height" FROM "product_images"
      WHERE "product_id" = t."id" ORDER BY "position" LIMIT 1
    ) AS i ON true
  ) AS c
  WHERE p."id" = c."id"
    AND (p."cover_hash" IS DISTINCT FROM c."hash" OR p."cover_alt" IS DISTINCT FROM c."alt"
      OR p."cover_width" IS DISTINCT FROM c."width" OR p."cover_height" IS DISTINCT FROM c."height")';
