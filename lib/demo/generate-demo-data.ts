import { TZDate } from "@date-fns/tz";

import type { AgentPresence, CallDirection, Channel, MessageAuthor, Priority, SurveyKind, TicketStatus } from "@/lib/generated/prisma/enums";

import { DEMO_QUEUES, DEMO_TEAMS, FIRST_NAMES, KB_ARTICLES, LAST_NAMES, SUBJECTS } from "./demo-roster";
import { Random } from "./random";

// A deterministic, believable history for a customer-service organisation: the same options give
// the same rows. Generated one local day at a time so that a million tickets never sit in memory.

export interface DemoOptions {
  seed: number;
  /** The end of the history; nothing happens after it. */
  now: Date;
  days: number;
  /** Tickets over the whole history (approximate: daily counts are Poisson around the mean). */
  tickets: number;
  timeZone: string;
}

export interface TeamRow { id: number; externalId: string; name: string }
export interface QueueRow { id: number; externalId: string; name: string }
export interface AgentRow { id: number; externalId: string; name: string; email: string; teamId: number }
export interface TicketRow {
  id: number; externalId: string; channel: Channel; priority: Priority; subject: string; teamId: number;
  assigneeId: number | null; status: TicketStatus; createdAt: Date; firstResponseAt: Date | null;
  resolvedAt: Date | null; reopens: number;
}
export interface MessageRow {
  id: number; externalId: string; ticketId: number; author: MessageAuthor; agentId: number | null; createdAt: Date; public: boolean;
}
export interface CallRow {
  id: number; externalId: string; queueId: number | null; agentId: number | null; teamId: number | null;
  direction: CallDirection; queuedAt: Date | null; answeredAt: Date | null; endedAt: Date | null;
  talkSeconds: number; holdSeconds: number; wrapUpSeconds: number;
}
export interface SurveyRow {
  id: number; externalId: string; kind: SurveyKind; score: number; respondedAt: Date; ticketId: number | null;
  agentId: number | null; teamId: number | null; comment: string | null;
}
export interface KbViewRow { article: string; visitor: string; viewedAt: Date }
export interface StatusRow { agentId: number; status: AgentPresence; at: Date }

export interface DemoRoster { teams: TeamRow[]; queues: QueueRow[]; agents: AgentRow[] }
export interface DemoDay {
  tickets: TicketRow[]; messages: MessageRow[]; calls: CallRow[]; surveys: SurveyRow[]; kbViews: KbViewRow[]; statuses: StatusRow[];
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// Relative arrivals by local hour (0-23): quiet nights, a morning peak, a smaller afternoon one.
export const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.15, 0.3, 0.7, 1.6, 3.2, 4.4, 4.6, 4.1, 3.3, 3.9, 4.0, 3.6, 3.0, 2.2, 1.5, 1.2, 1.0, 0.8, 0.6, 0.35];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
// Indexed by local weekday, Sunday = 0 (as Date.getDay()).
export const WEEKDAY_FACTOR = [0.4, 1.25, 1.15, 1.1, 1.05, 0.95, 0.45];
const WEEKDAY_MEAN = WEEKDAY_FACTOR.reduce((a, b) => a + b, 0) / 7;
/** Growth over the history: the first day has 0.9 times the mean volume, the last 1.1 times. */
const GROWTH = { start: 0.9, span: 0.2 };
/** Calls per ticket, of which some are outbound and some end in the phone menu (not offered). */
export const CALLS_PER_TICKET = 0.65;
export const CALL_SHARES = { outbound: 0.08, menuHangUp: 0.04 };

export const CHANNEL_MIX: Record<Channel, number> = { email: 40, chat: 25, phone: 14, web: 13, social: 8 };
export const PRIORITY_MIX: Record<Priority, number> = { low: 20, normal: 60, high: 15, urgent: 5 };
/** Median first response and resolution (seconds of working time) and the chance of resolving in one touch. */
export const CHANNEL_SERVICE: Record<Channel, { frt: number; frtSigma: number; resolve: number; oneTouch: number; alwaysOpen: boolean }> = {
  chat: { frt: 50, frtSigma: 0.7, resolve: 12 * 60, oneTouch: 0.75, alwaysOpen: true },
  phone: { frt: 20, frtSigma: 0.5, resolve: 6 * 60, oneTouch: 0.82, alwaysOpen: true },
  email: { frt: 1.1 * 3600, frtSigma: 0.9, resolve: 14 * 3600, oneTouch: 0.58, alwaysOpen: false },
  web: { frt: 1.4 * 3600, frtSigma: 0.9, resolve: 18 * 3600, oneTouch: 0.55, alwaysOpen: false },
  social: { frt: 25 * 60, frtSigma: 0.9, resolve: 4 * 3600, oneTouch: 0.62, alwaysOpen: true },
};
export const PRIORITY_SPEED: Record<Priority, number> = { low: 1.4, normal: 1, high: 0.6, urgent: 0.3 };
/**
 * Call waits: mean = base × (the hour's share of the day × the day's load) ^ exponent, so staffing
 * keeps up on a normal day (service level near 80 %) and falls behind on a surge day; callers give
 * up after an exponential patience.
 */
