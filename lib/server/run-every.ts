// Background jobs of one server process (connector syncs, notification deliveries, digests,
// alerts): each runs every so often, one pass at a time, and a failed pass is logged and retried
// at the next tick rather than stopping the timer. Started once per name, whatever module reloads
// Next.js does in development.

const holder = globalThis as typeof globalThis & { __deskpulseJobs?: Map<string, { running: boolean }> };
const jobs = (holder.__deskpulseJobs ??= new Map());

export function runEvery(name: string, intervalMs: number, pass: () => Promise<unknown>): void {
  if (jobs.has(name)) return;
  const state = { running: false };
  jobs.set(name, state);
  const tick = async () => {
    if (state.running) return;
    state.running = true;
    try {
      await pass();
    } catch (error) {
      console.error(`Deskpulse: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      state.running = false;
    }
  };
  setInterval(() => void tick(), intervalMs).unref();
}
