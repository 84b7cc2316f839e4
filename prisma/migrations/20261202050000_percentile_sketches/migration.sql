-- Medians and p90s from mergeable sketches (docs/kpi-engine.md, "Medians and p90"): for every
-- hour, and every local day of the organisation's time zone, each duration measure's values
-- counted in logarithmic buckets (lib/kpi/sketches/sketch-buckets.ts), for the whole
-- organisation (team_id and channel null), per team (team_id set) and per channel (channel set).
-- They are kept as the rollups are: an hour's rebuilt from its raw rows with the hourly rollup,
-- a day's merged from its hours with the daily rollup. A window's median is read from the sum of
-- its days' and hours' bucket counts plus its edges' raw values, bucketed the same way. Buckets
-- and counts are parallel arrays, ascending by bucket: one row per hour or day and key rather than
-- one per bucket keeps a 30-day window to a few hundred rows per measure.
CREATE TABLE "kpi_sketch_hourly" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "family" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "team_id" INTEGER,
    "channel" TEXT,
    "buckets" INTEGER[] NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "kpi_sketch_hourly_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "kpi_sketch_hourly_measure_hour_idx" ON "kpi_sketch_hourly"("measure", "hour");
CREATE INDEX "kpi_sketch_hourly_family_hour_idx" ON "kpi_sketch_hourly"("family", "hour");

CREATE TABLE "kpi_sketch_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "family" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "team_id" INTEGER,
    "channel" TEXT,
    "buckets" INTEGER[] NOT NULL,
    "counts" INTEGER[] NOT NULL,

    CONSTRAINT "kpi_sketch_daily_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "kpi_sketch_daily_measure_day_idx" ON "kpi_sketch_daily"("measure", "day");
CREATE INDEX "kpi_sketch_daily_family_day_idx" ON "kpi_sketch_daily"("family", "day");

-- A TRUNCATE forgets a family's sketches with its rollups.
CREATE OR REPLACE FUNCTION rollup_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fam TEXT;
BEGIN
  FOREACH fam IN ARRAY TG_ARGV LOOP
    UPDATE rollup_state SET rolled_until = NULL, service_level_seconds = NULL, day_time_zone = NULL WHERE family = fam;
    DELETE FROM rollup_dirty_hours WHERE family = fam;
    DELETE FROM kpi_sketch_hourly WHERE family = fam;
    DELETE FROM kpi_sketch_daily WHERE family = fam;
    IF fam = 'tickets' THEN DELETE FROM ticket_rollup; DELETE FROM ticket_rollup_daily;
    ELSIF fam = 'replies' THEN DELETE FROM reply_rollup; DELETE FROM reply_rollup_daily;
    ELSIF fam = 'calls' THEN DELETE FROM call_rollup; DELETE FROM call_rollup_daily;
    ELSIF fam = 'surveys' THEN DELETE FROM survey_rollup; DELETE FROM survey_rollup_daily;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
