-- Knowledge-base views roll up like the other families (docs/kpi-engine.md, "Views per visitor"):
-- views are summed; distinct visitors are not additive, so each hour keeps a HyperLogLog sketch
-- of its visitors (lib/kpi/sketches/distinct-sketch.ts), merged register by register. An hour
-- holds few visitors, so its sketch is sparse (the registers set and their ranks); a day's is
-- dense, 16,384 bytes, one per register, so a 30-day window reads 30 small rows.
CREATE TABLE "kb_rollup" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "views" INTEGER NOT NULL,
    "registers" INTEGER[] NOT NULL,
    "ranks" INTEGER[] NOT NULL,

    CONSTRAINT "kb_rollup_pkey" PRIMARY KEY ("hour")
);

CREATE TABLE "kb_rollup_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "views" INTEGER NOT NULL,
    "visitors" BYTEA NOT NULL,

    CONSTRAINT "kb_rollup_daily_pkey" PRIMARY KEY ("day")
);

INSERT INTO "rollup_state" ("family") VALUES ('knowledge_base');

CREATE FUNCTION rollup_invalidate_kb_views() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM rollup_mark_dirty('knowledge_base', ARRAY(SELECT viewed_at FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM rollup_mark_dirty('knowledge_base', ARRAY(SELECT viewed_at FROM old_rows)); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER kb_views_rollup_insert AFTER INSERT ON kb_views REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_kb_views();
CREATE TRIGGER kb_views_rollup_update AFTER UPDATE ON kb_views REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_kb_views();
CREATE TRIGGER kb_views_rollup_delete AFTER DELETE ON kb_views REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_kb_views();

-- TRUNCATE forgets the knowledge-base rollup too.
CREATE OR REPLACE FUNCTION rollup_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fam TEXT;
BEGIN
  FOREACH fam IN ARRAY TG_ARGV LOOP
    UPDATE rollup_state SET rolled_until = NULL, service_level_seconds = NULL, day_time_zone = NULL WHERE family = fam;
    DELETE FROM rollup_dirty_hours WHERE family = fam;
    DELETE FROM kpi_sketch_hourly WHERE family = fam;
    DELETE FROM kpi_sketch_daily WHERE family = fam;
    IF fam = 'tickets' THEN DELETE FROM ticket_rollup; DELETE FROM ticket_rollup_daily; DELETE FROM ticket_rollup_team_daily;
    ELSIF fam = 'replies' THEN DELETE FROM reply_rollup; DELETE FROM reply_rollup_daily; DELETE FROM reply_rollup_team_daily;
    ELSIF fam = 'calls' THEN DELETE FROM call_rollup; DELETE FROM call_rollup_daily; DELETE FROM call_rollup_team_daily;
    ELSIF fam = 'surveys' THEN DELETE FROM survey_rollup; DELETE FROM survey_rollup_daily; DELETE FROM survey_rollup_team_daily;
    ELSIF fam = 'knowledge_base' THEN DELETE FROM kb_rollup; DELETE FROM kb_rollup_daily;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER kb_views_rollup_truncate AFTER TRUNCATE ON kb_views FOR EACH STATEMENT EXECUTE FUNCTION rollup_forget('knowledge_base');
