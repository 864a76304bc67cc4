-- Order totals in bigint: a cart of many expensive lines passes int4's 2,147,483,647 cents.
-- AlterTable
ALTER TABLE "orders" ALTER COLUMN "total_cents" SET DATA TYPE BIGINT;
