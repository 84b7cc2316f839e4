import { createHmac } from "node:crypto";

import nodemailer from "nodemailer";

import type { OpenChannel } from "./channels";
import type { NotificationTone, StoredNotificationMessage } from "./notification-message";

// One message, four formats: an HTML email with its charts inline (Content-ID images), Slack's
// Block Kit, a Microsoft Teams Adaptive Card, and the JSON of a signed webhook. Slack and Teams
// incoming webhooks take no uploads, so their messages carry the numbers and a link, not images.

/** How long one attempt may take before it counts as failed (and is retried later). */
const TIMEOUT_MS = 15_000;

export interface DeliveryContext {
  deliveryId: number;
  source: string;
  /** Replaces an email channel's own recipients when not empty. */
  emailTo: string[];
  now: Date;
}

const TONE_COLOURS: Record<NotificationTone, string> = { good: "#047857", warning: "#b45309", critical: "#b91c1c", neutral: "#334155" };
const TONE_MARKS: Record<NotificationTone, string> = { good: "🟢", warning: "🟠", critical: "🔴", neutral: "⚪" };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function emailHtml(message: StoredNotificationMessage): string {
  const sections = message.sections
    .map((section) => {
      const rows = section.rows
        .map((row) => {
          const image = message.images.find((i) => i.id === row.imageId);
          if (image?.size === "large") {
            return `<tr><td colspan="4" style="padding:12px 0 4px;color:#0f172a;font-weight:600">${escapeHtml(row.label)}${row.value ? ` <span style="color:${TONE_COLOURS[row.tone ?? "neutral"]}">${escapeHtml(row.value)}</span>` : ""}${row.detail ? ` <span style="color:#64748b;font-size:13px;font-weight:400">${escapeHtml(row.detail)}</span>` : ""}</td></tr>
<tr><td colspan="4" style="padding:0 0 12px;border-bottom:1px solid #e2e8f0"><img src="cid:${image.id}@deskpulse" alt="${escapeHtml(image.alt)}" style="display:block;width:100%;max-width:672px"></td></tr>`;
          }
          return `<tr>
  <td style="padding:8px 12px 8px 0;border-bottom:1px solid #e2e8f0;color:#334155">${escapeHtml(row.label)}</td>
  <td style="padding:8px 12px 8px 0;border-bottom:1px solid #e2e8f0;font-size:18px;font-weight:600;color:${TONE_COLOURS[row.tone ?? "neutral"]};white-space:nowrap">${escapeHtml(row.value)}</td>
  <td style="padding:8px 12px 8px 0;border-bottom:1px solid #e2e8f0;color:#64748b;font-size:13px">${row.detail ? escapeHtml(row.detail) : ""}</td>
  <td style="padding:8px 0;border-bottom:1px solid #e2e8f0">${image ? `<img src="cid:${image.id}@deskpulse" alt="${escapeHtml(image.alt)}" style="display:block;height:48px">` : ""}</td>
</tr>`;
        })
        .join("\n");
      return `${section.heading ? `<h2 style="font-size:16px;margin:24px 0 8px;color:#0f172a">${escapeHtml(section.heading)}</h2>` : ""}
${section.text ? `<p style="margin:0 0 8px;color:#334155">${escapeHtml(section.text)}</p>` : ""}
${rows ? `<table role="presentation" style="border-collapse:collapse;width:100%">${rows}</table>` : ""}`;
    })
    .join("\n");
  // Charts no row shows beside its number (a dashboard's time series) follow the numbers, full width.
  const besideRows = new Set(message.sections.flatMap((section) => section.rows.flatMap((row) => (row.imageId ? [row.imageId] : []))));
  const charts = message.images
    .filter((image) => !besideRows.has(image.id))
    .map((image) => `<p style="margin:16px 0 0"><img src="cid:${image.id}@deskpulse" alt="${escapeHtml(image.alt)}" style="display:block;max-width:100%"></p>`)
    .join("\n");
  return `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:Inter,Segoe UI,Helvetica,Arial,sans-serif">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px">
<h1 style="font-size:20px;margin:0 0 4px;color:#0f172a">${escapeHtml(message.title)}</h1>
${sections}
${charts}
${message.link ? `<p style="margin-top:24px"><a href="${escapeHtml(message.link)}" style="color:#4338ca;font-weight:600">Open in Deskpulse →</a></p>` : ""}
</div></body></html>`;
}

