import { z } from "zod";

// What digests, alerts and test sends hand to a channel: a title, sections of labelled values, a
// link back into Deskpulse, and charts as PNG images. Each channel renders it in its own format
// (lib/notifications/render-*.ts): an HTML email with inline images, Slack blocks, a Teams card,
// or the JSON of a signed webhook. It is stored in the outbox as JSON, images as base64.

export const NOTIFICATION_TONES = ["good", "warning", "critical", "neutral"] as const;
export type NotificationTone = (typeof NOTIFICATION_TONES)[number];

export const ZNotificationRow = z.object({
  /** "Customer satisfaction" */
  label: z.string(),
  /** The value as the app shows it: "87.5%". */
  value: z.string(),
  /** "▲ 2.1 pts vs previous period · target 85% (met)" */
  detail: z.string().optional(),
  tone: z.enum(NOTIFICATION_TONES).optional(),
  /** An image of this message shown with the row (email only). */
  imageId: z.string().optional(),
});
export type NotificationRow = z.infer<typeof ZNotificationRow>;

export const ZNotificationSection = z.object({
  heading: z.string().optional(),
  text: z.string().optional(),
  rows: z.array(ZNotificationRow).default([]),
});
export type NotificationSection = z.infer<typeof ZNotificationSection>;

export const ZNotificationImage = z.object({
  /** Referenced by rows' `imageId`; the email's Content-ID. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  alt: z.string(),
  /** Small images (a sparkline) sit beside their row; large ones (a chart) take the message's width below it. */
  size: z.enum(["small", "large"]).default("small"),
  /** PNG bytes, base64. */
  pngBase64: z.string(),
});
export type NotificationImage = z.infer<typeof ZNotificationImage>;

export const ZNotificationMessage = z.object({
  /** The email's subject; the first line everywhere else. */
  title: z.string().min(1),
  /** An absolute address in Deskpulse for more (the dashboard, the KPI page). */
  link: z.string().url().optional(),
  sections: z.array(ZNotificationSection),
  images: z.array(ZNotificationImage).default([]),
});
export type NotificationMessage = z.input<typeof ZNotificationMessage>;
export type StoredNotificationMessage = z.output<typeof ZNotificationMessage>;
