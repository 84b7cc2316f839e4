import { Random } from "@/lib/demo/random";
import type {
  AgentStatusRecord,
  CallRecord,
  IngestBatch,
  MessageRecord,
  SurveyRecord,
  TicketRecord,
} from "@/lib/ingest/record-schemas";
import { CHANNELS } from "@/lib/ingest/record-schemas";

// A live stream of help-desk and phone events for demos: each `tick` advances simulated time and
// returns the batch of records that changed. Tickets and calls are re-sent whole when their state
// changes (ingest upserts by externalId), exactly as a real integration would.

const TEAMS = [
  { externalId: "billing", name: "Billing" },
  { externalId: "tech-support", name: "Technical Support" },
  { externalId: "onboarding", name: "Onboarding" },
];
const QUEUES = ["billing", "support", "sales"];
const AGENTS = Array.from({ length: 12 }, (_, i) => ({
  externalId: `live-agent-${String(i + 1).padStart(2, "0")}`,
  name: ["Ada", "Bo", "Cyd", "Dee", "Eve", "Fin", "Gil", "Hal", "Ivy", "Jo", "Kai", "Lou"][i]! + " (live)",
  team: TEAMS[i % TEAMS.length]!.externalId,
}));

interface OpenTicket {
  record: TicketRecord;
  touches: number;
}
interface LiveCall {
  record: CallRecord;
  answerAt: number | null;
  endAt: number;
}

export interface SimulatorStats {
  tickets: number;
  messages: number;
  calls: number;
  surveys: number;
  statusChanges: number;
}

export class LiveSimulator {
  private readonly rng: Random;
  private readonly runId: string;
  private sequence = 0;
  private readonly open = new Map<string, OpenTicket>();
  private readonly resolved: TicketRecord[] = [];
  private readonly calls = new Map<string, LiveCall>();
  private readonly presence = new Map<string, AgentStatusRecord["status"]>();
  private started = false;
  readonly stats: SimulatorStats = { tickets: 0, messages: 0, calls: 0, surveys: 0, statusChanges: 0 };

  /** `rate` is the mean number of new tickets and calls per second. */
  constructor(
    private readonly rate: number,
    seed = Date.now(),
  ) {
    this.rng = new Random(seed);
    this.runId = (seed >>> 0).toString(36);
  }

  private id(prefix: string): string {
    return `${prefix}-live-${this.runId}-${++this.sequence}`;
  }

