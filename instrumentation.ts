// Opens the database and applies pending migrations when the server starts, so that `npm start`
// serves a migrated database and /api/health turns 200 as soon as it can serve.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
}
