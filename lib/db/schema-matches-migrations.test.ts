import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

// The migrations are hand-written SQL (Prisma's schema engine cannot be downloaded here), so this
// test is what keeps them honest: the migrated database must have exactly the tables, columns,
// types, nullability, defaults, enums, keys, indexes and foreign keys that schema.prisma declares,
// under the names Prisma itself would give them.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; values: { name: string }[] }[];
    indexes: DmmfIndex[];
  };
}

function loadDmmf(): Dmmf {
  const require = createRequire(import.meta.url);
  const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };
  const schema = fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as Dmmf;
}

const dmmf = loadDmmf();
const models = dmmf.datamodel.models;
const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (model: DmmfModel, fieldName: string) => {
  const field = model.fields.find((f) => f.name === fieldName);
  if (!field) throw new Error(`${model.name}.${fieldName} not in schema`);
  return field.dbName ?? field.name;
};

/** information_schema names an array column's type by its element's internal name. */
const ARRAY_ELEMENTS: Record<string, string> = { _int4: "integer", _int8: "bigint", _text: "text" };

function expectedType(field: DmmfField): string {
  if (field.kind === "enum") return `enum:${field.type}`;
  if (field.type === "DateTime") {
    const [native, args] = field.nativeType ?? ["Timestamp", ["3"]];
    return `${native === "Timestamptz" ? "timestamp with time zone" : "timestamp without time zone"}(${args[0] ?? 3})`;
  }
  const types: Record<string, string> = {
    Int: "integer",
    BigInt: "bigint",
    String: "text",
    Boolean: "boolean",
    Float: "double precision",
    Decimal: "numeric",
    Json: "jsonb",
    Bytes: "bytea",
  };
  const type = types[field.type];
  if (!type) throw new Error(`no mapping for ${field.type}`);
  return field.isList ? `${type}[]` : type;
}

function expectedColumns() {
  return models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind !== "object")
        .map((field) => ({
          column: `${tableOf(model)}.${field.dbName ?? field.name}`,
          type: expectedType(field),
          nullable: !field.isRequired,
          hasDefault: field.hasDefaultValue,
        })),
    )
    .sort((a, b) => a.column.localeCompare(b.column));
}

function expectedIndexes() {
  return dmmf.datamodel.indexes
    .map((index) => {
      const model = models.find((m) => m.name === index.model)!;
      const columns = index.fields.map((f) => columnOf(model, f.name));
      const table = tableOf(model);
      const name =
        index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${index.type === "unique" ? "key" : "idx"}`;
      return `${name} ON ${table} (${columns.join(", ")})${index.type === "normal" ? "" : " UNIQUE"}`;
    })
    .sort();
}

const ON_DELETE: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };

function expectedForeignKeys() {
  return models
    .flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields && field.relationFromFields.length > 0)
        .map((field) => {
          const columns = field.relationFromFields!.map((name) => columnOf(model, name));
          const target = models.find((m) => m.name === field.type)!;
          const onDelete = ON_DELETE[field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull")];
          return `${tableOf(model)}_${columns.join("_")}_fkey -> ${tableOf(target)} on delete ${onDelete}`;
        }),
    )
    .sort();
}

describeEachDatabase("migrated database matches schema.prisma", ({ db }) => {
  const query = <Row,>(sql: string) => db().withConnection((c) => c.query<Row>(sql));

  test("tables", async () => {
    const rows = await query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map(tableOf).sort());
  });

  test("columns: type, nullability, default", async () => {
    const rows = await query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      datetime_precision: number | null;
      is_nullable: string;
      column_default: string | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, datetime_precision, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((row) => ({
        column: `${row.table_name}.${row.column_name}`,
        type:
          row.data_type === "USER-DEFINED"
            ? `enum:${row.udt_name}`
            : row.data_type === "ARRAY"
              ? `${ARRAY_ELEMENTS[row.udt_name] ?? row.udt_name}[]`
              : row.data_type.startsWith("timestamp")
              ? `${row.data_type}(${row.datetime_precision})`
              : row.data_type,
        nullable: row.is_nullable === "YES",
        hasDefault: row.column_default !== null,
      }))
      .sort((a, b) => a.column.localeCompare(b.column));
    expect(actual).toEqual(expectedColumns());
  });

  test("enums and their values", async () => {
    const rows = await query<{ name: string; values: string[] | string }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS values
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const parse = (v: string[] | string) => (Array.isArray(v) ? v : v.replace(/[{}]/g, "").split(","));
    const actual = Object.fromEntries(rows.map((row) => [row.name, parse(row.values)]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  test("primary keys, unique constraints and indexes, by Prisma's names", async () => {
    const rows = await query<{ index_name: string; table_name: string; columns: string; is_unique: boolean }>(
      `SELECT i.relname AS index_name, t.relname AS table_name, ix.indisunique AS is_unique,
              string_agg(a.attname, ', ' ORDER BY k.ord) AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY i.relname, t.relname, ix.indisunique`,
    );
    const actual = rows
      .map((row) => `${row.index_name} ON ${row.table_name} (${row.columns})${row.is_unique ? " UNIQUE" : ""}`)
      .sort();
    expect(actual).toEqual(expectedIndexes());
  });

  test("foreign keys and their delete rules", async () => {
    const rows = await query<{ name: string; target: string; on_delete: string }>(
      `SELECT c.conname AS name, t.relname AS target, c.confdeltype AS on_delete
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.confrelid WHERE c.contype = 'f'`,
    );
    const actual = rows.map((row) => `${row.name} -> ${row.target} on delete ${row.on_delete}`).sort();
    expect(actual).toEqual(expectedForeignKeys());
  });
});
