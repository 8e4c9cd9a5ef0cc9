import http from "node:http";
import { gunzipSync } from "node:zlib";

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/**
 * Keep-alive connections, as a browser keeps to its server, one per concurrent client.
 * node:http rather than fetch: fetch costs the load generator several times the CPU per
 * request, and on a small machine that CPU is taken from the server being measured.
 */
export const keepAliveAgent = (sockets: number) => new http.Agent({ keepAlive: true, maxSockets: sockets });

/** One POST, answered gzip-compressed when the server chooses to, as browsers accept it. */
export function post(url: string, options: { agent: http.Agent; headers: Record<string, string>; body: string; signal: AbortSignal }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(options.body);
    const request = http.request(
      url,
      {
        method: "POST",
        agent: options.agent,
        headers: { ...options.headers, "Accept-Encoding": "gzip", "Content-Length": String(body.length) },
        signal: options.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const text = (response.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString();
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text });
        });
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** A multipart/form-data body of text fields, as a browser serialises a FormData. */
export function multipart(fields: Iterable<[string, string]>): { contentType: string; body: string } {
  const boundary = `----FulcrumBench${Math.random().toString(36).slice(2)}`;
  // Browsers percent-encode these three in field names (HTML's multipart/form-data encoding).
  const escape = (name: string) => name.replaceAll('"', "%22").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
  let body = "";
  for (const [name, value] of fields) body += `--${boundary}\r\nContent-Disposition: form-data; name="${escape(name)}"\r\n\r\n${value}\r\n`;
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${body}--${boundary}--\r\n` };
}
