// Runs `prisma generate` on any machine, with or without access to Prisma's binary server.
//
// Prisma 7's CLI insists on resolving its native schema engine before generating, and downloads it
// on first use. Generating needs no engine at all (the client is Rust-free and the schema is parsed
// by wasm), so where no engine binary is installed we point PRISMA_SCHEMA_ENGINE_BINARY at an existing
// file and the CLI skips the download. A real engine, when present, is left alone.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const enginesDir = path.dirname(require.resolve("@prisma/engines/package.json"));
const hasEngine = readdirSync(enginesDir).some((name) => name.startsWith("schema-engine"));

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasEngine) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(enginesDir, "package.json");
}
const prismaCli = require.resolve("prisma/build/index.js");
if (!existsSync(prismaCli)) throw new Error(`prisma CLI not found at ${prismaCli}`);

const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
