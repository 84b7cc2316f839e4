// `npm run cli -- <command>`: administers the same database as the server. Each command prints its
// result alone on its last line, so scripts can take `| tail -n 1`.
import { parseArgs } from "node:util";

import { z } from "zod";

import { createApiKey } from "@/lib/auth/api-keys";
import { createScreen, ZScreenInput } from "@/lib/auth/screen-tokens";
import { createUser, UserInputError, ZNewUser } from "@/lib/auth/users";
import { connectionsCommands } from "@/lib/cli/connections-command";
import { runDemoSeed, ZDemoSeedOptions } from "@/lib/cli/demo-seed-command";
import { IMPORT_USAGE, runImportCommand } from "@/lib/cli/import-command";
import { kpisCommands } from "@/lib/cli/kpis-command";
import { ensureDefaultDashboard } from "@/lib/dashboards/default-dashboard";
import { openConfiguredDatabase } from "@/lib/db/configured-database";
import type { Database } from "@/lib/db/open-database";
import { updateOrgSettings, ZOrgSettingsUpdate } from "@/lib/org/update-org-settings";

type Command = { usage: string; run(db: Database, args: string[]): Promise<string> };

const commands: Record<string, Command> = {
  migrate: {
    usage: "migrate                                   apply pending migrations",
    run: async () => "ok",
  },
  "keys create": {
    usage: "keys create --kind ingest|kpi --name NAME   create an API key (printed once)",
    async run(db, args) {
      const { values } = parseArgs({ args, options: { kind: { type: "string" }, name: { type: "string" } } });
      const input = z.object({ kind: z.enum(["ingest", "kpi"]), name: z.string().trim().min(1).max(100) }).parse(values);
      const { key } = await createApiKey(db.prisma, input);
      console.log(`Created ${input.kind} key "${input.name}". It is shown only now; store it safely.`);
      return key;
    },
  },
  "users create": {
    usage:
      "users create --email E --password P --role admin|manager|team_lead|agent [--team EXTERNAL_ID]... [--agent EXTERNAL_ID] [--name NAME]\n" +
      "                                            create a user who can sign in",
    async run(db, args) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: "string" },
          password: { type: "string" },
          role: { type: "string" },
          team: { type: "string", multiple: true },
          agent: { type: "string" },
          name: { type: "string" },
        },
      });
      const { id } = await createUser(db.prisma, ZNewUser.parse({ ...values, teams: values.team ?? [] }));
      console.log(`Created ${values.role} ${values.email?.toLowerCase()}.`);
      return String(id);
    },
  },
  "screens create": {
    usage: "screens create --name NAME [--dashboard SLUG]... [--competition ID]... [--rotate SECONDS]   create a TV screen (its address is printed once)",
    async run(db, args) {
      const { values } = parseArgs({
        args,
        options: { name: { type: "string" }, dashboard: { type: "string", multiple: true }, competition: { type: "string", multiple: true }, rotate: { type: "string" } },
      });
      const input = ZScreenInput.parse({ name: values.name, dashboards: values.dashboard ?? [], competitions: values.competition ?? [], rotateSeconds: values.rotate });
      const screen = await createScreen(db.prisma, input);
      console.log(`Created screen "${input.name}". Open this path on the TV's browser; it is shown only now.`);
      return screen.path;
    },
  },
  "settings set": {
    usage: "settings set [--timezone Area/City] [--service-level-seconds N]   change organisation settings",
    async run(db, args) {
      const { values } = parseArgs({ args, options: { timezone: { type: "string" }, "service-level-seconds": { type: "string" } } });
      const parsed = ZOrgSettingsUpdate.safeParse({ timeZone: values.timezone, serviceLevelSeconds: values["service-level-seconds"] });
      if (!parsed.success) {
        const flags: Record<string, string> = { timeZone: "--timezone", serviceLevelSeconds: "--service-level-seconds" };
        throw new Error(parsed.error.issues.map((i) => `${flags[String(i.path[0])] ?? "settings"}: ${i.message}`).join("\n"));
      }
      await updateOrgSettings(db.prisma, parsed.data);
      return "ok";
    },
  },
  "demo seed": {
    usage: "demo seed [--tickets N] [--days D] [--seed S]   fill an empty database with demo history",
    async run(db, args) {
      const { values } = parseArgs({ args, options: { tickets: { type: "string" }, days: { type: "string" }, seed: { type: "string" } } });
      const options = ZDemoSeedOptions.parse(values);
      const result = await runDemoSeed(db, options, (line) => console.log(line));
      if (!result.seeded) return "skipped: the database already holds data";
      console.log(
        `Seeded ${result.tickets} tickets, ${result.messages} messages, ${result.calls} calls, ${result.surveys} surveys, ` +
          `${result.kbViews} kb views, ${result.statuses} status changes in ${result.seconds.toFixed(1)} s`,
      );
      return String(result.tickets);
    },
  },
  import: {
    usage: IMPORT_USAGE,
    async run(db, args) {
      const { stored, failed } = await runImportCommand(db, args, (line) => console.log(line));
      // As the import page: the valid rows are stored, and rows with errors make the run a failure.
      if (failed) process.exitCode = 1;
      return String(stored);
    },
  },
  ...connectionsCommands,
  ...kpisCommands,
};

/** Option names where they differ from the field they fill. */
const FLAGS: Record<string, string> = { teams: "team", rotateSeconds: "rotate", dashboards: "dashboard" };

function usage(): string {
  return ["Usage: npm run cli -- <command>", "", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

async function main(argv: string[]): Promise<number> {
  const name = Object.keys(commands)
    .sort((a, b) => b.length - a.length)
    .find((key) => key.split(" ").every((word, i) => argv[i] === word));
  if (!name) {
    console.error(argv.length ? `Unknown command: ${argv.join(" ")}\n\n${usage()}` : usage());
    return 2;
  }
  const db = await openConfiguredDatabase((line) => console.log(line));
  try {
    // As at server start: a fresh database gets the default dashboard, so screens can show it.
    await ensureDefaultDashboard(db.prisma);
    console.log(await commands[name]!.run(db, argv.slice(name.split(" ").length)));
    return Number(process.exitCode ?? 0);
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error && typeof error === "object" && "issues" in error) {
      const issues = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
      console.error(issues.map((i) => `--${FLAGS[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("\n"));
    } else if (error instanceof UserInputError) {
      console.error(`--${FLAGS[error.field] ?? error.field}: ${error.message.slice(error.field.length + 2)}`);
    } else {
      console.error(error instanceof Error ? error.message : String(error));
    }
    process.exit(1);
  },
);
