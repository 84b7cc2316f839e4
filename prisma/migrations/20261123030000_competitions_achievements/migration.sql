-- Competitions, achievements and their awards, in-app notifications for agents, and the widgets
-- that show them.

-- CreateEnum
CREATE TYPE "ParticipantKind" AS ENUM ('agent', 'team');

-- CreateEnum
CREATE TYPE "AchievementPeriod" AS ENUM ('day', 'week', 'month');

-- AlterEnum
ALTER TYPE "WidgetKind" ADD VALUE 'competition';
ALTER TYPE "WidgetKind" ADD VALUE 'achievements_feed';

-- CreateTable
CREATE TABLE "competitions" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kpi_key" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "participant_kind" "ParticipantKind" NOT NULL,
    "participants" JSONB NOT NULL,
    "goal" DOUBLE PRECISION,
    "prize" TEXT,
    "final_standings" JSONB,
    "frozen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "competitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "competition_ranks" (
    "competition_id" INTEGER NOT NULL,
    "participant" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "competition_ranks_pkey" PRIMARY KEY ("competition_id","participant")
);

-- CreateTable
CREATE TABLE "achievements" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "kpi_key" TEXT NOT NULL,
    "scope" "ParticipantKind" NOT NULL,
    "period" "AchievementPeriod" NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "min_sample" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "achievements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "achievement_awards" (
    "id" SERIAL NOT NULL,
    "achievement_id" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "subject_name" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "n" INTEGER NOT NULL,
    "awarded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "achievement_awards_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "agent_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "href" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "competitions_ends_at_idx" ON "competitions"("ends_at");

-- CreateIndex
CREATE INDEX "achievement_awards_awarded_at_idx" ON "achievement_awards"("awarded_at");

-- CreateIndex
CREATE UNIQUE INDEX "achievement_awards_achievement_id_subject_period_start_key" ON "achievement_awards"("achievement_id", "subject", "period_start");

-- CreateIndex
CREATE INDEX "notifications_agent_id_created_at_idx" ON "notifications"("agent_id", "created_at");

-- AddForeignKey
ALTER TABLE "competition_ranks" ADD CONSTRAINT "competition_ranks_competition_id_fkey" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "achievement_awards" ADD CONSTRAINT "achievement_awards_achievement_id_fkey" FOREIGN KEY ("achievement_id") REFERENCES "achievements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agent_id_fkey" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