  /** The records that changed during the second ending at `now`. */
  tick(now: Date): IngestBatch {
    const at = now.getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const batch: Required<Pick<IngestBatch, "tickets" | "messages" | "calls" | "surveys" | "agentStatus">> & IngestBatch = {
      tickets: [],
      messages: [],
      calls: [],
      surveys: [],
      agentStatus: [],
    };
    if (!this.started) {
      this.started = true;
      batch.teams = TEAMS;
      batch.agents = AGENTS;
      for (const agent of AGENTS) this.setPresence(batch, agent.externalId, this.rng.chance(0.7) ? "available" : "busy", at);
    }
    const agent = () => this.rng.pick(AGENTS);

    // New tickets, each opened by a customer message.
    for (let n = this.rng.poisson(this.rate * 0.6); n > 0; n--) {
      const owner = agent();
      const record: TicketRecord = {
        externalId: this.id("T"),
        channel: this.rng.pick(CHANNELS),
        priority: this.rng.weighted({ low: 2, normal: 6, high: 1.5, urgent: 0.5 }),
        subject: this.rng.pick(["Cannot log in", "Refund request", "Invoice question", "Change my plan", "Delivery delayed"]),
        team: owner.team,
        status: "new",
        createdAt: iso(at - this.rng.int(0, 999)),
        reopens: 0,
      };
      this.open.set(record.externalId, { record, touches: 0 });
      batch.tickets.push(record);
      batch.messages.push(this.message(record, "customer", undefined, at));
      this.stats.tickets++;
    }

    // Work on open tickets: first replies, follow-ups, resolutions.
    for (const ticket of this.open.values()) {
      const record = ticket.record;
      const age = (at - Date.parse(record.createdAt)) / 1000;
      if (!record.firstResponseAt) {
        if (!this.rng.chance(1 - Math.exp(-age / (record.channel === "chat" ? 20 : 90)) * 0.97)) continue;
        const owner = AGENTS.find((a) => a.team === record.team) ?? agent();
        Object.assign(record, { firstResponseAt: iso(at), assignee: owner.externalId, status: "open" });
        ticket.touches = 1;
        batch.messages.push(this.message(record, "agent", owner.externalId, at));
        batch.tickets.push(record);
      } else if (this.rng.chance(0.04)) {
        Object.assign(record, { status: "solved", resolvedAt: iso(at) });
        this.open.delete(record.externalId);
        this.resolved.push(record);
        if (this.resolved.length > 200) this.resolved.shift();
        batch.tickets.push(record);
        if (this.rng.chance(0.35)) batch.surveys.push(this.survey(record, at));
      } else if (this.rng.chance(0.03)) {
        batch.messages.push(this.message(record, "customer", undefined, at - 500));
        batch.messages.push(this.message(record, "agent", record.assignee, at, this.rng.chance(0.2)));
        ticket.touches++;
      }
    }

    // Now and then a solved ticket comes back.
    if (this.resolved.length && this.rng.chance(0.02 * this.rate)) {
      const record = this.resolved.splice(this.rng.int(0, this.resolved.length - 1), 1)[0]!;
      Object.assign(record, { status: "open", resolvedAt: undefined, reopens: (record.reopens ?? 0) + 1 });
      this.open.set(record.externalId, { record, touches: 2 });
      batch.tickets.push(record);
      batch.messages.push(this.message(record, "customer", undefined, at));
    }

    // Calls: queue, then answered after a believable wait, or abandoned when patience runs out.
    for (let n = this.rng.poisson(this.rate * 0.4); n > 0; n--) {
      const wait = this.rng.exponential(25);
      const patience = this.rng.exponential(90);
      const answered = patience > wait;
      const record: CallRecord = { externalId: this.id("C"), queue: this.rng.pick(QUEUES), queuedAt: iso(at), direction: "inbound" };
      const answerAt = answered ? at + wait * 1000 : null;
      this.calls.set(record.externalId, {
        record,
        answerAt,
        endAt: answered ? answerAt! + this.rng.logNormal(200, 0.5) * 1000 : at + patience * 1000,
      });
      batch.calls.push(record);
      this.stats.calls++;
    }
    for (const [key, call] of this.calls) {
      const record = call.record;
      if (call.answerAt !== null && !record.answeredAt && call.answerAt <= at) {
        const owner = agent();
        Object.assign(record, { answeredAt: iso(call.answerAt), agent: owner.externalId, team: owner.team });
        batch.calls.push(record);
      }
      if (call.endAt <= at) {
        record.endedAt = iso(call.endAt);
        if (record.answeredAt) {
          record.talkSeconds = Math.round((call.endAt - Date.parse(record.answeredAt)) / 1000);
          record.wrapUpSeconds = this.rng.int(15, 90);
        }
        batch.calls.push(record);
        this.calls.delete(key);
      }
    }

    // Agents come and go.
    if (this.rng.chance(0.3)) {
      const who = agent().externalId;
      this.setPresence(batch, who, this.rng.weighted({ available: 5, busy: 3, away: 1.5, offline: 0.5 }), at);
    }

    batch.tickets = dedupe(batch.tickets);
    batch.calls = dedupe(batch.calls);
    this.stats.messages += batch.messages.length;
    this.stats.surveys += batch.surveys.length;
    return batch;
  }

  private message(ticket: TicketRecord, author: "agent" | "customer", agent: string | undefined, at: number, internal = false): MessageRecord {
    return {
      externalId: this.id("M"),
      ticket: ticket.externalId,
      author,
      ...(agent ? { agent } : {}),
      createdAt: new Date(at).toISOString(),
      ...(internal ? { public: false } : {}),
    };
  }

  private survey(ticket: TicketRecord, at: number): SurveyRecord {
    const kind = this.rng.weighted({ csat: 6, nps: 2, ces: 1 });
    const score = kind === "nps" ? this.rng.weighted({ 10: 3, 9: 3, 8: 2, 7: 1, 5: 1, 2: 0.5 }) : this.rng.weighted({ 5: 5, 4: 3, 3: 1, 2: 0.5, 1: 0.5 });
    return {
      externalId: this.id("S"),
      kind,
      score: kind === "ces" ? 6 - Number(score) : Number(score),
      respondedAt: new Date(at).toISOString(),
      ticket: ticket.externalId,
      ...(ticket.assignee ? { agent: ticket.assignee } : {}),
      ...(ticket.team ? { team: ticket.team } : {}),
    };
  }

  private setPresence(batch: { agentStatus: AgentStatusRecord[] }, agent: string, status: AgentStatusRecord["status"], at: number) {
    if (this.presence.get(agent) === status) return;
    this.presence.set(agent, status);
    batch.agentStatus.push({ agent, status, at: new Date(at).toISOString() });
    this.stats.statusChanges++;
  }
}

/** The last state of each record changed within the tick (the object is shared, so any copy is current). */
function dedupe<T extends { externalId: string }>(records: T[]): T[] {
  return [...new Map(records.map((r) => [r.externalId, { ...r }])).values()];
}
