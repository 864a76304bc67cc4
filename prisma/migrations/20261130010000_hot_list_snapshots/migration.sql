-- CreateTable
CREATE TABLE "hot_list_snapshots" (
    "list" VARCHAR(140) NOT NULL,
    "epoch_ms" BIGINT NOT NULL,
    "half_life_seconds" DOUBLE PRECISION NOT NULL,
    "entries" JSONB NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "hot_list_snapshots_pkey" PRIMARY KEY ("list")
);