export const CALL_WAIT = { baseSeconds: 5, exponent: 1.5, patienceSeconds: 240 };
/**
 * Days before the end of the history when an outage doubles the volume against the usual staffing:
 * the one visibly bad day in the last 30 and one more in the 90, for contrast on the trend charts.
 */
export const SURGE_DAYS: Readonly<Record<number, number>> = { 11: 2, 47: 1.8 };

/** Live channels are staffed 08-22: a chat or call outside those hours is left as an email. */
function isLiveChannelOpen(hour: number): boolean {
  return hour >= 8 && hour < 22;
}

/** The mean tickets and calls per hour the history has at its end, for a local weekday and hour. */
export function demoHourlyVolume(history: { tickets: number; days: number }, weekday: number, hour: number): { tickets: number; calls: number } {
  const perDay = (history.tickets / history.days / WEEKDAY_MEAN) * WEEKDAY_FACTOR[weekday]! * (GROWTH.start + GROWTH.span);
  const tickets = (perDay * HOURLY[hour]!) / HOURLY_TOTAL;
  return { tickets, calls: tickets * CALLS_PER_TICKET };
}

/**
 * The mean wait of a queued call in `hour` on a day with `load` (1 = as forecast). A quiet hour
 * counts as an average one: it is staffed thinly, so its waits do not vanish.
 */
export function meanCallWaitSeconds(hour: number, load: number): number {
  return CALL_WAIT.baseSeconds * (Math.max(1, HOURLY[hour]! / (HOURLY_TOTAL / 24)) * load) ** CALL_WAIT.exponent;
}

export function demoRoster(seed: number): DemoRoster {
  const rng = new Random(seed ^ 0x5eed);
  const teams = DEMO_TEAMS.map((team, i) => ({ id: i + 1, externalId: team.externalId, name: team.name }));
  const queues = DEMO_QUEUES.map((queue, i) => ({ id: i + 1, externalId: queue.externalId, name: queue.name }));
  const agents: AgentRow[] = [];
  const firstNames = [...FIRST_NAMES];
  DEMO_TEAMS.forEach((team, t) => {
    for (let i = 0; i < team.agents; i++) {
      const first = firstNames.splice(rng.int(0, firstNames.length - 1), 1)[0] ?? `Agent${agents.length}`;
      const last = rng.pick(LAST_NAMES);
      const id = agents.length + 1;
      agents.push({
        id,
        externalId: `agent-${String(id).padStart(3, "0")}`,
        name: `${first} ${last}`,
        email: `${first}.${last}@example.com`.toLowerCase(),
        teamId: t + 1,
      });
    }
  });
  return { teams, queues, agents };
}

export interface LocalDay {
  year: number;
  month: number;
  date: number;
  /** 0 = Sunday, as Date.getDay(). */
  weekday: number;
}

/**
 * Local wall-clock arithmetic in one time zone. Time-zone conversion (Intl) dominated generation
 * time, so results are cached: the instant each local hour starts, and the local day and hour of
 * each 15-minute slice of time (every real zone offset is a multiple of 15 minutes).
 */
export class LocalClock {
  private readonly hourStarts = new Map<number, number>();
  private readonly wallTimes = new Map<number, LocalDay & { hour: number }>();

  constructor(private readonly timeZone: string) {}

  /** The instant of a local wall-clock time; an overflowing date (32 March) rolls over as Date does. */
  at(day: { year: number; month: number; date: number }, hour: number, minute = 0, second = 0): number {
    const wall = Date.UTC(day.year, day.month, day.date, hour);
    let start = this.hourStarts.get(wall);
    if (start === undefined) {
      const w = new Date(wall);
      start = new TZDate(w.getUTCFullYear(), w.getUTCMonth(), w.getUTCDate(), w.getUTCHours(), 0, 0, this.timeZone).getTime();
      this.hourStarts.set(wall, start);
    }
    return start + minute * MINUTE + second * 1000;
  }

