import { handleSignIn } from "@/lib/auth/handle-sign-in";
import { problem } from "@/lib/http/problem";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";

// better-auth serves many endpoints; Deskpulse exposes only sign-in over HTTP (sign-out is a server
// action, users are created by admins), so nothing else it offers can be reached by accident.
const EXPOSED = new Set(["/api/auth/sign-in/email"]);

export function POST(request: Request) {
  if (!EXPOSED.has(new URL(request.url).pathname)) return Promise.resolve(problem(404, "not_found", "No such endpoint."));
  return withDatabase(() => handleSignIn(request));
}

export function GET() {
  return problem(404, "not_found", "No such endpoint.");
}
