/** What KPIs can be broken down by; kept apart from the SQL so browser code can import it. */
export const DIMENSIONS = ["team", "agent", "channel", "queue", "priority"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DIMENSION_PLURALS: Record<Dimension, string> = { team: "Teams", agent: "Agents", channel: "Channels", queue: "Queues", priority: "Priorities" };
