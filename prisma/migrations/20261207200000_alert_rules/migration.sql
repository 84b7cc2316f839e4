-- Alert rules and their history (docs/alerts.md), and bell entries for a user as well as for an
-- agent: alerts go to managers' and admins' bells, who need not be agents.

-- AlterTable
ALTER TABLE "notifications" ALTER COLUMN "agent_id" DROP NOT NULL;
ALTER TABLE "notifications" ADD COLUMN "user_id" INTEGER;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_one_recipient" CHECK (("agent_id" IS NULL) <> ("user_id" IS NULL));

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "AlertKind" AS ENUM ('kpi', 'sla_at_risk');

-- CreateEnum
CREATE TYPE "AlertCondition" AS ENUM ('threshold', 'off_target');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('ok', 'pending', 'firing');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AlertKind" NOT NULL,
    "kpi_key" TEXT,
    "filter_team" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "filter_channel" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "filter_queue" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "window" TEXT NOT NULL DEFAULT 'today',
    "condition" "AlertCondition",
    "threshold" DOUBLE PRECISION,
    "horizon_minutes" INTEGER,
    "hold_minutes" INTEGER NOT NULL,
    "channel_ids" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
    "notify_managers" BOOLEAN NOT NULL DEFAULT true,
    "quiet_start" INTEGER,
    "quiet_end" INTEGER,
    "quiet_days" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "state" "AlertState" NOT NULL DEFAULT 'ok',
    "state_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clear_since" TIMESTAMPTZ(3),
    "last_value" DOUBLE PRECISION,
    "last_evaluated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" SERIAL NOT NULL,
    "rule_id" INTEGER NOT NULL,
    "fired_at" TIMESTAMPTZ(3) NOT NULL,
    "fired_value" DOUBLE PRECISION,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_value" DOUBLE PRECISION,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "fire_sent_at" TIMESTAMPTZ(3),
    "resolve_sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_events_rule_id_fired_at_idx" ON "alert_events"("rule_id", "fired_at");

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
