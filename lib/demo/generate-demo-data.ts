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
const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.15, 0.3, 0.7, 1.6, 3.2, 4.4, 4.6, 4.1, 3.3, 3.9, 4.0, 3.6, 3.0, 2.2, 1.5, 1.2, 1.0, 0.8, 0.6, 0.35];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);
// Indexed by local weekday, Sunday = 0 (as Date.getDay()).
const WEEKDAY_FACTOR = [0.4, 1.25, 1.15, 1.1, 1.05, 0.95, 0.45];
const WEEKDAY_MEAN = WEEKDAY_FACTOR.reduce((a, b) => a + b, 0) / 7;

const CHANNEL_MIX: Record<Channel, number> = { email: 40, chat: 25, phone: 14, web: 13, social: 8 };
const PRIORITY_MIX: Record<Priority, number> = { low: 20, normal: 60, high: 15, urgent: 5 };
/** Median first response and resolution (seconds of working time) and the chance of resolving in one touch. */
const CHANNEL_SERVICE: Record<Channel, { frt: number; frtSigma: number; resolve: number; oneTouch: number; alwaysOpen: boolean }> = {
  chat: { frt: 75, frtSigma: 0.8, resolve: 14 * 60, oneTouch: 0.72, alwaysOpen: true },
  phone: { frt: 25, frtSigma: 0.5, resolve: 6 * 60, oneTouch: 0.82, alwaysOpen: true },
  email: { frt: 2.2 * 3600, frtSigma: 1.0, resolve: 18 * 3600, oneTouch: 0.55, alwaysOpen: false },
  web: { frt: 2.8 * 3600, frtSigma: 1.0, resolve: 22 * 3600, oneTouch: 0.52, alwaysOpen: false },
  social: { frt: 40 * 60, frtSigma: 1.0, resolve: 5 * 3600, oneTouch: 0.6, alwaysOpen: true },
};
const PRIORITY_SPEED: Record<Priority, number> = { low: 1.4, normal: 1, high: 0.6, urgent: 0.3 };

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

