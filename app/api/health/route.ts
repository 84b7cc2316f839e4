import { pingDatabase } from "@/lib/db/ping-database";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * 200 once the server can serve (database reachable, migrations applied), 503 otherwise. The body
 * is a health report, not a problem document, and never says why (the server log does).
 */
export const GET = route({ auth: "public", outageBody: { status: "unavailable" } }, async ({ db, databaseKind }) => {
  await pingDatabase(db);
  return Response.json({ status: "ok", db: databaseKind }, { headers: { "Cache-Control": "no-store" } });
});
