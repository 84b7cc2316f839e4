// The hysteresis of an alert rule, as a pure function of its state and one observation, so that the
// property test can drive it with any sequence (alert-transition.test.ts).
//
// - ok → pending when the condition is first seen to hold; pending → firing once it has held at
//   every observation for `holdMs` (0 fires at once). A single clear observation in between sends
//   it back to ok: a breach shorter than the hold never fires.
// - firing stays firing while the condition holds; it resolves once the condition has been false at
//   every observation for `holdMs` (the same length, so "15 minutes bad" and "15 minutes good" are
//   symmetric). A single bad observation in between restarts that count: a recovery shorter than
//   the hold never resolves. That is the margin against flapping; no second threshold is needed.
// - An observation without a verdict (no value yet, or too few records for a rate) proves nothing:
//   a pending rule goes back to ok (the condition was not seen to hold throughout), a firing one
//   stays firing and keeps its recovery count as it was.

export type AlertStateName = "ok" | "pending" | "firing";

export interface AlertMachineState {
  state: AlertStateName;
  /** When the rule entered its state. */
  since: Date;
  /** While firing: since when the condition has been false; null while it holds. */
  clearSince: Date | null;
}

/** The condition held (true), did not (false), or could not be judged (null). */
export type Observation = boolean | null;

export interface AlertStep {
  next: AlertMachineState;
  event: "fired" | "resolved" | null;
}

export function alertTransition(current: AlertMachineState, breached: Observation, at: Date, holdMs: number): AlertStep {
  const stay: AlertStep = { next: current, event: null };
  const held = (since: Date) => at.getTime() - since.getTime() >= holdMs;
  switch (current.state) {
    case "ok":
      if (breached !== true) return stay;
      return holdMs <= 0 ? fire(at) : { next: { state: "pending", since: at, clearSince: null }, event: null };
    case "pending":
      if (breached !== true) return { next: { state: "ok", since: at, clearSince: null }, event: null };
      return held(current.since) ? fire(at) : stay;
    case "firing": {
      if (breached === null) return stay;
      if (breached) return current.clearSince === null ? stay : { next: { ...current, clearSince: null }, event: null };
      const clearSince = current.clearSince ?? at;
      if (held(clearSince)) return { next: { state: "ok", since: at, clearSince: null }, event: "resolved" };
      return { next: { ...current, clearSince }, event: null };
    }
  }
}

function fire(at: Date): AlertStep {
  return { next: { state: "firing", since: at, clearSince: null }, event: "fired" };
}
