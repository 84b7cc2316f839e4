import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { getAuthSecret } from "@/lib/auth/instance-secret";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Secrets kept in the database (a connection's API tokens and signing secrets, a delivery
// channel's SMTP password and webhook address) are sealed with AES-256-GCM under a key derived from
// the instance secret, so a copy of a table alone does not reveal them. The sealed text is
// "v1.<iv>.<tag>.<ciphertext>" in base64url; the tag makes tampering an error. The key's HKDF label
// still says "connection secrets": changing it would make every sealed value unreadable.

const VERSION = "v1";

async function sealingKey(prisma: PrismaClient): Promise<Buffer> {
  const instanceSecret = await getAuthSecret(prisma);
  return Buffer.from(hkdfSync("sha256", instanceSecret, "deskpulse", "connection secrets v1", 32));
}

export async function sealSecrets(prisma: PrismaClient, secrets: Record<string, string>): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await sealingKey(prisma), iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(secrets), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

/** Throws when the instance secret changed since sealing (the secrets must then be entered again). */
export async function openSecrets(prisma: PrismaClient, sealed: string): Promise<Record<string, string>> {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("the stored secrets are not in a known format");
  const decipher = createDecipheriv("aes-256-gcm", await sealingKey(prisma), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as Record<string, string>;
  } catch {
    throw new Error("the stored secrets cannot be decrypted (was the instance secret changed?); enter them again");
  }
}
