-- Checkout that remembers: the state or province of an order (required at checkout where the
-- country needs one, absent from older orders) and each account's address book.
-- (No semicolons in these comments: the wasm schema engine splits the script on them.)

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "ship_region" VARCHAR(120);

-- CreateTable
CREATE TABLE "saved_addresses" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "line1" VARCHAR(200) NOT NULL,
    "city" VARCHAR(120) NOT NULL,
    "region" VARCHAR(120),
    "postal_code" VARCHAR(20) NOT NULL,
    "country" CHAR(2) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_addresses_user_id_last_used_at_idx" ON "saved_addresses"("user_id", "last_used_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "saved_addresses_user_id_fingerprint_key" ON "saved_addresses"("user_id", "fingerprint");

-- AddForeignKey
ALTER TABLE "saved_addresses" ADD CONSTRAINT "saved_addresses_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