  local(instant: number): LocalDay & { hour: number } {
    const slice = Math.floor(instant / (15 * MINUTE));
    let wall = this.wallTimes.get(slice);
    if (!wall) {
      const local = new TZDate(slice * 15 * MINUTE, this.timeZone);
      wall = { year: local.getFullYear(), month: local.getMonth(), date: local.getDate(), weekday: local.getDay(), hour: local.getHours() };
      this.wallTimes.set(slice, wall);
    }
    return wall;
  }

  /** The first moment at or after `instant` when staff work: 08-18 on weekdays, or 08-22 daily for live channels. */
  nextWorkingMoment(instant: number, alwaysOpen: boolean): number {
    const [open, close] = alwaysOpen ? [8, 22] : [8, 18];
    let t = instant;
    for (let i = 0; i < 8; i++) {
      const local = this.local(t);
      const workday = alwaysOpen || (local.weekday >= 1 && local.weekday <= 5);
      if (workday && local.hour >= open && local.hour < close) return t;
      if (workday && local.hour < open) return this.at(local, open);
      t = this.at({ ...local, date: local.date + 1 }, open);
    }
    return t;
  }
}

/** What the history and the live simulator draw from: one seeded stream, one clock, one roster. */
export interface DemoModel {
  rng: Random;
  clock: LocalClock;
  roster: DemoRoster;
  agentsByTeam: AgentRow[][];
}

export function demoModel(rng: Random, clock: LocalClock, roster: DemoRoster): DemoModel {
  return { rng, clock, roster, agentsByTeam: roster.teams.map((team) => roster.agents.filter((a) => a.teamId === team.id)) };
}

/** A ticket's whole life as it will unfold, instants in ms; the caller keeps what happened before its `now`. */
export interface TicketPlan {
  channel: Channel;
  priority: Priority;
  subject: string;
  teamId: number;
  agentId: number;
  createdAt: number;
  firstResponseAt: number;
  resolvedAt: number;
  reopens: number;
  /** Every message, the customer's opening one first, in time order. */
  messages: { author: MessageAuthor; at: number; public: boolean }[];
  surveys: { kind: SurveyKind; score: number; at: number }[];
}

const TEAM_WEIGHTS = Object.fromEntries(DEMO_TEAMS.map((team, i) => [String(i + 1), team.agents])) as Record<string, number>;
const SOCIAL_TEAM = DEMO_TEAMS.findIndex((t) => t.externalId === "social") + 1;

export function planTicket(m: DemoModel, createdAt: number, load: number): TicketPlan {
  const { rng, clock } = m;
  const sampled = rng.weighted(CHANNEL_MIX);
  const channel = (sampled === "chat" || sampled === "phone") && !isLiveChannelOpen(clock.local(createdAt).hour) ? "email" : sampled;
  const priority = rng.weighted(PRIORITY_MIX);
  const teamId = channel === "social" && rng.chance(0.75) ? SOCIAL_TEAM : Number(rng.weighted(TEAM_WEIGHTS));
  const team = DEMO_TEAMS[teamId - 1]!;
  const service = CHANNEL_SERVICE[channel];
  const agent = rng.pick(m.agentsByTeam[teamId - 1]!);

  const frtSeconds = rng.logNormal(service.frt, service.frtSigma) * PRIORITY_SPEED[priority] * load ** 1.5;
  const firstResponse = clock.nextWorkingMoment(createdAt, service.alwaysOpen) + frtSeconds * 1000;
  const oneTouch = rng.chance(service.oneTouch / Math.sqrt(load));
  let touches = oneTouch ? 1 : 2 + rng.poisson(1.2);
  const resolveSeconds = rng.logNormal(service.resolve, 1.1) * (oneTouch ? 0.4 : 1 + 0.3 * touches);
  const resolved = clock.nextWorkingMoment(firstResponse + resolveSeconds * 1000, service.alwaysOpen);
  const reopens = rng.chance(0.055) ? (rng.chance(0.2) ? 2 : 1) : 0;
  touches += reopens;

  const messages: TicketPlan["messages"] = [
    { author: "customer", at: createdAt, public: true },
    { author: "agent", at: firstResponse, public: true },
  ];
  for (let t = 1; t < touches; t++) {
    messages.push(
      { author: "customer", at: firstResponse + ((resolved - firstResponse) * (t - 0.5)) / touches, public: true },
      { author: "agent", at: firstResponse + ((resolved - firstResponse) * t) / touches, public: true },
    );
  }
  if (rng.chance(0.25)) messages.push({ author: "agent", at: firstResponse + (resolved - firstResponse) * rng.float(), public: false });
  messages.sort((a, b) => a.at - b.at);

  // Live channels ask right after the conversation; email and web surveys are answered hours later.
  const surveyDelay = service.alwaysOpen ? 20 * MINUTE : 5 * HOUR;
  const slowness = Math.log1p((frtSeconds / service.frt) * load);
  const quality = 0.97 - 0.1 * slowness - 0.25 * Math.min(reopens, 1) - 0.03 * (touches - 1);
  const surveys: TicketPlan["surveys"] = [];
  const survey = (kind: SurveyKind, score: number, probability: number) => {
    if (rng.chance(probability)) surveys.push({ kind, score, at: resolved + rng.exponential(surveyDelay) });
  };
  const happy = rng.chance(quality);
  survey("csat", happy ? (rng.chance(0.65) ? 5 : 4) : rng.int(1, 3), 0.3);
  const nps = rng.chance(quality * 0.7) ? rng.int(9, 10) : rng.chance(0.55) ? rng.int(7, 8) : rng.int(0, 6);
  survey("nps", nps, 0.1);
  survey("ces", Math.min(5, Math.max(1, Math.round(1 + 0.6 * (touches - 1) + reopens + Math.abs(rng.normal()) * 0.8))), 0.08);

  return {
    channel, priority, subject: rng.pick(SUBJECTS[team.externalId] ?? ["Question"]), teamId, agentId: agent.id,
    createdAt, firstResponseAt: firstResponse, resolvedAt: resolved, reopens, messages, surveys,
  };
}

