-- Custom KPIs (docs/custom-kpis.md): a key per KPI, and its definitions as versions that are
-- only ever inserted, so a past competition keeps the formula it was run with.

-- CreateEnum
CREATE TYPE "CustomKpiUnit" AS ENUM ('count', 'duration', 'percent', 'score', 'number');

-- CreateEnum
CREATE TYPE "CustomKpiDirection" AS ENUM ('higher', 'lower', 'neutral');

-- CreateTable
CREATE TABLE "custom_kpis" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archived_at" TIMESTAMPTZ(3),

    CONSTRAINT "custom_kpis_pkey" PRIMARY KEY ("id"),
    -- Never a built-in key, and safe in a URL's comma-separated keys list.
    CONSTRAINT "custom_kpis_key_check" CHECK ("key" ~ '^custom_[a-z0-9_]{1,64}$')
);

-- CreateTable
CREATE TABLE "custom_kpi_versions" (
    "id" SERIAL NOT NULL,
    "kpi_id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "unit" "CustomKpiUnit" NOT NULL,
    "direction" "CustomKpiDirection" NOT NULL,
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "live" BOOLEAN NOT NULL DEFAULT false,
    "formula" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,
    "references" JSONB NOT NULL,
    "saved_by" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "custom_kpi_versions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "custom_kpi_versions_version_check" CHECK ("version" >= 1),
    CONSTRAINT "custom_kpi_versions_decimals_check" CHECK ("decimals" BETWEEN 0 AND 3)
);

-- CreateIndex
CREATE UNIQUE INDEX "custom_kpis_key_key" ON "custom_kpis"("key");

-- CreateIndex
CREATE UNIQUE INDEX "custom_kpi_versions_kpi_id_version_key" ON "custom_kpi_versions"("kpi_id", "version");

-- AddForeignKey
ALTER TABLE "custom_kpi_versions" ADD CONSTRAINT "custom_kpi_versions_kpi_id_fkey" FOREIGN KEY ("kpi_id") REFERENCES "custom_kpis"("id") ON DELETE CASCADE ON UPDATE CASCADE;