interface LocalDay {
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
class LocalClock {
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

export function* generateDemoDays(options: DemoOptions): Generator<DemoDay> {
  const rng = new Random(options.seed);
  const roster = demoRoster(options.seed);
  const clock = new LocalClock(options.timeZone);
  const now = options.now.getTime();
  const agentsByTeam = roster.teams.map((team) => roster.agents.filter((a) => a.teamId === team.id));
  const teamWeights = Object.fromEntries(DEMO_TEAMS.map((team, i) => [String(i + 1), team.agents])) as Record<string, number>;
  const socialTeam = DEMO_TEAMS.findIndex((t) => t.externalId === "social") + 1;
  const ids = { ticket: 0, message: 0, call: 0, survey: 0 };
  const visitors = Math.max(50, Math.round(options.tickets / 4));
  const today = clock.local(now);
  const meanPerDay = options.tickets / options.days / WEEKDAY_MEAN;

  for (let d = options.days - 1; d >= 0; d--) {
    const day = clock.local(clock.at({ ...today, date: today.date - d }, 12));
    const progress = 1 - d / Math.max(1, options.days - 1);
    // A gentle growth trend and weekly seasonality; load above 1 slows everyone down.
    const expected = meanPerDay * WEEKDAY_FACTOR[day.weekday]! * (0.9 + 0.2 * progress);
    const ticketCount = rng.poisson(expected);
    const load = Math.max(0.5, ticketCount / Math.max(1, meanPerDay));
    const out: DemoDay = { tickets: [], messages: [], calls: [], surveys: [], kbViews: [], statuses: [] };

    const sampleInstant = () => {
      const hour = rng.weighted(HOURLY_WEIGHTS);
      return clock.at(day, Number(hour), rng.int(0, 59), rng.int(0, 59));
    };

    for (let i = 0; i < ticketCount; i++) {
      const createdAt = sampleInstant();
      if (createdAt >= now) continue;
      const channel = rng.weighted(CHANNEL_MIX);
      const priority = rng.weighted(PRIORITY_MIX);
      const teamId = channel === "social" && rng.chance(0.75) ? socialTeam : Number(rng.weighted(teamWeights));
      const team = DEMO_TEAMS[teamId - 1]!;
      const service = CHANNEL_SERVICE[channel];
      const agent = rng.pick(agentsByTeam[teamId - 1]!);
      const ticketId = ++ids.ticket;

      const frtSeconds = rng.logNormal(service.frt, service.frtSigma) * PRIORITY_SPEED[priority] * load ** 1.5;
      let firstResponse: number | null = clock.nextWorkingMoment(createdAt, service.alwaysOpen) + frtSeconds * 1000;
      if (firstResponse >= now) firstResponse = null;
      let resolved: number | null = null;
      let reopens = 0;
      let touches = 0;
      if (firstResponse !== null) {
        const oneTouch = rng.chance(service.oneTouch / Math.sqrt(load));
        touches = oneTouch ? 1 : 2 + rng.poisson(1.2);
        const resolveSeconds = rng.logNormal(service.resolve, 1.1) * (oneTouch ? 0.4 : 1 + 0.3 * touches);
        resolved = clock.nextWorkingMoment(firstResponse + resolveSeconds * 1000, service.alwaysOpen);
        if (resolved >= now) resolved = null;
        if (resolved !== null) {
          reopens = rng.chance(0.055) ? (rng.chance(0.2) ? 2 : 1) : 0;
          touches += reopens;
        }
      }
      const status: TicketStatus =
        resolved !== null
          ? now - resolved > 4 * 24 * HOUR ? "closed" : "solved"
          : firstResponse !== null ? (rng.chance(0.4) ? "pending" : "open") : "new";
      out.tickets.push({
        id: ticketId,
        externalId: `T-${String(ticketId).padStart(7, "0")}`,
        channel,
        priority,
        subject: rng.pick(SUBJECTS[team.externalId] ?? ["Question"]),
        teamId,
        assigneeId: firstResponse === null ? null : agent.id,
        status,
        createdAt: new Date(createdAt),
        firstResponseAt: firstResponse === null ? null : new Date(firstResponse),
        resolvedAt: resolved === null ? null : new Date(resolved),
        reopens,
      });

      const message = (author: MessageAuthor, at: number, isPublic = true) => {
        const id = ++ids.message;
        out.messages.push({
          id,
          externalId: `M-${String(id).padStart(8, "0")}`,
          ticketId,
          author,
          agentId: author === "agent" ? agent.id : null,
          createdAt: new Date(at),
          public: isPublic,
        });
      };
      message("customer", createdAt);
      if (firstResponse !== null) {
        message("agent", firstResponse);
        const end = resolved ?? now;
        for (let t = 1; t < touches; t++) {
          const customerAt = firstResponse + ((end - firstResponse) * (t - 0.5)) / touches;
          const replyAt = firstResponse + ((end - firstResponse) * t) / touches;
          message("customer", customerAt);
          message("agent", replyAt);
        }
        if (rng.chance(0.25)) message("agent", firstResponse + (end - firstResponse) * rng.float(), false);
      }

      if (resolved !== null) {
        const slowness = Math.log1p((frtSeconds / service.frt) * load);
        const quality = 0.93 - 0.1 * slowness - 0.25 * Math.min(reopens, 1) - 0.03 * (touches - 1);
        const survey = (kind: SurveyKind, score: number, probability: number) => {
          if (!rng.chance(probability)) return;
          const respondedAt = resolved! + rng.exponential(5 * HOUR);
          if (respondedAt >= now) return;
          const id = ++ids.survey;
          out.surveys.push({
            id, externalId: `S-${String(id).padStart(7, "0")}`, kind, score, respondedAt: new Date(respondedAt),
            ticketId, agentId: agent.id, teamId, comment: null,
          });
        };
        const happy = rng.chance(quality);
        survey("csat", happy ? (rng.chance(0.65) ? 5 : 4) : rng.int(1, 3), 0.3);
        const nps = rng.chance(quality * 0.7) ? rng.int(9, 10) : rng.chance(0.55) ? rng.int(7, 8) : rng.int(0, 6);
        survey("nps", nps, 0.1);
        survey("ces", Math.min(5, Math.max(1, Math.round(1 + 0.6 * (touches - 1) + reopens + Math.abs(rng.normal()) * 0.8))), 0.08);
      }
    }

    generateCalls(out, { rng, clock, day, now, load, ticketCount, roster, agentsByTeam, ids });
    generateKbViews(out, { rng, sampleInstant, now, views: Math.round(ticketCount * 2.4), visitors });
    generateAgentDay(out, { rng, clock, day, now, roster });
    if (isFirstWorkdayOfMonth(day)) generateEnpsPulse(out, { rng, clock, day, now, roster, ids });
    yield out;
  }
}

const HOURLY_WEIGHTS = Object.fromEntries(HOURLY.map((w, h) => [String(h), w])) as Record<string, number>;

interface CallContext {
  rng: Random; clock: LocalClock; day: LocalDay; now: number; load: number; ticketCount: number;
  roster: DemoRoster; agentsByTeam: AgentRow[][]; ids: { call: number };
}

function generateCalls(out: DemoDay, c: CallContext) {
  const { rng, clock, day, now } = c;
  const queueTeams = c.roster.queues.map((q) =>
    DEMO_TEAMS.flatMap((team, i) => (team.queue === q.externalId ? [i + 1] : [])),
  );
  const calls = rng.poisson(c.ticketCount * 0.65);
  for (let i = 0; i < calls; i++) {
    const hour = Number(rng.weighted(HOURLY_WEIGHTS));
    const start = clock.at(day, hour, rng.int(0, 59), rng.int(0, 59));
    if (start >= now) continue;
    const id = ++c.ids.call;
    const queueIndex = rng.int(0, c.roster.queues.length - 1);
    const teamId = rng.pick(queueTeams[queueIndex]!);
    const agent = rng.pick(c.agentsByTeam[teamId - 1]!);
    const row: CallRow = {
      id, externalId: `C-${String(id).padStart(7, "0")}`, queueId: queueIndex + 1, agentId: null, teamId: null,
      direction: "inbound", queuedAt: null, answeredAt: null, endedAt: null, talkSeconds: 0, holdSeconds: 0, wrapUpSeconds: 0,
    };
    const talk = Math.round(c.rng.logNormal(230, 0.6));
    const hold = rng.chance(0.35) ? rng.int(10, 150) : 0;
    const wrapUp = Math.round(rng.logNormal(40, 0.5));
    if (rng.chance(0.08)) {
      Object.assign(row, {
        direction: "outbound", queueId: null, agentId: agent.id, teamId, answeredAt: new Date(start),
        endedAt: new Date(start + (talk + hold) * 1000), talkSeconds: talk, holdSeconds: hold, wrapUpSeconds: wrapUp,
      });
    } else if (rng.chance(0.04)) {
      // Hung up in the phone menu, before reaching the queue: not offered.
      row.endedAt = new Date(start + rng.int(5, 40) * 1000);
    } else {
      // Waits grow steeply with the hour's load; callers give up after an exponential patience.
      const hourLoad = (HOURLY[hour]! / (HOURLY_TOTAL / 24)) * c.load;
      const wait = rng.exponential(6 * hourLoad ** 2.2);
      const patience = rng.exponential(150);
      row.queuedAt = new Date(start);
      if (patience < wait) {
        row.endedAt = new Date(start + patience * 1000);
      } else {
        const answeredAt = start + wait * 1000;
        Object.assign(row, {
          agentId: agent.id, teamId, answeredAt: new Date(answeredAt), endedAt: new Date(answeredAt + (talk + hold) * 1000),
          talkSeconds: talk, holdSeconds: hold, wrapUpSeconds: wrapUp,
        });
      }
    }
    // Calls still going on at `now`: waiting (queued, not answered) or in progress (answered, not ended).
    if (row.endedAt && row.endedAt.getTime() > now) {
      if (row.answeredAt && row.answeredAt.getTime() > now) {
        Object.assign(row, { answeredAt: null, agentId: null, teamId: null, talkSeconds: 0, holdSeconds: 0, wrapUpSeconds: 0 });
      }
      row.endedAt = null;
      if (!row.queuedAt && !row.answeredAt) continue;
    }
    out.calls.push(row);
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

function generateAgentDay(out: DemoDay, c: { rng: Random; clock: LocalClock; day: LocalDay; now: number; roster: DemoRoster }) {
  const weekday = c.day.weekday;
  for (const agent of c.roster.agents) {
    const weekendCrew = DEMO_TEAMS[agent.teamId - 1]!.externalId === "social" || agent.id % 5 === 0;
    if ((weekday === 0 || weekday === 6) && !weekendCrew) continue;
    if (c.rng.chance(0.06)) continue; // a day off
    const start = c.clock.at(c.day, 7, 45) + c.rng.int(0, 75) * MINUTE;
    const lunch = c.clock.at(c.day, 11, 45) + c.rng.int(0, 60) * MINUTE;
    const end = start + (8 * 60 + c.rng.int(15, 45)) * MINUTE;
    const events: [AgentPresence, number][] = [["available", start]];
    for (let t = start + c.rng.int(20, 90) * MINUTE; t < lunch; t += c.rng.int(30, 120) * MINUTE) {
      events.push(["busy", t], ["available", t + c.rng.int(5, 25) * MINUTE]);
    }
    events.push(["away", lunch], ["available", lunch + c.rng.int(30, 50) * MINUTE]);
    if (c.rng.chance(0.5)) events.push(["busy", lunch + 2 * HOUR], ["available", lunch + 2 * HOUR + c.rng.int(10, 30) * MINUTE]);
    events.push(["offline", end]);
    let last = 0;
    for (const [status, at] of events) {
      if (at >= c.now || at <= last) continue;
      last = at;
      out.statuses.push({ agentId: agent.id, status, at: new Date(at) });
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
