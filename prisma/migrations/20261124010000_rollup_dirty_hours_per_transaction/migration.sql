-- Concurrent ingest batches deadlocked on `rollup_dirty_hours`: marking an hour dirty is an upsert on
-- (family, hour), so a batch waits for every other uncommitted batch that marked the same hour, and
-- the statements of one batch (tickets, then messages, then calls, then surveys) mark hours in no
-- order that could be agreed on. Keyed by the writing transaction as well, a mark never waits for
-- another transaction; the refresh takes the hours of all of them (docs/kpi-engine.md).

ALTER TABLE "rollup_dirty_hours" ADD COLUMN "xact" BIGINT NOT NULL DEFAULT txid_current();
ALTER TABLE "rollup_dirty_hours" DROP CONSTRAINT "rollup_dirty_hours_pkey";
ALTER TABLE "rollup_dirty_hours" ADD CONSTRAINT "rollup_dirty_hours_pkey" PRIMARY KEY ("family", "hour", "xact");
