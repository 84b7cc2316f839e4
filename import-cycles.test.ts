import path from "node:path";

import madge from "madge";
import { expect, test } from "vitest";

// A module that imports its own importer (lib/dashboards ⇄ lib/motivation once did) has no layer of
// its own: neither can be read, tested or moved without the other. Type-only imports count too,
// since they tie the two modules' meaning together just the same.
test("no import cycle among the project's modules", { timeout: 120_000 }, async () => {
  const root = import.meta.dirname;
  const graph = await madge(["lib", "app", "components"].map((dir) => path.join(root, dir)), {
    baseDir: root,
    fileExtensions: ["ts", "tsx"],
    tsConfig: path.join(root, "tsconfig.json"),
    // Prisma's generated client is not ours to shape.
    excludeRegExp: [/^lib\/generated\//],
  });
  expect(graph.circular()).toEqual([]);
  // The check sees the graph: it found the modules and their imports (a wrong base finds none).
  expect(graph.depends("lib/kpi/catalog.ts")).toContain("lib/leaderboards/rank-leaderboard.ts");
});
