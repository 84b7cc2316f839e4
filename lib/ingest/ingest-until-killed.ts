// Run by killed-mid-batch.test.ts in a child process (`tsx lib/ingest/ingest-until-killed.ts TARGET`):
// ingests the batch read from stdin into TARGET (a Postgres URL or an embedded database folder)
// and says on stdout which statement of the batch's transaction it is about to send, so the test
// can kill it in the middle.
import { openDatabase } from "@/lib/db/open-database";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { ingestBatch } from "./ingest-batch";
import { parseIngestBatch } from "./record-schemas";

const target = process.argv[2] ?? "";
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const parsed = parseIngestBatch(JSON.parse(Buffer.concat(chunks).toString("utf8")));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));

const db = await openDatabase(target.startsWith("postgres") ? { kind: "postgres", url: target } : { kind: "pglite", dataDir: target });
const announced = db.prisma.$extends({
  query: {
    async $allOperations({ operation, args, query }) {
      if (operation === "$executeRaw") {
        const sql = (args as { strings?: readonly string[] }).strings?.join("?") ?? "";
        // Pipes are written synchronously on Linux: the line is out before the statement is sent.
        process.stdout.write(`${sql.match(/INSERT INTO (\w+)/)?.[1] ?? operation}\n`);
      }
      return query(args);
    },
  },
}) as unknown as PrismaClient;
await ingestBatch(announced, parsed.batch);
process.stdout.write("committed\n");
await db.close();
