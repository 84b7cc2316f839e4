import { expect, test } from "vitest";

import { describeEachDatabase } from "@/lib/testing/test-databases";

import { loadCustomKpiVersion } from "./load-custom-kpi-version";
import { CustomKpiInputError, saveCustomKpi, type CustomKpiInput } from "./save-custom-kpi";

const definition = (overrides: Partial<CustomKpiInput> = {}): CustomKpiInput => ({
  name: "Urgent solved", unit: "count", direction: "higher", formula: "count(tickets by solved where priority = urgent)", ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<CustomKpiInputError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof CustomKpiInputError)) throw new Error(`expected a CustomKpiInputError, got ${String(error)}`);
  return error;
}

describeEachDatabase("saving custom KPIs", ({ db }) => {
  const prisma = () => db().prisma;

  test("a new KPI gets a key from its name; a change is its next version; readers get the version in force", async () => {
    const t0 = new Date("2026-11-01T08:00:00Z");
    const t1 = new Date("2026-11-08T08:00:00Z");
    expect(await saveCustomKpi(prisma(), definition({ name: "Urgent tickets solved (≤ 4 h, business)" }), { now: t0, savedBy: 7 }))
      .toEqual({ key: "custom_urgent_tickets_solved_4_h_business", version: 1 });
    const key = "custom_urgent_tickets_solved_4_h_business";
    const edited = "share(tickets by solved where priority = urgent,   business resolution <= 4h)";
    expect(await saveCustomKpi(prisma(), definition({ name: "Urgent solved in 4 business hours", unit: "percent", formula: edited }), { key, now: t1 }))
      .toEqual({ key, version: 2 });

    const latest = await loadCustomKpiVersion(prisma(), key);
    expect(latest).toMatchObject({
      version: 2, unit: "percent", live: false, formula: edited, references: [], savedBy: null,
      canonical: "share(tickets by solved where priority = urgent, business resolution <= 4h)",
    });
    expect((await loadCustomKpiVersion(prisma(), key, new Date("2026-11-05T00:00:00Z")))?.version).toBe(1);
    expect((await loadCustomKpiVersion(prisma(), key, t1))?.version).toBe(2);
    expect((await loadCustomKpiVersion(prisma(), key, new Date("2026-10-01T00:00:00Z")))?.version).toBe(1);
    expect(await loadCustomKpiVersion(prisma(), "custom_nope")).toBeNull();
  });

  test("the same name makes a second key, never a second version of another KPI", async () => {
    const first = await saveCustomKpi(prisma(), definition({ name: "Chat CSAT", unit: "percent", formula: "share(surveys where kind = csat and channel = chat, score >= 4)" }));
    const second = await saveCustomKpi(prisma(), definition({ name: "Chat CSAT!", unit: "percent", formula: "share(surveys where kind = csat and channel = chat, score = 5)" }));
    expect([first.key, second.key]).toEqual(["custom_chat_csat", "custom_chat_csat_2"]);
  });

  test("a formula that does not check is refused, naming the place; nothing is saved", async () => {
    const error = await refusal(saveCustomKpi(prisma(), definition({ name: "Broken", formula: "count(tickets by solved) + aht" })));
    expect(error.field).toBe("formula");
    expect(error.message).toBe("formula: 1:26: cannot add a duration to a count: both sides of + need the same unit");
    expect(error.formulaError).toMatchObject({ line: 1, column: 26 });
    expect(await prisma().customKpi.findUnique({ where: { key: "custom_broken" } })).toBeNull();

    expect((await refusal(saveCustomKpi(prisma(), definition({ name: "Wrong unit", unit: "duration" })))).message).toContain("declare the unit count");
    expect((await refusal(saveCustomKpi(prisma(), definition(), { key: "custom_missing" })))).toMatchObject({ field: "key" });
  });

  test("references: to other custom KPIs, never round in a cycle, and a change must keep its dependents checking", async () => {
    const base = await saveCustomKpi(prisma(), definition({ name: "Solved by chat", formula: "count(tickets by solved where channel = chat)" }));
    const ratio = await saveCustomKpi(prisma(), definition({ name: "Chat share of solved", unit: "number", formula: `${base.key} / tickets_solved` }));
    expect(await loadCustomKpiVersion(prisma(), ratio.key)).toMatchObject({ references: [base.key, "tickets_solved"] });

    const cycle = await refusal(saveCustomKpi(prisma(), definition({ name: "Solved by chat", formula: `${ratio.key} * 2` }), { key: base.key }));
    expect(cycle.message).toBe(`formula: 1:1: a cycle: ${base.key} → ${ratio.key} → ${base.key}`);

    const unit = await refusal(saveCustomKpi(prisma(), definition({ name: "Solved by chat", unit: "duration", formula: "mean(resolution of tickets by solved where channel = chat)" }), { key: base.key }));
    expect(unit.message).toContain(`${ratio.key} refers to this KPI and would no longer check: the formula gives a duration, not a number`);
    // Units fit: an ordinary change goes through.
    expect(await saveCustomKpi(prisma(), definition({ name: "Solved by chat or social", formula: "count(tickets by solved where channel in (chat, social))" }), { key: base.key }))
      .toEqual({ key: base.key, version: 2 });

    const live = await refusal(saveCustomKpi(prisma(), definition({ name: "Solved by chat", formula: "count(agents_now where status = available)" }), { key: base.key }));
    expect(live.message).toContain("would change from a period to now");
  });

  test("bad fields are refused by the schema, each naming its field", async () => {
    await expect(saveCustomKpi(prisma(), definition({ name: " ", decimals: 9 }))).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["name"] }), expect.objectContaining({ path: ["decimals"] })],
    });
  });
});
