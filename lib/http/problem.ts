/** Every API error has this shape: a stable code, a sentence for people, and details when useful. */
export function problem(status: number, error: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, message, ...extra }, { status, headers: { "Cache-Control": "no-store" } });
}
