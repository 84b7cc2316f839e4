import { expect, test } from "vitest";

import { PEER_ADDRESS_HEADER, readPeerAddress, trustPeerAddressHeader } from "./peer-address";

test("the peer address header is ignored until the server entry vouches for it", () => {
  // Under a bare `next start` nobody strips the header, so a client could write it.
  const headers = new Headers({ [PEER_ADDRESS_HEADER]: "203.0.113.1" });
  expect(readPeerAddress(headers)).toBeNull();
  trustPeerAddressHeader();
  expect(readPeerAddress(headers)).toBe("203.0.113.1");
});
