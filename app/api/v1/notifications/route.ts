import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { bellOwnerOf, listNotifications } from "@/lib/motivation/notifications";

export const dynamic = "force-dynamic";

/** The signed-in user's bell: an agent's achievements and competition ranks, a manager's alerts. */
export const GET = route({ auth: "kpis:read" }, async ({ db, principal }) => {
  if (principal.kind !== "user") return problem(403, "forbidden", "notifications are for signed-in users");
  const body = await listNotifications(db, bellOwnerOf(principal.user.id, principal.user.agent));
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
