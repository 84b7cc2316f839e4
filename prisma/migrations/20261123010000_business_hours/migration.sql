-- Business hours (an organisation schedule and optional team schedules, expanded into absolute
-- intervals for business-time arithmetic in SQL), SLA policies per priority, and the at-risk widget.

-- CreateEnum
CREATE TYPE "HoursBasis" AS ENUM ('calendar', 'business');

-- AlterEnum
ALTER TYPE "WidgetKind" ADD VALUE 'sla_at_risk';

-- CreateTable
CREATE TABLE "business_schedules" (
    "id" SERIAL NOT NULL,
    "time_zone" TEXT NOT NULL,
    "weekly_hours" JSONB NOT NULL,
    "holidays" JSONB NOT NULL DEFAULT '[]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_schedules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "business_intervals" (
    "schedule_id" INTEGER NOT NULL,
    "start_at" TIMESTAMPTZ(3) NOT NULL,
    "end_at" TIMESTAMPTZ(3) NOT NULL,
    "seconds_before" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "business_intervals_pkey" PRIMARY KEY ("schedule_id","start_at")
);

-- CreateTable
CREATE TABLE "sla_policies" (
    "priority" "Priority" NOT NULL,
    "first_response_seconds" INTEGER,
    "first_response_hours" "HoursBasis" NOT NULL DEFAULT 'business',
    "resolution_seconds" INTEGER,
    "resolution_hours" "HoursBasis" NOT NULL DEFAULT 'business',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sla_policies_pkey" PRIMARY KEY ("priority")
);

-- AlterTable
ALTER TABLE "teams" ADD COLUMN "business_schedule_id" INTEGER;

-- AlterTable
ALTER TABLE "org_settings" ADD COLUMN "business_schedule_id" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "teams_business_schedule_id_key" ON "teams"("business_schedule_id");

-- CreateIndex
CREATE UNIQUE INDEX "org_settings_business_schedule_id_key" ON "org_settings"("business_schedule_id");

-- CreateIndex
CREATE INDEX "business_intervals_schedule_id_seconds_before_idx" ON "business_intervals"("schedule_id", "seconds_before");

-- AddForeignKey
ALTER TABLE "teams" ADD CONSTRAINT "teams_business_schedule_id_fkey" FOREIGN KEY ("business_schedule_id") REFERENCES "business_schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "org_settings" ADD CONSTRAINT "org_settings_business_schedule_id_fkey" FOREIGN KEY ("business_schedule_id") REFERENCES "business_schedules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "business_intervals" ADD CONSTRAINT "business_intervals_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "business_schedules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
