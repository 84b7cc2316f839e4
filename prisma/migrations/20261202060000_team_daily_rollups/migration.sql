-- A coarser daily level of the rollups (docs/kpi-engine.md): per local day and team × channel
-- (calls: team × queue; surveys: team × channel × kind), without the agent. A dashboard's numbers,
-- sparklines, previous window and breakdowns by team or channel read tens of rows per day instead
-- of one per agent: at the 1M-ticket demo 30 instead of 230 a day for tickets. Rebuilt from the
-- daily rows whenever they are, in the same transaction.
CREATE TABLE "ticket_rollup_team_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "channel" "Channel" NOT NULL,
    "volume" INTEGER NOT NULL,
    "fcr" INTEGER NOT NULL,
    "frt_n" INTEGER NOT NULL,
    "frt_sum" DECIMAL NOT NULL,
    "solved" INTEGER NOT NULL,
    "art_sum" DECIMAL NOT NULL,
    "reopened" INTEGER NOT NULL,
    "touches" INTEGER NOT NULL,
    "opened" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "frt_bsum" DECIMAL NOT NULL,
    "art_bsum" DECIMAL NOT NULL,
    "sla_fr_n" INTEGER NOT NULL,
    "sla_fr_met" INTEGER NOT NULL,
    "sla_res_n" INTEGER NOT NULL,
    "sla_res_met" INTEGER NOT NULL,

    CONSTRAINT "ticket_rollup_team_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reply_rollup_team_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "channel" "Channel" NOT NULL,
    "n" INTEGER NOT NULL,
    "wait_sum" DECIMAL NOT NULL,
    "wait_bsum" DECIMAL NOT NULL,

    CONSTRAINT "reply_rollup_team_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "call_rollup_team_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "queue_id" INTEGER,
    "handled" INTEGER NOT NULL,
    "aht_n" INTEGER NOT NULL,
    "aht_sum" DECIMAL NOT NULL,
    "asa_sum" DECIMAL NOT NULL,
    "offered" INTEGER NOT NULL,
    "abandoned" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,

    CONSTRAINT "call_rollup_team_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "survey_rollup_team_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "channel" "Channel",
    "kind" "SurveyKind" NOT NULL,
    "n" INTEGER NOT NULL,
    "score_sum" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "promoters" INTEGER NOT NULL,
    "passives" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,

    CONSTRAINT "survey_rollup_team_daily_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ticket_rollup_team_daily_day_idx" ON "ticket_rollup_team_daily"("day");
CREATE INDEX "reply_rollup_team_daily_day_idx" ON "reply_rollup_team_daily"("day");
CREATE INDEX "call_rollup_team_daily_day_idx" ON "call_rollup_team_daily"("day");
CREATE INDEX "survey_rollup_team_daily_day_idx" ON "survey_rollup_team_daily"("day");

INSERT INTO "ticket_rollup_team_daily" (day, team_id, channel, volume, fcr, frt_n, frt_sum, solved, art_sum, reopened, touches,
    opened, closed, frt_bsum, art_bsum, sla_fr_n, sla_fr_met, sla_res_n, sla_res_met)
SELECT day, team_id, channel, sum(volume), sum(fcr), sum(frt_n), sum(frt_sum), sum(solved), sum(art_sum), sum(reopened), sum(touches),
    sum(opened), sum(closed), sum(frt_bsum), sum(art_bsum), sum(sla_fr_n), sum(sla_fr_met), sum(sla_res_n), sum(sla_res_met)
FROM "ticket_rollup_daily" GROUP BY day, team_id, channel;
INSERT INTO "reply_rollup_team_daily" (day, team_id, channel, n, wait_sum, wait_bsum)
SELECT day, team_id, channel, sum(n), sum(wait_sum), sum(wait_bsum) FROM "reply_rollup_daily" GROUP BY day, team_id, channel;
INSERT INTO "call_rollup_team_daily" (day, team_id, queue_id, handled, aht_n, aht_sum, asa_sum, offered, abandoned, within)
SELECT day, team_id, queue_id, sum(handled), sum(aht_n), sum(aht_sum), sum(asa_sum), sum(offered), sum(abandoned), sum(within)
FROM "call_rollup_daily" GROUP BY day, team_id, queue_id;
INSERT INTO "survey_rollup_team_daily" (day, team_id, channel, kind, n, score_sum, satisfied, promoters, passives, detractors)
SELECT day, team_id, channel, kind, sum(n), sum(score_sum), sum(satisfied), sum(promoters), sum(passives), sum(detractors)
FROM "survey_rollup_daily" GROUP BY day, team_id, channel, kind;

-- TRUNCATE forgets the new level too (and the sketches, as migration 20261202050000 has it).
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
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
