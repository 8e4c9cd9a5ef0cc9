import "server-only";
import { randomBytes } from "node:crypto";
import { type IncomingMessage, Server } from "node:http";
import { env } from "./env";

/**
 * The address a request came from, for the per-address throttles.
 *
 * Behind N trusted proxies (TRUSTED_PROXY_HOPS = N), it is the N-th entry from the right of
 * X-Forwarded-For: the address the outermost of them saw. With no proxy (N = 0) the header
 * is whatever the client chose to send, so only the socket's own address counts. Next.js
 * does not hand that to the app: it only fills X-Forwarded-For when the client sent none.
 * So, as the server starts, every incoming request is stamped with its socket address in a
 * header of its own, signed with a secret of this process: a client cannot forge the stamp,
 * and a request that somehow carries none has no address (it falls into one shared bucket,
 * see `throttleAddress`), never one the client picked.
 */
const PEER_HEADER = "x-fulcrum-peer";
const STAMP = Symbol.for("fulcrum.peer-stamp");
type Holder = { [STAMP]?: string };

/** Run once in the Node.js server process, before it answers requests (instrumentation.ts). */
export function stampPeerAddresses() {
  const holder = globalThis as Holder;
  if (holder[STAMP]) return;
  const secret = randomBytes(16).toString("hex");
  holder[STAMP] = secret;
  const emit = Server.prototype.emit;
  Server.prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const request = args[0] as IncomingMessage;
      request.headers[PEER_HEADER] = `${secret} ${request.socket.remoteAddress ?? ""}`;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof Server.prototype.emit;
}

/** The socket's address, when this process stamped the request; null otherwise. */
function peerAddress(headers: Headers): string | null {
  const secret = (globalThis as Holder)[STAMP];
  const [stamp, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  return secret && stamp === secret && address ? address : null;
}

/** The N-th entry from the right of X-Forwarded-For, as the outermost of N trusted proxies appended it. */
export function forwardedAddress(forwardedFor: string | null, hops: number): string | null {
  const entries = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return hops > 0 ? (entries[entries.length - hops] ?? null) : null;
}

export function clientAddress(headers: Headers, hops = env.TRUSTED_PROXY_HOPS): string | null {
  return hops > 0 ? forwardedAddress(headers.get("x-forwarded-for"), hops) : peerAddress(headers);
}

/**
 * The key a request is throttled under. A request with no address known is still counted,
 * in one bucket shared by all such requests: an attacker cannot escape the throttle by
 * making their address unknown.
 */
export function throttleAddress(headers: Headers): string {
  return clientAddress(headers) ?? "unknown";
}
