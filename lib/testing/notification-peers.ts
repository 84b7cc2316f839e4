import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

// Real peers for the delivery channels' tests: an SMTP server process-side (the npm smtp-server
// package, the receiving half of nodemailer's project) that parses what arrives, and an HTTP
// server standing in for Slack's, Teams' and a customer's webhook endpoints as their docs describe
// them (a POST of JSON answered 200, or whatever status a test sets).

export interface SmtpPeer {
  port: number;
  messages: ParsedMail[];
  /** The envelope recipients of each message, in order. */
  recipients: string[][];
  logins: { username: string; password: string }[];
  close: () => Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const peer = { messages: [] as ParsedMail[], recipients: [] as string[][], logins: [] as { username: string; password: string }[] };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      peer.logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream, { skipImageLinks: true })
        .then((mail) => {
          peer.messages.push(mail);
          peer.recipients.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { ...peer, port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface HttpPeer {
  url: string;
  requests: { path: string; headers: IncomingHttpHeaders; body: string }[];
  /** The status each path answers; 200 unless set. */
  statusOf: Map<string, number>;
  close: () => Promise<void>;
}

export async function startHttpPeer(): Promise<HttpPeer> {
  const requests: HttpPeer["requests"] = [];
  const statusOf = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      requests.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = statusOf.get(path) ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "invalid_token");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, statusOf, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
