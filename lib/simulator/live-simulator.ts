import { DEMO_QUEUES, DEMO_TEAMS, DEMO_TIME_ZONE } from "@/lib/demo/demo-roster";
import {
  demoHourlyVolume,
  demoModel,
  demoRoster,
  LocalClock,
  planAgentDay,
  planCall,
  planTicket,
  type DemoModel,
} from "@/lib/demo/generate-demo-data";
import { Random } from "@/lib/demo/random";
import type { CallRecord, IngestBatch, MessageRecord, TicketRecord } from "@/lib/ingest/record-schemas";

// The demo history carried on into the present: each `tick` returns the records that changed since
// the last one. Tickets, calls and shifts are planned with the generator's own model
// (lib/demo/generate-demo-data.ts) at the pace the history has for this local hour and weekday, for
// the demo's own agents, teams and queues, and each planned event is sent when its time comes.
// Tickets and calls are re-sent whole when their state changes (ingest upserts by externalId), as a
// real integration would.

export interface LiveSimulatorOptions {
  /** The history whose pace the stream keeps: this many tickets over this many days. */
  history: { tickets: number; days: number };
  /** Multiplies the history's pace: 1 is the history's own; more livens up a night-time showcase or a test. */
  scale?: number;
  seed?: number;
  timeZone?: string;
}

export interface SimulatorStats {
  tickets: number;
  messages: number;
  calls: number;
  surveys: number;
  statusChanges: number;
}

type Batch = Required<Pick<IngestBatch, "tickets" | "messages" | "calls" | "surveys" | "agentStatus">>;

interface PlannedEvent {
  at: number;
  apply: (batch: Batch) => void;
}

/** Arrivals are drawn for at most this much elapsed time: a process that slept does not flood the server on waking. */
const MAX_CATCH_UP_MS = 60_000;
/** Plans that have not finished after this long are dropped (an email answered after a long weekend, say). */
const MAX_PLAN_AGE_MS = 4 * 24 * 3_600_000;

export class LiveSimulator {
  private readonly model: DemoModel;
  private readonly clock: LocalClock;
  private readonly history: { tickets: number; days: number };
  private readonly scale: number;
  private readonly runId: string;
  private sequence = 0;
  private planned: PlannedEvent[] = [];
  private lastTick: number | null = null;
  private plannedDay: string | null = null;
  readonly stats: SimulatorStats = { tickets: 0, messages: 0, calls: 0, surveys: 0, statusChanges: 0 };

  constructor(options: LiveSimulatorOptions) {
    const seed = options.seed ?? Date.now();
    this.clock = new LocalClock(options.timeZone ?? DEMO_TIME_ZONE);
    this.model = demoModel(new Random(seed), this.clock, demoRoster(seed));
    this.history = options.history;
    this.scale = options.scale ?? 1;
    this.runId = (seed >>> 0).toString(36);
  }

  /** Mean new tickets and calls per hour at `at`, as the history has them for its local hour and weekday. */
  hourlyVolume(at: Date): { tickets: number; calls: number } {
    const local = this.clock.local(at.getTime());
    const volume = demoHourlyVolume(this.history, local.weekday, local.hour);
    return { tickets: volume.tickets * this.scale, calls: volume.calls * this.scale };
  }

  /** The externalIds of every agent the stream may name: the demo roster's. */
  agentIds(): string[] {
    return this.model.roster.agents.map((a) => a.externalId);
  }

  /** The records that changed between the previous tick and `now`. */
  tick(now: Date): IngestBatch {
    const at = now.getTime();
    const since = Math.max(this.lastTick ?? at - 1_000, at - MAX_CATCH_UP_MS);
    this.lastTick = at;
    const batch: Batch = { tickets: [], messages: [], calls: [], surveys: [], agentStatus: [] };
    this.planShifts(at, batch);
    this.planArrivals(since, at);

    const due = this.planned.filter((event) => event.at <= at).sort((a, b) => a.at - b.at);
    this.planned = this.planned.filter((event) => event.at > at && event.at - at < MAX_PLAN_AGE_MS);
    for (const event of due) event.apply(batch);

    this.stats.messages += batch.messages.length;
    this.stats.surveys += batch.surveys.length;
    this.stats.statusChanges += batch.agentStatus.length;
    return { ...batch, tickets: latestOfEach(batch.tickets), calls: latestOfEach(batch.calls) };
  }

