import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this. The app connects through driver adapters (lib/db/open-database.ts)
// and applies migrations with its own runner (lib/db/migrate.ts), so no URL is needed to generate.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
