import { z } from "zod";

import type { Database } from "@/lib/db/open-database";
import { DEFAULT_DEMO_DAYS, DEFAULT_DEMO_SEED, DEFAULT_DEMO_TICKETS, seedDemoIfEmpty, type SeedResult } from "@/lib/demo/seed-demo";

export const ZDemoSeedOptions = z.object({
  tickets: z.coerce.number().int().min(1).max(50_000_000).default(DEFAULT_DEMO_TICKETS),
  days: z.coerce.number().int().min(1).max(3650).default(DEFAULT_DEMO_DAYS),
  seed: z.coerce.number().int().default(DEFAULT_DEMO_SEED),
});

export type DemoSeedOptions = z.infer<typeof ZDemoSeedOptions>;

/** Seeds demo history into an empty database, printing progress; returns the counts. */
export async function runDemoSeed(db: Database, options: DemoSeedOptions, log = console.log): Promise<SeedResult & { days: number; seconds: number }> {
  const started = performance.now();
  let lastPrinted = 0;
  const result = await seedDemoIfEmpty(db.prisma, {
    ...options,
    onDay: (day, days) => {
      const now = performance.now();
      if (now - lastPrinted > 2000 || day === days) {
        lastPrinted = now;
        log(`  demo data: day ${day}/${days}`);
      }
    },
  });
  return { ...result, days: options.days, seconds: (performance.now() - started) / 1000 };
}