export function plainText(message: StoredNotificationMessage): string {
  const lines = [message.title, ""];
  for (const section of message.sections) {
    if (section.heading) lines.push(section.heading);
    if (section.text) lines.push(section.text);
    for (const row of section.rows) lines.push(`- ${row.label}${row.value ? `: ${row.value}` : ""}${row.detail ? ` (${row.detail})` : ""}`);
    lines.push("");
  }
  if (message.link) lines.push(`Open in Deskpulse: ${message.link}`);
  return lines.join("\n");
}

const mrkdwn = (text: string) => text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!);

/** Slack Block Kit: a header, each section's fields (at most 10 to a block, as Slack allows), a link. */
export function slackPayload(message: StoredNotificationMessage) {
  const blocks: object[] = [{ type: "header", text: { type: "plain_text", text: message.title.slice(0, 150), emoji: true } }];
  for (const section of message.sections) {
    const intro = [section.heading ? `*${mrkdwn(section.heading)}*` : "", section.text ? mrkdwn(section.text) : ""].filter(Boolean).join("\n");
    if (intro) blocks.push({ type: "section", text: { type: "mrkdwn", text: intro } });
    for (let i = 0; i < section.rows.length; i += 10) {
      blocks.push({
        type: "section",
        fields: section.rows.slice(i, i + 10).map((row) => ({
          type: "mrkdwn",
          text: `${TONE_MARKS[row.tone ?? "neutral"]} *${mrkdwn(row.label)}*\n${[row.value && mrkdwn(row.value), row.detail && `_${mrkdwn(row.detail)}_`].filter(Boolean).join("  ")}`,
        })),
      });
    }
  }
  if (message.link) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: `<${message.link}|Open in Deskpulse>` }] });
  return { text: message.title, blocks };
}

/** A Teams incoming webhook's message: one Adaptive Card (schema 1.4) with a fact set per section. */
export function teamsPayload(message: StoredNotificationMessage) {
  const body: object[] = [{ type: "TextBlock", text: message.title, weight: "Bolder", size: "Large", wrap: true }];
  for (const section of message.sections) {
    if (section.heading) body.push({ type: "TextBlock", text: section.heading, weight: "Bolder", spacing: "Medium", wrap: true });
    if (section.text) body.push({ type: "TextBlock", text: section.text, wrap: true });
    if (section.rows.length) body.push({ type: "FactSet", facts: section.rows.map((row) => ({ title: row.label, value: [row.value, row.detail].filter(Boolean).join(" · ") })) });
  }
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body,
          ...(message.link ? { actions: [{ type: "Action.OpenUrl", title: "Open in Deskpulse", url: message.link }] } : {}),
        },
      },
    ],
  };
}

/** The signature a webhook receiver checks: HMAC-SHA256 over "<timestamp>.<body>" with the channel's secret (docs/notifications.md). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    throw new Error(`could not reach ${new URL(url).host}: ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).slice(0, 200);
    throw new Error(`${new URL(url).host} answered ${response.status}${text ? `: ${text}` : ""}`);
  }
}

/** Sends one delivery; throws with a message fit for Settings when the channel refuses or cannot be reached. */
export async function sendToChannel(channel: OpenChannel, message: StoredNotificationMessage, context: DeliveryContext): Promise<void> {
  switch (channel.kind) {
    case "email": {
      const { settings } = channel;
      const transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.security === "tls",
        requireTLS: settings.security === "starttls",
        ignoreTLS: settings.security === "none",
        auth: settings.username ? { user: settings.username, pass: channel.secrets.password } : undefined,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      });
      try {
        await transport.sendMail({
          from: settings.from,
          to: context.emailTo.length ? context.emailTo : settings.to,
          subject: message.title,
          text: plainText(message),
          html: emailHtml(message),
          attachments: message.images.map((image) => ({ filename: `${image.id}.png`, content: Buffer.from(image.pngBase64, "base64"), contentType: "image/png", cid: `${image.id}@deskpulse` })),
          headers: { "X-Deskpulse-Delivery": String(context.deliveryId) },
        });
      } catch (error) {
        throw new Error(`${settings.host}:${settings.port}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        transport.close();
      }
      return;
    }
    case "slack":
      return post(channel.secrets.url, JSON.stringify(slackPayload(message)), {});
    case "teams":
      return post(channel.secrets.url, JSON.stringify(teamsPayload(message)), {});
    case "webhook": {
      const timestamp = String(Math.floor(context.now.getTime() / 1000));
      const body = JSON.stringify({ delivery: context.deliveryId, source: context.source, sentAt: context.now.toISOString(), ...message });
      return post(channel.secrets.url, body, {
        "x-deskpulse-delivery": String(context.deliveryId),
        "x-deskpulse-timestamp": timestamp,
        "x-deskpulse-signature": webhookSignature(channel.secrets.signingSecret, timestamp, body),
      });
    }
  }
}