  /**
   * Each local day's shifts, planned when the day starts. On the first tick every agent's current
   * presence is sent once, so agents on shift show as working from the first minute.
   */
  private planShifts(at: number, batch: Batch) {
    const local = this.clock.local(at);
    const key = `${local.year}-${local.month}-${local.date}`;
    if (key === this.plannedDay) return;
    const first = this.plannedDay === null;
    this.plannedDay = key;
    for (const agent of this.model.roster.agents) {
      const events = planAgentDay(this.model, local, agent);
      if (first) {
        const current = events.filter(([, time]) => time <= at).pop();
        // Stamped now, not at the plan's earlier instant: the history already tells the day so far.
        batch.agentStatus.push({ agent: agent.externalId, status: current?.[0] ?? "offline", at: iso(at) });
      }
      for (const [status, time] of events) {
        if (time > at) this.schedule(time, (b) => b.agentStatus.push({ agent: agent.externalId, status, at: iso(time) }));
      }
    }
  }

  private planArrivals(since: number, at: number) {
    const volume = this.hourlyVolume(new Date(at));
    const hours = (at - since) / 3_600_000;
    const rng = this.model.rng;
    for (let n = rng.poisson(volume.tickets * hours); n > 0; n--) this.planTicket(since + rng.float() * (at - since));
    for (let n = rng.poisson(volume.calls * hours); n > 0; n--) this.planCall(since + rng.float() * (at - since));
  }

  private planTicket(createdAt: number) {
    const plan = planTicket(this.model, createdAt, 1);
    const record: TicketRecord = {
      externalId: this.id("T"),
      channel: plan.channel,
      priority: plan.priority,
      subject: plan.subject,
      team: DEMO_TEAMS[plan.teamId - 1]!.externalId,
      status: "new",
      createdAt: iso(createdAt),
      reopens: 0,
    };
    const agent = this.model.roster.agents[plan.agentId - 1]!.externalId;
    this.stats.tickets++;
    this.schedule(createdAt, (b) => b.tickets.push(record));
    this.schedule(plan.firstResponseAt, (b) => {
      Object.assign(record, { status: "open", assignee: agent, firstResponseAt: iso(plan.firstResponseAt) });
      b.tickets.push(record);
    });
    this.schedule(plan.resolvedAt, (b) => {
      Object.assign(record, { status: "solved", resolvedAt: iso(plan.resolvedAt), reopens: plan.reopens });
      b.tickets.push(record);
    });
    for (const m of plan.messages) {
      const message: MessageRecord = {
        externalId: this.id("M"),
        ticket: record.externalId,
        author: m.author,
        ...(m.author === "agent" && { agent }),
        createdAt: iso(m.at),
        ...(!m.public && { public: false }),
      };
      this.schedule(m.at, (b) => b.messages.push(message));
    }
    for (const s of plan.surveys) {
      const externalId = this.id("S");
      this.schedule(s.at, (b) =>
        b.surveys.push({ externalId, kind: s.kind, score: s.score, respondedAt: iso(s.at), ticket: record.externalId, agent, team: record.team! }),
      );
    }
  }

  private planCall(start: number) {
    const plan = planCall(this.model, start, this.clock.local(start).hour, 1);
    const record: CallRecord = {
      externalId: this.id("C"),
      direction: plan.direction,
      ...(plan.queueId !== null && { queue: DEMO_QUEUES[plan.queueId - 1]!.externalId }),
      ...(plan.queuedAt !== null && { queuedAt: iso(plan.queuedAt) }),
    };
    this.stats.calls++;
    if (plan.queuedAt !== null) this.schedule(plan.queuedAt, (b) => b.calls.push(record));
    if (plan.answeredAt !== null) {
      const answeredAt = plan.answeredAt;
      this.schedule(answeredAt, (b) => {
        Object.assign(record, {
          answeredAt: iso(answeredAt),
          agent: this.model.roster.agents[plan.agentId! - 1]!.externalId,
          team: DEMO_TEAMS[plan.teamId! - 1]!.externalId,
        });
        b.calls.push(record);
      });
    }
    this.schedule(plan.endedAt, (b) => {
      Object.assign(record, {
        endedAt: iso(plan.endedAt),
        ...(plan.answeredAt !== null && { talkSeconds: plan.talkSeconds, holdSeconds: plan.holdSeconds, wrapUpSeconds: plan.wrapUpSeconds }),
      });
      b.calls.push(record);
    });
  }

  private schedule(at: number, apply: (batch: Batch) => void) {
    this.planned.push({ at, apply });
  }

  private id(prefix: string): string {
    return `${prefix}-live-${this.runId}-${++this.sequence}`;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The last state of each record changed within the tick (the object is shared, so a copy of it is current). */
function latestOfEach<T extends { externalId: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.externalId, { ...r }])).values()];
}
