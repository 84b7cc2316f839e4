import type { TestProject } from "vitest/node";

import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

// Every database test runs on PGlite and on a real Postgres. TEST_DATABASE_URL points at a server
// to use (CI passes the cluster it started); without it a private cluster is started here.
let cluster: ThrowawayPostgres | undefined;

export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    cluster = await startThrowawayPostgres();
    url = cluster.url;
  }
  project.provide("postgresAdminUrl", url);
}

export function teardown() {
  cluster?.stop();
}
