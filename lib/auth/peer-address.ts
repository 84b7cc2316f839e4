// Next.js gives route handlers no socket, and its own X-Forwarded-For keeps whatever the client
// sent. So the server entry (server.ts) writes the socket's peer address into PEER_ADDRESS_HEADER,
// after deleting any copy the client sent, and says so through a process-wide flag: under a bare
// `next start` or `next dev` nobody strips the header, so it is ignored there.

export const PEER_ADDRESS_HEADER = "x-deskpulse-peer-address";

const FLAG = Symbol.for("deskpulse.peerAddressHeader");
const holder = globalThis as typeof globalThis & { [FLAG]?: true };

/** Called by the server entry once it overwrites PEER_ADDRESS_HEADER on every request. */
export function trustPeerAddressHeader(): void {
  holder[FLAG] = true;
}

/** The socket peer's address as the server entry saw it, or null when nothing vouches for it. */
export function readPeerAddress(headers: Headers): string | null {
  return holder[FLAG] ? headers.get(PEER_ADDRESS_HEADER) : null;
}
