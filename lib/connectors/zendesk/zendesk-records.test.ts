import { expect, test } from "vitest";

import { toMessageRecord, toSurveyRecord, toTicketRecord, zendeskChannel } from "./zendesk-records";

const ticket = { id: 35436, created_at: "2026-02-01T09:00:00Z", updated_at: "2026-02-01T10:00:00Z", status: "hold", priority: "high", via: { channel: "native_messaging" }, group_id: 98738, assignee_id: 235323 };

test("a ticket on hold is pending; via.channel, priority, group and assignee map; metrics give first reply, resolution and reopens", () => {
  expect(toTicketRecord(ticket, { ticket_id: 35436, reply_time_in_minutes: { calendar: 15 }, solved_at: null, reopens: 2 })).toEqual({
    externalId: "zd-ticket-35436",
    channel: "chat",
    priority: "high",
    team: "zd-group-98738",
    assignee: "zd-user-235323",
    status: "pending",
    createdAt: "2026-02-01T09:00:00.000Z",
    firstResponseAt: "2026-02-01T09:15:00.000Z",
    reopens: 2,
  });
  const solved = toTicketRecord({ ...ticket, status: "solved", priority: null }, { ticket_id: 35436, solved_at: "2026-02-01T11:00:00Z" });
  expect(solved).toMatchObject({ status: "solved", resolvedAt: "2026-02-01T11:00:00.000Z" });
  expect(solved).not.toHaveProperty("priority");
  expect(toTicketRecord({ ...ticket, status: "deleted" }, undefined)).toBeNull();
});

test("channels: email, voice, social networks, and anything else is web", () => {
  expect(["email", "voice", "twitter", "web", "api", "mobile", null].map(zendeskChannel)).toEqual(["email", "phone", "social", "web", "web", "web", "web"]);
});

test("a comment is the agent's when an agent wrote it, else the customer's; private stays private", () => {
  const agents = new Set([7]);
  expect(toMessageRecord(1, { id: 10, author_id: 7, public: false, created_at: "2026-02-01T09:05:00Z" }, agents)).toEqual({
    externalId: "zd-comment-10", ticket: "zd-ticket-1", author: "agent", agent: "zd-user-7", createdAt: "2026-02-01T09:05:00.000Z", public: false,
  });
  expect(toMessageRecord(1, { id: 11, author_id: 900, created_at: "2026-02-01T09:00:00Z" }, agents)).toMatchObject({ author: "customer", public: true });
});

test("CSAT: good is 5, bad is 1, offered or unoffered is no answer", () => {
  const rating = { id: 3, ticket_id: 1, created_at: "2026-02-01T12:00:00Z", updated_at: "2026-02-01T12:30:00Z" };
  expect(toSurveyRecord({ ...rating, score: "good" })).toMatchObject({ kind: "csat", score: 5, respondedAt: "2026-02-01T12:30:00.000Z", ticket: "zd-ticket-1" });
  expect(toSurveyRecord({ ...rating, score: "bad", comment: "Slow" })).toMatchObject({ score: 1, comment: "Slow" });
  expect(toSurveyRecord({ ...rating, score: "offered" })).toBeNull();
  expect(toSurveyRecord({ ...rating, score: "unoffered" })).toBeNull();
});
