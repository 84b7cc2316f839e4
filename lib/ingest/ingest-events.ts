import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { IngestCounts } from "./ingest-batch";

// Ingest tells whoever cares that records arrived (motivation evaluates achievements) without
// importing them: lib/ingest stays below lib/motivation in the import graph.

/** One accepted batch, after its transaction committed. */
export interface RecordsIngested {
  prisma: PrismaClient;
  stored: IngestCounts;
}

export type RecordsIngestedListener = (event: RecordsIngested) => void;

// On globalThis, not in this module: Next evaluates a module once per bundle (instrumentation, each
// route), so a module-level list would hold the server start's listener where no route emits.
const holder = globalThis as typeof globalThis & { __deskpulseIngestListeners?: Map<string, RecordsIngestedListener> };
const listeners = (holder.__deskpulseIngestListeners ??= new Map());

/**
 * Calls `listener` after every accepted batch. A subscriber subscribes under one name, so
 * subscribing again (a module evaluated twice, a dev reload) replaces its listener instead of
 * adding a second. Returns the unsubscribe.
 */
export function onRecordsIngested(subscriber: string, listener: RecordsIngestedListener): () => void {
  listeners.set(subscriber, listener);
  return () => {
    if (listeners.get(subscriber) === listener) listeners.delete(subscriber);
  };
}

/** Tells every listener; a listener that throws is logged and does not fail the ingest that already committed. */
export function emitRecordsIngested(event: RecordsIngested): void {
  for (const [subscriber, listener] of listeners) {
    try {
      listener(event);
    } catch (error) {
      console.error(`Deskpulse: the ${subscriber} listener of ingested records failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
