import { z } from "zod";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { NotificationChannelKind } from "@/lib/generated/prisma/enums";
import { openSecrets, sealSecrets } from "@/lib/secrets/sealed-secrets";

// Delivery channels: where digests and alerts go. What is secret (an SMTP password, a webhook's
// address, which for Slack and Teams is itself the credential, and a signing secret) is sealed;
// the rest is plain settings shown in Settings → Notifications.

export const CHANNEL_KINDS = ["email", "slack", "teams", "webhook"] as const satisfies readonly NotificationChannelKind[];

export const CHANNEL_KIND_LABELS: Record<NotificationChannelKind, string> = {
  email: "Email (SMTP)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams incoming webhook",
  webhook: "HTTPS webhook (signed JSON)",
};

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A webhook's address: HTTPS, or plain HTTP to this machine only (a local relay or a test peer).
 * Anything else would send a secret-bearing request in the clear across a network.
 */
const ZWebhookUrl = z
  .string()
  .trim()
  .url("must be a full address, such as https://hooks.slack.com/services/…")
  .refine((value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  }, "must start with https:// (plain http only to localhost)");

const ZAddressList = z
  .string()
  .trim()
  .transform((value) => value.split(/[\s,;]+/).filter(Boolean))
  .pipe(z.array(z.email("is not an email address")).min(1, "give at least one address").max(50));

const ZName = z.string().trim().min(1, "give the channel a name").max(100);

export const SMTP_SECURITY = ["starttls", "tls", "none"] as const;

export const ZNewChannel = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("email"),
    name: ZName,
    host: z.string().trim().min(1, "give the SMTP server's host name").max(255),
    port: z.coerce.number().int("must be a whole number").min(1).max(65_535),
    /** STARTTLS required, TLS from the first byte (usually port 465), or none (a relay on a trusted network). */
    security: z.enum(SMTP_SECURITY),
    username: z.string().trim().max(255).default(""),
    password: z.string().max(1000).default(""),
    from: z.email("is not an email address"),
    to: ZAddressList,
  }),
  z.object({ kind: z.literal("slack"), name: ZName, url: ZWebhookUrl }),
  z.object({ kind: z.literal("teams"), name: ZName, url: ZWebhookUrl }),
  z.object({
    kind: z.literal("webhook"),
    name: ZName,
    url: ZWebhookUrl,
    signingSecret: z.string().min(16, "use at least 16 characters").max(200),
  }),
]);
export type NewChannel = z.input<typeof ZNewChannel>;

export interface EmailSettings {
  host: string;
  port: number;
  security: (typeof SMTP_SECURITY)[number];
  username: string;
  from: string;
  to: string[];
}

/** A channel ready to send: its settings and its opened secrets. */
export type OpenChannel =
  | { id: number; name: string; kind: "email"; settings: EmailSettings; secrets: { password: string } }
  | { id: number; name: string; kind: "slack" | "teams"; settings: Record<string, never>; secrets: { url: string } }
  | { id: number; name: string; kind: "webhook"; settings: Record<string, never>; secrets: { url: string; signingSecret: string } };

export async function createChannel(prisma: PrismaClient, input: z.output<typeof ZNewChannel>): Promise<number> {
  const { settings, secrets } =
    input.kind === "email"
      ? { settings: { host: input.host, port: input.port, security: input.security, username: input.username, from: input.from, to: input.to }, secrets: { password: input.password } }
      : input.kind === "webhook"
        ? { settings: {}, secrets: { url: input.url, signingSecret: input.signingSecret } }
        : { settings: {}, secrets: { url: input.url } };
  const channel = await prisma.notificationChannel.create({
    data: { kind: input.kind, name: input.name, settings, secretsSealed: await sealSecrets(prisma, secrets) },
    select: { id: true },
  });
  return channel.id;
}

export async function deleteChannel(prisma: PrismaClient, id: number): Promise<void> {
  await prisma.notificationChannel.deleteMany({ where: { id } });
}

/** What Settings and the digest and alert forms show of a channel: never its secrets. */
export async function listChannels(prisma: PrismaClient) {
  const channels = await prisma.notificationChannel.findMany({
    orderBy: { name: "asc" },
    select: { id: true, kind: true, name: true, settings: true, createdAt: true, lastSentAt: true, lastError: true, lastErrorAt: true },
  });
  const pending = await prisma.notificationDelivery.groupBy({ by: ["channelId"], where: { status: "pending" }, _count: true });
  const waiting = new Map(pending.map((row) => [row.channelId, row._count]));
  return channels.map((c) => {
    const settings = c.settings as Partial<EmailSettings>;
    return {
      id: c.id,
      kind: c.kind,
      kindLabel: CHANNEL_KIND_LABELS[c.kind],
      name: c.name,
      /** Where it goes, without secrets: the SMTP server and recipients; a webhook's address is a secret. */
      target: c.kind === "email" ? `${settings.host}:${settings.port} → ${(settings.to ?? []).join(", ")}` : null,
      createdAt: c.createdAt,
      lastSentAt: c.lastSentAt,
      lastError: c.lastError,
      lastErrorAt: c.lastErrorAt,
      pending: waiting.get(c.id) ?? 0,
    };
  });
}

export async function openChannel(prisma: PrismaClient, channel: { id: number; name: string; kind: NotificationChannelKind; settings: unknown; secretsSealed: string }): Promise<OpenChannel> {
  const secrets = await openSecrets(prisma, channel.secretsSealed);
  return { id: channel.id, name: channel.name, kind: channel.kind, settings: channel.settings, secrets } as OpenChannel;
}

/** A channel's latest deliveries, newest first: what was sent, when, and why one failed. */
export async function recentDeliveries(prisma: PrismaClient, take = 15) {
  const rows = await prisma.notificationDelivery.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, channelId: true, source: true, message: true, status: true, attempts: true, createdAt: true, sentAt: true, nextAttemptAt: true, lastError: true, channel: { select: { name: true } } },
  });
  return rows.map(({ message, channel, ...row }) => ({ ...row, channel: channel.name, title: (message as { title?: string }).title ?? "" }));
}
