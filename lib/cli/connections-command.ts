import { parseArgs } from "node:util";

import { z } from "zod";

import { ConnectionInputError, createConnection, ZNewConnection } from "@/lib/connectors/manage-connections";
import { syncConnection } from "@/lib/connectors/sync-connection";
import type { Database } from "@/lib/db/open-database";

type Command = { usage: string; run(db: Database, args: string[]): Promise<string> };

const FLAGS: Record<string, string> = { baseUrl: "--url", since: "--since", kind: "--kind", name: "--name", intervalSeconds: "--every" };

/** "NAME=VALUE" pairs from repeated --secret options; a value may itself contain "=". */
function parseSecrets(pairs: string[]): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf("=");
    if (at <= 0) throw new Error(`--secret: expected NAME=VALUE, got "${pair.slice(0, 40)}"`);
    secrets[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return secrets;
}

function inputError(error: unknown): never {
  if (error instanceof z.ZodError) {
    throw new Error(error.issues.map((i) => `${FLAGS[String(i.path[0])] ?? `--${String(i.path[0])}`}: ${i.message}`).join("\n"));
  }
  if (error instanceof ConnectionInputError) {
    const flag = error.field.startsWith("secret ") ? `--secret ${error.field.slice(7)}` : (FLAGS[error.field] ?? `--${error.field}`);
    throw new Error(`${flag}: ${error.message.slice(error.field.length + 2)}`);
  }
  throw error;
}

/** `connections add` and `connections sync` (SPEC section 7): the id, then the records one sync stored. */
export const connectionsCommands: Record<string, Command> = {
  "connections add": {
    usage:
      "connections add --kind zendesk|freshdesk|aircall --url BASE_URL [--name NAME] [--since YYYY-MM-DD] [--every SECONDS] --secret NAME=VALUE...\n" +
      "                                            connect a help desk (its id is printed)",
    async run(db, args) {
      const { values } = parseArgs({
        args,
        options: {
          kind: { type: "string" },
          url: { type: "string" },
          name: { type: "string" },
          since: { type: "string" },
          every: { type: "string" },
          secret: { type: "string", multiple: true },
        },
      });
      const since = values.since ?? new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
      const input = { kind: values.kind ?? "", name: values.name ?? values.kind ?? "", baseUrl: values.url, since, intervalSeconds: values.every, secrets: parseSecrets(values.secret ?? []) };
      const parsed = ZNewConnection.safeParse(input);
      if (!parsed.success) inputError(parsed.error);
      const { id } = await createConnection(db.prisma, { ...input, baseUrl: parsed.data.baseUrl }).catch(inputError);
      console.log(`Connected ${input.kind} at ${parsed.data.baseUrl}; backfilling from ${since}. The secrets are stored encrypted and not shown again.`);
      return String(id);
    },
  },
  "connections sync": {
    usage: "connections sync ID                       sync a connection now (the number of records stored is printed)",
    async run(db, args) {
      const id = z.coerce.number().int().positive().safeParse(args[0]);
      if (!id.success) throw new Error("ID: give the connection's id (a number)");
      // A backfill from the command line runs to the end rather than one scheduler tick's share.
      const outcome = await syncConnection(db.prisma, id.data, { force: true, maxPages: 10_000, maxMilliseconds: 3_600_000 });
      if (!outcome.ran) throw new Error(outcome.reason === "not found" ? `no connection ${id.data}` : `connection ${id.data} is syncing on another server now`);
      if (outcome.status === "stopped" || outcome.status === "backing_off") {
        throw new Error(`connection ${id.data} ${outcome.status === "stopped" ? "stopped" : "will retry later"} after ${outcome.stored} records: ${outcome.message}`);
      }
      console.log(`Stored ${outcome.stored} records in ${outcome.pages} pages.`);
      return String(outcome.stored);
    },
  },
};