export function* generateDemoDays(options: DemoOptions): Generator<DemoDay> {
  const rng = new Random(options.seed);
  const roster = demoRoster(options.seed);
  const clock = new LocalClock(options.timeZone);
  const now = options.now.getTime();
  const model = demoModel(rng, clock, roster);
  const ids = { ticket: 0, message: 0, call: 0, survey: 0 };
  const visitors = Math.max(50, Math.round(options.tickets / 4));
  const today = clock.local(now);
  const meanPerDay = options.tickets / options.days / WEEKDAY_MEAN;

  for (let d = options.days - 1; d >= 0; d--) {
    const day = clock.local(clock.at({ ...today, date: today.date - d }, 12));
    const progress = 1 - d / Math.max(1, options.days - 1);
    // A gentle growth trend and weekly seasonality that staffing is planned for; load above 1
    // (more tickets than forecast, a surge day above all) slows everyone down.
    const forecast = meanPerDay * WEEKDAY_FACTOR[day.weekday]! * (GROWTH.start + GROWTH.span * progress);
    const ticketCount = rng.poisson(forecast * (SURGE_DAYS[d] ?? 1));
    const load = Math.max(0.5, ticketCount / Math.max(1, forecast));
    const out: DemoDay = { tickets: [], messages: [], calls: [], surveys: [], kbViews: [], statuses: [] };

    const sampleInstant = () => {
      const hour = rng.weighted(HOURLY_WEIGHTS);
      return clock.at(day, Number(hour), rng.int(0, 59), rng.int(0, 59));
    };

    for (let i = 0; i < ticketCount; i++) {
      const createdAt = sampleInstant();
      if (createdAt >= now) continue;
      const plan = planTicket(model, createdAt, load);
      const ticketId = ++ids.ticket;
      const responded = plan.firstResponseAt < now;
      const resolved = responded && plan.resolvedAt < now;
      const status: TicketStatus = resolved
        ? now - plan.resolvedAt > 4 * 24 * HOUR ? "closed" : "solved"
        : responded ? (rng.chance(0.4) ? "pending" : "open") : "new";
      out.tickets.push({
        id: ticketId,
        externalId: `T-${String(ticketId).padStart(7, "0")}`,
        channel: plan.channel,
        priority: plan.priority,
        subject: plan.subject,
        teamId: plan.teamId,
        assigneeId: responded ? plan.agentId : null,
        status,
        createdAt: new Date(createdAt),
        firstResponseAt: responded ? new Date(plan.firstResponseAt) : null,
        resolvedAt: resolved ? new Date(plan.resolvedAt) : null,
        reopens: resolved ? plan.reopens : 0,
      });
      for (const m of plan.messages) {
        if (m.at >= now) continue;
        const id = ++ids.message;
        out.messages.push({
          id, externalId: `M-${String(id).padStart(8, "0")}`, ticketId, author: m.author,
          agentId: m.author === "agent" ? plan.agentId : null, createdAt: new Date(m.at), public: m.public,
        });
      }
      if (!resolved) continue;
      for (const survey of plan.surveys) {
        if (survey.at >= now) continue;
        const id = ++ids.survey;
        out.surveys.push({
          id, externalId: `S-${String(id).padStart(7, "0")}`, kind: survey.kind, score: survey.score, respondedAt: new Date(survey.at),
          ticketId, agentId: plan.agentId, teamId: plan.teamId, comment: null,
        });
      }
    }

    generateCalls(out, { model, day, now, load, ticketCount, ids });
    generateKbViews(out, { rng, sampleInstant, now, views: Math.round(ticketCount * 2.4), visitors });
    generateAgentDay(out, { model, day, now });
    if (isFirstWorkdayOfMonth(day)) generateEnpsPulse(out, { rng, clock, day, now, roster, ids });
    yield out;
  }
}

