-- Outbox delivery: the relay's claim (attempts, claimed_until) and the steps of a row
-- (purchases_recorded_at, mail_sending_at, mailed_at). delivered_at still means every step done.
-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3),
ADD COLUMN     "last_error" VARCHAR(1000),
ADD COLUMN     "mail_sending_at" TIMESTAMPTZ(3),
ADD COLUMN     "mailed_at" TIMESTAMPTZ(3),
ADD COLUMN     "purchases_recorded_at" TIMESTAMPTZ(3);
