-- Admin edits of the catalog: a version per product (edits naming an older one are refused)
-- and an audit log of who changed what, before and after.

-- AlterTable
ALTER TABLE "products" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "product_audit" (
    "id" UUID NOT NULL,
    "product_id" UUID NOT NULL,
    "actor_id" UUID,
    "action" VARCHAR(16) NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_audit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "product_audit_product_id_at_idx" ON "product_audit"("product_id", "at" DESC);

-- AddForeignKey
ALTER TABLE "product_audit" ADD CONSTRAINT "product_audit_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The three things an admin does to a product.
ALTER TABLE "product_audit" ADD CONSTRAINT "product_audit_action_check" CHECK ("action" IN ('create', 'update', 'stock'));