const HOURLY_WEIGHTS = Object.fromEntries(HOURLY.map((w, h) => [String(h), w])) as Record<string, number>;

/** A call's whole course, instants in ms; null for what never happens to it. */
export interface CallPlan {
  direction: CallDirection;
  queueId: number | null;
  /** The agent and team who take it, if anyone does. */
  agentId: number | null;
  teamId: number | null;
  queuedAt: number | null;
  answeredAt: number | null;
  endedAt: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapUpSeconds: number;
}

const QUEUE_TEAMS = DEMO_QUEUES.map((q) => DEMO_TEAMS.flatMap((team, i) => (team.queue === q.externalId ? [i + 1] : [])));

/** A call starting at `start` (local `hour`) on a day with `load`: outbound, lost in the menu, abandoned or answered. */
export function planCall(m: DemoModel, start: number, hour: number, load: number): CallPlan {
  const { rng } = m;
  const queueIndex = rng.int(0, QUEUE_TEAMS.length - 1);
  const teamId = rng.pick(QUEUE_TEAMS[queueIndex]!);
  const agent = rng.pick(m.agentsByTeam[teamId - 1]!);
  const plan: CallPlan = {
    direction: "inbound", queueId: queueIndex + 1, agentId: null, teamId: null, queuedAt: null, answeredAt: null, endedAt: start,
    talkSeconds: 0, holdSeconds: 0, wrapUpSeconds: 0,
  };
  const talk = Math.round(rng.logNormal(230, 0.6));
  const hold = rng.chance(0.35) ? rng.int(10, 150) : 0;
  const wrapUp = Math.round(rng.logNormal(40, 0.5));
  const handled = (answeredAt: number) => ({
    agentId: agent.id, teamId, answeredAt, endedAt: answeredAt + (talk + hold) * 1000, talkSeconds: talk, holdSeconds: hold, wrapUpSeconds: wrapUp,
  });
  if (rng.chance(CALL_SHARES.outbound)) return { ...plan, ...handled(start), direction: "outbound", queueId: null };
  // Hung up in the phone menu, before reaching the queue: not offered.
  if (rng.chance(CALL_SHARES.menuHangUp)) return { ...plan, endedAt: start + rng.int(5, 40) * 1000 };
  const wait = rng.exponential(meanCallWaitSeconds(hour, load));
  const patience = rng.exponential(CALL_WAIT.patienceSeconds);
  if (patience < wait) return { ...plan, queuedAt: start, endedAt: start + patience * 1000 };
  return { ...plan, queuedAt: start, ...handled(start + wait * 1000) };
}

function generateCalls(out: DemoDay, c: { model: DemoModel; day: LocalDay; now: number; load: number; ticketCount: number; ids: { call: number } }) {
  const { model, day, now } = c;
  const { rng, clock } = model;
  const calls = rng.poisson(c.ticketCount * CALLS_PER_TICKET);
  for (let i = 0; i < calls; i++) {
    const hour = Number(rng.weighted(HOURLY_WEIGHTS));
    const start = clock.at(day, hour, rng.int(0, 59), rng.int(0, 59));
    if (start >= now) continue;
    const plan = planCall(model, start, hour, c.load);
    const ended = plan.endedAt <= now;
    // Calls still going on at `now`: waiting (queued, not answered) or in progress (answered, not ended).
    const answered = plan.answeredAt !== null && plan.answeredAt <= now;
    if (!ended && !answered && plan.queuedAt === null) continue;
    const id = ++c.ids.call;
    const date = (ms: number | null) => (ms === null ? null : new Date(ms));
    out.calls.push({
      id, externalId: `C-${String(id).padStart(7, "0")}`, queueId: plan.queueId, direction: plan.direction,
      agentId: answered ? plan.agentId : null, teamId: answered ? plan.teamId : null,
      queuedAt: date(plan.queuedAt), answeredAt: answered ? date(plan.answeredAt) : null, endedAt: ended ? new Date(plan.endedAt) : null,
      talkSeconds: answered ? plan.talkSeconds : 0, holdSeconds: answered ? plan.holdSeconds : 0, wrapUpSeconds: answered ? plan.wrapUpSeconds : 0,
    });
  }
}

