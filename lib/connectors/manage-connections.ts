import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import { connectorAdapters } from "./adapters";
import { sealSecrets } from "@/lib/secrets/sealed-secrets";
import type { ConnectorAdapter } from "./connector";

/** A connection as people add it (Settings → Connections, `npm run cli -- connections add`). */
export const ZNewConnection = z.object({
  kind: z.string().trim().min(1, "is required"),
  name: z.string().trim().min(1, "must not be empty").max(100),
  baseUrl: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).transform((url) => url.replace(/\/+$/, "")),
  since: z.iso.date("must be a date (YYYY-MM-DD)").transform((day) => new Date(`${day}T00:00:00Z`)),
  intervalSeconds: z.coerce.number().int().min(15, "must be at least 15 s").max(86_400).default(60),
  secrets: z.record(z.string(), z.string()),
});
export type NewConnection = z.input<typeof ZNewConnection>;

/** A connection that cannot be saved as given; `field` names the input that is wrong. */
export class ConnectionInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = "ConnectionInputError";
  }
}

export function adapterFor(kind: string, adapters: Record<string, ConnectorAdapter> = connectorAdapters): ConnectorAdapter {
  const adapter = Object.hasOwn(adapters, kind) ? adapters[kind] : undefined;
  if (!adapter) throw new ConnectionInputError("kind", `must be one of ${Object.keys(adapters).join(", ")}`);
  return adapter;
}

/** Validates the secrets with the adapter's schema and stores them sealed; they are never read back out. */
export async function createConnection(prisma: PrismaClient, input: NewConnection, adapters = connectorAdapters): Promise<{ id: number }> {
  const parsed = ZNewConnection.parse(input);
  const adapter = adapterFor(parsed.kind, adapters);
  const secrets = adapter.secrets.safeParse(parsed.secrets);
  if (!secrets.success) {
    const issue = secrets.error.issues[0]!;
    throw new ConnectionInputError(`secret ${issue.path.join(".") || "secrets"}`, issue.message);
  }
  const connection = await prisma.connection.create({
    data: {
      kind: adapter.kind,
      name: parsed.name,
      baseUrl: parsed.baseUrl,
      since: parsed.since,
      intervalSeconds: parsed.intervalSeconds,
      secretsSealed: await sealSecrets(prisma, secrets.data),
    },
    select: { id: true },
  });
  return connection;
}

export async function setConnectionPaused(prisma: PrismaClient, id: number, paused: boolean): Promise<void> {
  await prisma.connection.updateMany({
    where: { id },
    // Resuming is also how a person says "I fixed it": a stopped connection runs again now.
    data: paused ? { paused: true } : { paused: false, status: "idle", statusMessage: null, failures: 0, nextRunAt: new Date() },
  });
}

/** Due at once; the scheduler picks it up on its next tick (the lease keeps it to one server). */
export async function requestConnectionSync(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.connection.updateMany({ where: { id }, data: { nextRunAt: new Date(), paused: false, status: "idle", statusMessage: null } });
}

export async function deleteConnection(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.connection.deleteMany({ where: { id } });
}
