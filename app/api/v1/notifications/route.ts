import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { listNotifications } from "@/lib/motivation/notifications";

export const dynamic = "force-dynamic";

/** The signed-in agent's notifications (achievements, competition ranks); empty for users who are not agents. */
export const GET = route({ auth: "kpis:read" }, async ({ db, principal }) => {
  if (principal.kind !== "user") return problem(403, "forbidden", "notifications are for signed-in users");
  const agent = principal.user.agent;
  const body = agent ? await listNotifications(db, agent.id) : { unread: 0, items: [] };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
});
