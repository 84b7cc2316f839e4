-- Connections pull records from a help desk on a schedule (lib/connectors, docs/connections.md).
CREATE TYPE "ConnectionStatus" AS ENUM ('syncing', 'idle', 'backing_off', 'stopped');

CREATE TABLE "connections" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "secrets_sealed" TEXT NOT NULL,
    "interval_seconds" INTEGER NOT NULL DEFAULT 60,
    "since" TIMESTAMPTZ(3) NOT NULL,
    "cursor" TEXT,
    "reached_at" TIMESTAMPTZ(3),
    "status" "ConnectionStatus" NOT NULL DEFAULT 'idle',
    "status_message" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "next_run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "last_sync_at" TIMESTAMPTZ(3),
    "records_synced" BIGINT NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "connections_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "webhook_deliveries" (
    "connection_id" INTEGER NOT NULL,
    "delivery_id" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("connection_id", "delivery_id")
);

ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
