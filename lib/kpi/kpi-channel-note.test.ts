import { expect, test } from "vitest";

import { kpiChannelNote } from "./kpi-channel-note";

test("call KPIs say they do not apply to a channel filter without phone; ticket KPIs apply to every channel", () => {
  expect(kpiChannelNote("aht", { channel: ["email"] })).toBe("Does not apply to email");
  expect(kpiChannelNote("service_level", { channel: ["email", "chat", "web"] })).toBe("Does not apply to email, chat or web");
  expect(kpiChannelNote("aht", { channel: ["email", "phone"] })).toBeNull();
  expect(kpiChannelNote("aht", { channel: [] })).toBeNull();
  expect(kpiChannelNote("first_response_time", { channel: ["email"] })).toBeNull();
  expect(kpiChannelNote("csat", { channel: ["phone"] })).toBeNull();
  expect(kpiChannelNote("kb_views_per_visitor", { channel: ["phone"] })).toBe("Does not apply to phone");
});
