import { handleSignIn } from "@/lib/auth/handle-sign-in";
import { problem } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// better-auth serves many endpoints; Deskpulse exposes only sign-in over HTTP (sign-out is a server
// action, users are created by admins), so nothing else it offers can be reached by accident.
// better-auth answers sign-in's own errors in its shape, which its client reads.
const EXPOSED = new Set(["/api/auth/sign-in/email"]);

export const POST = route({ auth: "public" }, ({ request }) =>
  EXPOSED.has(new URL(request.url).pathname) ? handleSignIn(request) : Promise.resolve(problem(404, "not_found", "No such endpoint.")),
);

export const GET = route({ auth: "public" }, async () => problem(404, "not_found", "No such endpoint."));
