import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterEach, describe, expect, test } from "vitest";

import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from "@/lib/testing/test-databases";

import { migrate, readMigrationFiles } from "./migrate";
import { openDatabase } from "./open-database";

function migrationsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const FIRST = { "20260101000000_first": `CREATE TABLE one (id INT PRIMARY KEY);\nINSERT INTO one VALUES (1);` };
const SECOND = { "20260102000000_second": `CREATE TABLE two (id INT PRIMARY KEY);` };

describe.each(DATABASE_KINDS)("migration runner [%s]", (kind) => {
  let db: TestDatabase | undefined;
  const open = async () => (db = await createTestDatabase(kind, { migrate: false }));
  const run = (dir: string) => db!.withConnection((c) => migrate(c, { dir }));
  const tables = async () =>
    (
      await db!.withConnection((c) =>
        c.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public'`),
      )
    )
      .map((r) => r.t)
      .sort();
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  test("applies pending migrations in order, once, recording them as Prisma does", async () => {
    await open();
    const dir = migrationsDir(FIRST);
    expect(await run(dir)).toEqual(["20260101000000_first"]);
    expect(await run(dir)).toEqual([]);
    fs.mkdirSync(path.join(dir, Object.keys(SECOND)[0]!));
    fs.writeFileSync(path.join(dir, Object.keys(SECOND)[0]!, "migration.sql"), Object.values(SECOND)[0]!);
    expect(await run(dir)).toEqual(["20260102000000_second"]);
    const rows = await db!.withConnection((c) =>
      c.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    const files = readMigrationFiles(dir);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      files.map((f) => [f.name, f.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(await tables()).toEqual(["_prisma_migrations", "one", "two"]);
  });

  test("refuses to start when an applied migration's file has changed", async () => {
    await open();
    const dir = migrationsDir(FIRST);
    await run(dir);
    fs.appendFileSync(path.join(dir, "20260101000000_first", "migration.sql"), "\n-- edited");
    fs.mkdirSync(path.join(dir, "20260102000000_second"));
    fs.writeFileSync(path.join(dir, "20260102000000_second", "migration.sql"), SECOND["20260102000000_second"]);
    await expect(run(dir)).rejects.toThrow(/20260101000000_first was modified after it was applied/);
    expect(await tables()).toEqual(["_prisma_migrations", "one"]);
  });

  test("refuses a database with a migration the files do not have", async () => {
    await open();
    await run(migrationsDir({ ...FIRST, ...SECOND }));
    await expect(run(migrationsDir(FIRST))).rejects.toThrow(/20260102000000_second is applied .* missing/);
  });

  test("a failing migration is rolled back whole and not recorded", async () => {
    await open();
    const dir = migrationsDir({
      ...FIRST,
      "20260102000000_broken": `CREATE TABLE half (id INT);\nINSERT INTO half VALUES (1);\nSELECT * FROM no_such_table;`,
    });
    await expect(run(dir)).rejects.toThrow(/20260102000000_broken failed and was rolled back/);
    expect(await tables()).toEqual(["_prisma_migrations", "one"]);
    const names = await db!.withConnection((c) =>
      c.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`),
    );
    expect(names.map((r) => r.migration_name)).toEqual(["20260101000000_first"]);
  });
});

describe("concurrent runners on one Postgres database", () => {
  test("serialise on the advisory lock: every migration is applied exactly once", async () => {
    const db = await createTestDatabase("postgres", { migrate: false });
    const others = await Promise.all([1, 2, 3].map(() => openDatabase({ kind: "postgres", url: db.url!, poolSize: 1 })));
    try {
      const dir = migrationsDir({
        ...FIRST,
        ...SECOND,
        "20260103000000_slow": `SELECT pg_sleep(0.3);\nCREATE TABLE three (id INT);`,
      });
      const results = await Promise.all(
        [db, ...others].map((runner) => runner.withConnection((c) => migrate(c, { dir }))),
      );
      expect(results.flat().sort()).toEqual(["20260101000000_first", "20260102000000_second", "20260103000000_slow"]);
      const count = await db.withConnection((c) =>
        c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`),
      );
      expect(count[0]!.n).toBe(3);
    } finally {
      await Promise.all(others.map((o) => o.close()));
      await db.close();
    }
  });
});

describe("the embedded database's folder lock", () => {
  test("a second opener gets a clear error instead of a corrupted store", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "deskpulse-data-"));
    const { lockDataDir, DataDirInUseError } = await import("./data-dir-lock");
    // Another live process (our parent) holds the lock.
    fs.writeFileSync(path.join(dataDir, "deskpulse.lock"), String(process.ppid));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUseError);
    await expect(openDatabase({ kind: "pglite", dataDir })).rejects.toThrow(/in use by another process/);
    // A stale lock (its process is gone) is taken over.
    fs.writeFileSync(path.join(dataDir, "deskpulse.lock"), "999999999");
    const db = await openDatabase({ kind: "pglite", dataDir });
    expect(fs.readFileSync(path.join(dataDir, "deskpulse.lock"), "utf8")).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dataDir, "deskpulse.lock"))).toBe(false);
  });
});
