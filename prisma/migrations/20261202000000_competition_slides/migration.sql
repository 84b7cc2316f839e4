-- A screen's slide shows either a dashboard or a single competition, never both and never neither.

-- AlterTable
ALTER TABLE "screen_dashboards" ALTER COLUMN "dashboard_id" DROP NOT NULL,
ADD COLUMN "competition_id" INTEGER;

ALTER TABLE "screen_dashboards" ADD CONSTRAINT "screen_dashboards_one_kind_check" CHECK (("dashboard_id" IS NULL) <> ("competition_id" IS NULL));

-- CreateIndex
CREATE INDEX "screen_dashboards_competition_id_idx" ON "screen_dashboards"("competition_id");

-- AddForeignKey
ALTER TABLE "screen_dashboards" ADD CONSTRAINT "screen_dashboards_competition_id_fkey" FOREIGN KEY ("competition_id") REFERENCES "competitions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
