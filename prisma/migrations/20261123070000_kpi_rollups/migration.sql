-- Hourly and daily rollups of the additive KPI measures (docs/kpi-engine.md). A KPI query reads the
-- rollups for the whole, clean days and hours inside its window and the raw rows for the rest;
-- `rollup_state` says up to which hour a family is rolled up and in which time zone its days are
-- kept, `rollup_dirty_hours` which rolled-up hours changed since.

CREATE TABLE "rollup_state" (
    "family" TEXT NOT NULL,
    "rolled_until" TIMESTAMPTZ(3),
    "service_level_seconds" INTEGER,
    "day_time_zone" TEXT,

    CONSTRAINT "rollup_state_pkey" PRIMARY KEY ("family")
);

INSERT INTO "rollup_state" ("family") VALUES ('tickets'), ('replies'), ('calls'), ('surveys');

CREATE TABLE "rollup_dirty_hours" (
    "family" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rollup_dirty_hours_pkey" PRIMARY KEY ("family", "hour")
);

CREATE TABLE "ticket_rollup" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "channel" "Channel" NOT NULL,
    "priority" "Priority" NOT NULL,
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

    CONSTRAINT "ticket_rollup_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reply_rollup" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "channel" "Channel" NOT NULL,
    "priority" "Priority" NOT NULL,
    "n" INTEGER NOT NULL,
    "wait_sum" DECIMAL NOT NULL,

    CONSTRAINT "reply_rollup_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "call_rollup" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "queue_id" INTEGER,
    "handled" INTEGER NOT NULL,
    "aht_n" INTEGER NOT NULL,
    "aht_sum" DECIMAL NOT NULL,
    "asa_sum" DECIMAL NOT NULL,
    "offered" INTEGER NOT NULL,
    "abandoned" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,

    CONSTRAINT "call_rollup_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "survey_rollup" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "channel" "Channel",
    "kind" "SurveyKind" NOT NULL,
    "n" INTEGER NOT NULL,
    "score_sum" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "promoters" INTEGER NOT NULL,
    "passives" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,

    CONSTRAINT "survey_rollup_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ticket_rollup_hour_idx" ON "ticket_rollup"("hour");
CREATE INDEX "reply_rollup_hour_idx" ON "reply_rollup"("hour");
CREATE INDEX "call_rollup_hour_idx" ON "call_rollup"("hour");
CREATE INDEX "survey_rollup_hour_idx" ON "survey_rollup"("hour");