function generateKbViews(
  out: DemoDay,
  c: { rng: Random; sampleInstant: () => number; now: number; views: number; visitors: number },
) {
  let remaining = c.views;
  while (remaining > 0) {
    const visitor = `visitor-${c.rng.int(1, c.visitors)}`;
    const start = c.sampleInstant();
    const pages = 1 + c.rng.poisson(0.8);
    for (let p = 0; p < pages && remaining > 0; p++, remaining--) {
      const viewedAt = start + p * c.rng.int(20, 180) * 1000;
      if (viewedAt < c.now) out.kbViews.push({ article: c.rng.pick(KB_ARTICLES), visitor, viewedAt: new Date(viewedAt) });
    }
  }
}

/** Weekends are worked by Social Care and every fifth agent. */
export function worksOn(agent: AgentRow, weekday: number): boolean {
  return (weekday !== 0 && weekday !== 6) || DEMO_TEAMS[agent.teamId - 1]!.externalId === "social" || agent.id % 5 === 0;
}

/** One agent's presence changes through a local day (none on a day off), in time order. */
export function planAgentDay(m: DemoModel, day: LocalDay, agent: AgentRow): [AgentPresence, number][] {
  const { rng, clock } = m;
  if (!worksOn(agent, day.weekday)) return [];
  if (rng.chance(0.06)) return []; // a day off
  const start = clock.at(day, 7, 45) + rng.int(0, 75) * MINUTE;
  const lunch = clock.at(day, 11, 45) + rng.int(0, 60) * MINUTE;
  const end = start + (8 * 60 + rng.int(15, 45)) * MINUTE;
  const events: [AgentPresence, number][] = [["available", start]];
  for (let t = start + rng.int(20, 90) * MINUTE; t < lunch; t += rng.int(30, 120) * MINUTE) {
    events.push(["busy", t], ["available", t + rng.int(5, 25) * MINUTE]);
  }
  events.push(["away", lunch], ["available", lunch + rng.int(30, 50) * MINUTE]);
  if (rng.chance(0.5)) events.push(["busy", lunch + 2 * HOUR], ["available", lunch + 2 * HOUR + rng.int(10, 30) * MINUTE]);
  events.push(["offline", end]);
  let last = 0;
  return events.filter(([, at]) => {
    if (at <= last) return false;
    last = at;
    return true;
  });
}

function generateAgentDay(out: DemoDay, c: { model: DemoModel; day: LocalDay; now: number }) {
  for (const agent of c.model.roster.agents) {
    for (const [status, at] of planAgentDay(c.model, c.day, agent)) {
      if (at < c.now) out.statuses.push({ agentId: agent.id, status, at: new Date(at) });
    }
  }
}

function isFirstWorkdayOfMonth(day: LocalDay): boolean {
  const { date, weekday } = day;
  return weekday >= 1 && weekday <= 5 && (date === 1 || (weekday === 1 && date <= 3));
}

function generateEnpsPulse(
  out: DemoDay,
  c: { rng: Random; clock: LocalClock; day: LocalDay; now: number; roster: DemoRoster; ids: { survey: number } },
) {
  for (const agent of c.roster.agents) {
    if (!c.rng.chance(0.75)) continue;
    const respondedAt = c.clock.at(c.day, 9) + c.rng.int(0, 8 * 60) * MINUTE;
    if (respondedAt >= c.now) continue;
    const score = Math.min(10, Math.max(0, Math.round(7.4 + 1.9 * c.rng.normal())));
    const id = ++c.ids.survey;
    out.surveys.push({
      id, externalId: `S-${String(id).padStart(7, "0")}`, kind: "enps", score, respondedAt: new Date(respondedAt),
      ticketId: null, agentId: agent.id, teamId: agent.teamId, comment: null,
    });
  }
}
