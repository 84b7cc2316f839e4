import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { alertTransition, type AlertMachineState, type Observation } from "./alert-transition";

const MINUTE = 60_000;
const T0 = new Date("2026-12-07T09:00:00Z");
const OK: AlertMachineState = { state: "ok", since: T0, clearSince: null };

/** Runs observations (minutes after T0) through the machine; the events with the index that caused them. */
function run(observations: { at: number; breached: Observation }[], holdMinutes: number) {
  let state = OK;
  const events: { index: number; event: "fired" | "resolved" }[] = [];
  const states: AlertMachineState[] = [];
  observations.forEach(({ at, breached }, index) => {
    const step = alertTransition(state, breached, new Date(T0.getTime() + at * MINUTE), holdMinutes * MINUTE);
    state = step.next;
    states.push(state);
    if (step.event) events.push({ index, event: step.event });
  });
  return { events, states };
}

const every = (minutes: number, values: Observation[]) => values.map((breached, i) => ({ at: i * minutes, breached }));

describe("alertTransition", () => {
  test("crossing, re-crossing for less than the hold, then staying: one firing, later one resolution", () => {
    // 15-minute hold, a check a minute: bad 10 min, good 2, bad 20, good 5, bad 1, good 20.
    const pattern = [...Array(10).fill(true), false, false, ...Array(20).fill(true), ...Array(5).fill(false), true, ...Array(20).fill(false)];
    const { events } = run(every(1, pattern), 15);
    expect(events).toEqual([
      { index: 27, event: "fired" }, // 12..27 is the first 15 minutes bad without a break
      { index: 53, event: "resolved" }, // 38..53 the first 15 good
    ]);
  });

  test("a hold of 0 fires at the first breach and resolves at the first recovery", () => {
    expect(run(every(1, [false, true, true, false]), 0).events).toEqual([
      { index: 1, event: "fired" },
      { index: 3, event: "resolved" },
    ]);
  });

  test("no verdict (too few records) never fires, sends pending back to ok, and leaves firing alone", () => {
    expect(run(every(5, [true, null, true, true, true, true]), 15).events).toEqual([{ index: 5, event: "fired" }]);
    const { events, states } = run(every(5, [true, false, null, null, null]), 0);
    expect(events).toEqual([{ index: 0, event: "fired" }, { index: 1, event: "resolved" }]);
    expect(states.at(-1)!.state).toBe("ok");
    expect(run(every(5, [true, null, null, null, null]), 0).states.every((s) => s.state === "firing")).toBe(true);
  });

  const observation = fc.record({ gapSeconds: fc.integer({ min: 10, max: 600 }), breached: fc.constantFrom<Observation>(true, false, null) });
  const scenario = fc.record({ holdMinutes: fc.integer({ min: 0, max: 20 }), steps: fc.array(observation, { maxLength: 200 }) });
  const timed = (steps: { gapSeconds: number; breached: Observation }[]) => {
    let at = 0;
    return steps.map((s) => ({ at: (at += s.gapSeconds / 60), breached: s.breached }));
  };

  test("property: firings and resolutions alternate, starting with a firing", () => {
    fc.assert(
      fc.property(scenario, ({ holdMinutes, steps }) => {
        const { events } = run(timed(steps), holdMinutes);
        events.forEach((e, i) => expect(e.event).toBe(i % 2 === 0 ? "fired" : "resolved"));
      }),
    );
  });

  test("property: a breach shorter than the hold never fires, a recovery shorter than the hold never resolves", () => {
    fc.assert(
      fc.property(scenario, ({ holdMinutes, steps }) => {
        const observations = timed(steps);
        for (const { index, event } of run(observations, holdMinutes).events) {
          let first = index;
          if (event === "fired") {
            // The unbroken run of breaches ending here must span the hold.
            while (first > 0 && observations[first - 1]!.breached === true) first--;
          } else {
            // The recovery: back to the earliest clear observation with no breach after it.
            for (let i = index; i >= 0 && observations[i]!.breached !== true; i--) if (observations[i]!.breached === false) first = i;
          }
          expect(observations[index]!.at - observations[first]!.at).toBeGreaterThanOrEqual(holdMinutes - 1e-9);
        }
      }),
    );
  });

  test("property: a breach held for the whole hold is firing, a recovery held for it (seen clear) is not", () => {
    fc.assert(
      fc.property(scenario, ({ holdMinutes, steps }) => {
        const observations = timed(steps);
        const { states } = run(observations, holdMinutes);
        observations.forEach((o, index) => {
          let first = index;
          if (o.breached === true) {
            while (first > 0 && observations[first - 1]!.breached === true) first--;
            if (o.at - observations[first]!.at >= holdMinutes) expect(states[index]!.state).toBe("firing");
          } else if (o.breached === false) {
            // Judged at a clear observation: one without a verdict resolves nothing.
            for (let i = index; i >= 0 && observations[i]!.breached !== true; i--) if (observations[i]!.breached === false) first = i;
            if (o.at - observations[first]!.at >= holdMinutes) expect(states[index]!.state).not.toBe("firing");
          }
        });
      }),
    );
  });
});