-- Marks the hours of `instants` that `family` has already rolled up. The share lock on the state
-- row orders this against a refresh (which holds it for update): either the refresh sees this
-- transaction's rows, or this transaction sees the refresh's new `rolled_until` and marks them.
CREATE FUNCTION rollup_mark_dirty(fam TEXT, instants TIMESTAMPTZ[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  until TIMESTAMPTZ;
BEGIN
  SELECT rolled_until INTO until FROM rollup_state WHERE family = fam FOR SHARE;
  IF until IS NULL THEN RETURN; END IF;
  INSERT INTO rollup_dirty_hours (family, hour)
  SELECT DISTINCT fam, date_bin('1 hour', i, TIMESTAMPTZ '2000-01-01 00:00:00+00') FROM unnest(instants) AS i WHERE i < until
  ON CONFLICT DO NOTHING;
END $$;

-- Whether any of `families` is rolled up at all, locking their state rows as rollup_mark_dirty does:
-- while nothing is rolled up (a bulk load before the first refresh) a write costs no look-ups.
CREATE FUNCTION rollup_any_rolled(families TEXT[]) RETURNS boolean LANGUAGE sql AS $$
  SELECT coalesce(bool_or(rolled_until IS NOT NULL), false)
  FROM (SELECT rolled_until FROM rollup_state WHERE family = ANY(families) FOR SHARE) AS s
$$;

CREATE FUNCTION rollup_invalidate_tickets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT rollup_any_rolled(ARRAY['tickets', 'replies', 'surveys']) THEN RETURN NULL; END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM rollup_mark_dirty('tickets', ARRAY(SELECT unnest(ARRAY[created_at, first_response_at, resolved_at]) FROM new_rows));
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM rollup_mark_dirty('tickets', ARRAY(SELECT unnest(ARRAY[created_at, first_response_at, resolved_at]) FROM old_rows));
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- Replies are broken down by their ticket's team, channel and priority, surveys by its channel.
    PERFORM rollup_mark_dirty('replies', ARRAY(
      SELECT m.created_at FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN messages m ON m.ticket_id = n.id
      WHERE (o.team_id, o.channel, o.priority) IS DISTINCT FROM (n.team_id, n.channel, n.priority) AND m.author = 'agent' AND m.public));
    PERFORM rollup_mark_dirty('surveys', ARRAY(
      SELECT s.responded_at FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN surveys s ON s.ticket_id = n.id
      WHERE o.channel IS DISTINCT FROM n.channel));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_invalidate_messages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ticket_ids INTEGER[] := '{}';
  gone TIMESTAMPTZ[] := '{}';
BEGIN
  IF NOT rollup_any_rolled(ARRAY['tickets', 'replies']) THEN RETURN NULL; END IF;
  IF TG_OP <> 'DELETE' THEN
    ticket_ids := ticket_ids || ARRAY(SELECT DISTINCT ticket_id FROM new_rows);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    ticket_ids := ticket_ids || ARRAY(SELECT DISTINCT ticket_id FROM old_rows);
    gone := ARRAY(SELECT created_at FROM old_rows WHERE author = 'agent' AND public);
  END IF;
  -- Touches and first contact resolution count at the ticket's creation and resolution.
  PERFORM rollup_mark_dirty('tickets', ARRAY(SELECT unnest(ARRAY[t.created_at, t.resolved_at]) FROM tickets t WHERE t.id = ANY(ticket_ids)));
  -- A message can change the wait of every later reply on its ticket.
  PERFORM rollup_mark_dirty('replies', gone || ARRAY(
    SELECT m.created_at FROM messages m WHERE m.ticket_id = ANY(ticket_ids) AND m.author = 'agent' AND m.public));
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_invalidate_calls() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM rollup_mark_dirty('calls', ARRAY(SELECT ended_at FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM rollup_mark_dirty('calls', ARRAY(SELECT ended_at FROM old_rows)); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION rollup_invalidate_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'DELETE' THEN PERFORM rollup_mark_dirty('surveys', ARRAY(SELECT responded_at FROM new_rows)); END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM rollup_mark_dirty('surveys', ARRAY(SELECT responded_at FROM old_rows)); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tickets_rollup_insert AFTER INSERT ON tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_tickets();
CREATE TRIGGER tickets_rollup_update AFTER UPDATE ON tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_tickets();
CREATE TRIGGER tickets_rollup_delete AFTER DELETE ON tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_tickets();

CREATE TRIGGER messages_rollup_insert AFTER INSERT ON messages REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_messages();
CREATE TRIGGER messages_rollup_update AFTER UPDATE ON messages REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_messages();
CREATE TRIGGER messages_rollup_delete AFTER DELETE ON messages REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_messages();

CREATE TRIGGER calls_rollup_insert AFTER INSERT ON calls REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_calls();
CREATE TRIGGER calls_rollup_update AFTER UPDATE ON calls REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_calls();
CREATE TRIGGER calls_rollup_delete AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_calls();

CREATE TRIGGER surveys_rollup_insert AFTER INSERT ON surveys REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_surveys();
CREATE TRIGGER surveys_rollup_update AFTER UPDATE ON surveys REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_surveys();
CREATE TRIGGER surveys_rollup_delete AFTER DELETE ON surveys REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION rollup_invalidate_surveys();

-- The same measures per local day of the organisation's time zone, without the priority dimension
-- (calls keep their queue, surveys their kind): a 30-day window in that zone, whole or by day, reads
-- thirty rows per agent and channel instead of seven hundred. Rebuilt from the hourly rows.
CREATE TABLE "ticket_rollup_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
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

    CONSTRAINT "ticket_rollup_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "reply_rollup_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "channel" "Channel" NOT NULL,
    "n" INTEGER NOT NULL,
    "wait_sum" DECIMAL NOT NULL,

    CONSTRAINT "reply_rollup_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "call_rollup_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "queue_id" INTEGER,
    "handled" INTEGER NOT NULL,
    "aht_n" INTEGER NOT NULL,
    "aht_sum" DECIMAL NOT NULL,
    "asa_sum" DECIMAL NOT NULL,
    "offered" INTEGER NOT NULL,
    "abandoned" INTEGER NOT NULL,
    "within" INTEGER NOT NULL,

    CONSTRAINT "call_rollup_daily_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "survey_rollup_daily" (
    "id" BIGSERIAL NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "team_id" INTEGER,
    "agent_id" INTEGER,
    "channel" "Channel",
    "kind" "SurveyKind" NOT NULL,
    "n" INTEGER NOT NULL,
    "score_sum" INTEGER NOT NULL,
    "satisfied" INTEGER NOT NULL,
    "promoters" INTEGER NOT NULL,
    "passives" INTEGER NOT NULL,
    "detractors" INTEGER NOT NULL,

    CONSTRAINT "survey_rollup_daily_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ticket_rollup_daily_day_idx" ON "ticket_rollup_daily"("day");
CREATE INDEX "reply_rollup_daily_day_idx" ON "reply_rollup_daily"("day");
CREATE INDEX "call_rollup_daily_day_idx" ON "call_rollup_daily"("day");
CREATE INDEX "survey_rollup_daily_day_idx" ON "survey_rollup_daily"("day");

-- The raw edges of a window read surveys by response time whatever their kind, and the backlog
-- (open, or resolved after the window) counts from the resolution index alone.
CREATE INDEX "surveys_responded_at_idx" ON "surveys"("responded_at");
DROP INDEX "tickets_resolved_at_idx";
CREATE INDEX "tickets_resolved_at_created_at_idx" ON "tickets"("resolved_at", "created_at");

-- TRUNCATE fires no row or statement triggers of its own kind: it forgets the rollups of the
-- families it empties, which roll up again from scratch at the next refresh.
CREATE FUNCTION rollup_forget() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  fam TEXT;
BEGIN
  FOREACH fam IN ARRAY TG_ARGV LOOP
    UPDATE rollup_state SET rolled_until = NULL, service_level_seconds = NULL, day_time_zone = NULL WHERE family = fam;
    DELETE FROM rollup_dirty_hours WHERE family = fam;
    IF fam = 'tickets' THEN DELETE FROM ticket_rollup; DELETE FROM ticket_rollup_daily;
    ELSIF fam = 'replies' THEN DELETE FROM reply_rollup; DELETE FROM reply_rollup_daily;
    ELSIF fam = 'calls' THEN DELETE FROM call_rollup; DELETE FROM call_rollup_daily;
    ELSIF fam = 'surveys' THEN DELETE FROM survey_rollup; DELETE FROM survey_rollup_daily;
    END IF;
  END LOOP;
  RETURN NULL;
END $$;

CREATE TRIGGER tickets_rollup_truncate AFTER TRUNCATE ON tickets FOR EACH STATEMENT EXECUTE FUNCTION rollup_forget('tickets', 'replies', 'surveys');
CREATE TRIGGER messages_rollup_truncate AFTER TRUNCATE ON messages FOR EACH STATEMENT EXECUTE FUNCTION rollup_forget('tickets', 'replies');
CREATE TRIGGER calls_rollup_truncate AFTER TRUNCATE ON calls FOR EACH STATEMENT EXECUTE FUNCTION rollup_forget('calls');
CREATE TRIGGER surveys_rollup_truncate AFTER TRUNCATE ON surveys FOR EACH STATEMENT EXECUTE FUNCTION rollup_forget('surveys');
