-- Scheduled digests (docs/digests.md): a dashboard's numbers queued daily or weekly at a local
-- time to channels and people.

-- CreateEnum
CREATE TYPE "DigestFrequency" AS ENUM ('daily', 'weekly');

-- CreateTable
CREATE TABLE "digests" (
    "id" SERIAL NOT NULL,
    "dashboard_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "frequency" "DigestFrequency" NOT NULL,
    "weekday" INTEGER,
    "local_time" TEXT NOT NULL,
    "filters" TEXT NOT NULL DEFAULT '',
    "created_by_id" INTEGER,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL,
    "last_run_at" TIMESTAMPTZ(3),
    "last_result" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "digests_pkey" PRIMARY KEY ("id"),
    -- A weekly digest names its weekday, a daily one none.
    CONSTRAINT "digests_weekday_check" CHECK (("frequency" = 'weekly') = ("weekday" IS NOT NULL) AND ("weekday" IS NULL OR "weekday" BETWEEN 1 AND 7)),
    CONSTRAINT "digests_local_time_check" CHECK ("local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);

-- CreateTable
CREATE TABLE "digest_channels" (
    "digest_id" INTEGER NOT NULL,
    "channel_id" INTEGER NOT NULL,

    CONSTRAINT "digest_channels_pkey" PRIMARY KEY ("digest_id","channel_id")
);

-- CreateTable
CREATE TABLE "digest_recipients" (
    "digest_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,

    CONSTRAINT "digest_recipients_pkey" PRIMARY KEY ("digest_id","user_id")
);

-- CreateIndex
CREATE INDEX "digests_enabled_next_run_at_idx" ON "digests"("enabled", "next_run_at");

-- CreateIndex
CREATE INDEX "digests_dashboard_id_idx" ON "digests"("dashboard_id");

-- CreateIndex
CREATE INDEX "digest_channels_channel_id_idx" ON "digest_channels"("channel_id");

-- CreateIndex
CREATE INDEX "digest_recipients_user_id_idx" ON "digest_recipients"("user_id");

-- AddForeignKey
ALTER TABLE "digests" ADD CONSTRAINT "digests_dashboard_id_fkey" FOREIGN KEY ("dashboard_id") REFERENCES "dashboards"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digests" ADD CONSTRAINT "digests_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_channels" ADD CONSTRAINT "digest_channels_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "digests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_channels" ADD CONSTRAINT "digest_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_recipients" ADD CONSTRAINT "digest_recipients_digest_id_fkey" FOREIGN KEY ("digest_id") REFERENCES "digests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "digest_recipients" ADD CONSTRAINT "digest_recipients_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
