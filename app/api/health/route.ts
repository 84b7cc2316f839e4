import { getDb } from "@/lib/db/get-db";

export const dynamic = "force-dynamic";

/** 200 once the server can serve (database reachable, migrations applied), 503 otherwise. */
export async function GET() {
  try {
    const db = await getDb();
    await db.prisma.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", db: db.kind }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const message = error instanceof Error ? error.message : "database unavailable";
    return Response.json({ status: "unavailable", message }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
