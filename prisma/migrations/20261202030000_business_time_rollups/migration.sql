-- Business-hours durations and SLA outcomes join the ticket and reply rollups (docs/kpi-engine.md,
-- "Business hours and SLA"). They depend on settings as well as on the rows: the schedules (and
-- their holidays), which team has which schedule, and the SLA policies. Every change to those
-- bumps one version number; a rollup's business and SLA columns are read only while they were
-- computed under the version in force, and are recomputed in the background, a chunk of hours per
-- transaction, when it moves on.

ALTER TABLE "ticket_rollup" ADD COLUMN "frt_bsum" DECIMAL NOT NULL DEFAULT 0,
  ADD COLUMN "art_bsum" DECIMAL NOT NULL DEFAULT 0,
  ADD COLUMN "sla_fr_n" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_fr_met" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_res_n" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_res_met" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ticket_rollup_daily" ADD COLUMN "frt_bsum" DECIMAL NOT NULL DEFAULT 0,
  ADD COLUMN "art_bsum" DECIMAL NOT NULL DEFAULT 0,
  ADD COLUMN "sla_fr_n" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_fr_met" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_res_n" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "sla_res_met" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "reply_rollup" ADD COLUMN "wait_bsum" DECIMAL NOT NULL DEFAULT 0;
ALTER TABLE "reply_rollup_daily" ADD COLUMN "wait_bsum" DECIMAL NOT NULL DEFAULT 0;

-- hours_version: the settings version the business and SLA columns of every hour before
-- rolled_until were computed under (null: none yet, as for the rollups this migration extends).
-- recompute_version, recompute_from, recomputed_until: a recompute under way, resumable.
ALTER TABLE "rollup_state" ADD COLUMN "hours_version" BIGINT,
  ADD COLUMN "recompute_version" BIGINT,
  ADD COLUMN "recompute_from" TIMESTAMPTZ(3),
  ADD COLUMN "recomputed_until" TIMESTAMPTZ(3);

CREATE TABLE "kpi_settings_version" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,
    CONSTRAINT "kpi_settings_version_pkey" PRIMARY KEY ("id")
);
INSERT INTO "kpi_settings_version" ("id", "version") VALUES (1, 1);

CREATE FUNCTION kpi_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE kpi_settings_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER business_intervals_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_intervals
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_settings_changed();
CREATE TRIGGER sla_policies_settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policies
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_settings_changed();
-- Ingest upserts teams with every batch: only a new schedule for a team counts.
CREATE TRIGGER teams_schedule_changed AFTER UPDATE OF business_schedule_id ON teams
  FOR EACH ROW WHEN (OLD.business_schedule_id IS DISTINCT FROM NEW.business_schedule_id) EXECUTE FUNCTION kpi_settings_changed();
CREATE TRIGGER org_settings_schedule_set AFTER INSERT ON org_settings
  FOR EACH ROW WHEN (NEW.business_schedule_id IS NOT NULL) EXECUTE FUNCTION kpi_settings_changed();
CREATE TRIGGER org_settings_schedule_changed AFTER UPDATE OF business_schedule_id ON org_settings
  FOR EACH ROW WHEN (OLD.business_schedule_id IS DISTINCT FROM NEW.business_schedule_id) EXECUTE FUNCTION kpi_settings_changed();
