import { problem } from "./problem";

export type JsonBodyResult = { ok: true; body: unknown } | { ok: false; response: Response };

/**
 * Reads a JSON request body without ever holding more than `maxBytes` of it: the declared length
 * is checked first, and the stream is cut off as soon as it passes the limit.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<JsonBodyResult> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    return { ok: false, response: problem(415, "unsupported_media_type", "Send the body as application/json.") };
  }
  const tooLarge = () => ({
    ok: false as const,
    response: problem(413, "payload_too_large", `The body is larger than ${Math.round(maxBytes / 1_000_000)} MB.`),
  });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return { ok: false, response: problem(400, "invalid_json", "The body is empty.") };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge();
    }
    chunks.push(value);
  }
  try {
    // Strict: invalid UTF-8 is refused, never silently replaced with U+FFFD.
    return { ok: true, body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks))) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : "malformed";
    return { ok: false, response: problem(400, "invalid_json", `The body is not valid JSON: ${detail}`) };
  }
}
