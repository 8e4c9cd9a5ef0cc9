import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** The parts of V8's .cpuprofile read here. Times are µs of CLOCK_MONOTONIC. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code comes from: its original source file (through the build's source maps), or V8's name for it. */
type Frame = { source: string; name: string };

/**
 * The stages of a submission, each recognised by a source somewhere on the sample's stack,
 * the first that matches winning: what runs inside sealing is sealing, wherever it is called.
 */
const STAGES: { stage: string; matches: (stack: Frame[]) => boolean }[] = [
  { stage: "garbage collection", matches: ([leaf]) => leaf?.name === "(garbage collector)" },
  {
    stage: "proxy (proxy.ts and Next.js's middleware adapter)",
    matches: (s) => s.some((f) => /(^|\/)proxy\.ts$|templates\/middleware|server\/web\/adapter/.test(f.source)),
  },
  { stage: "sealing (server/seal.ts, node:crypto)", matches: (s) => s.some((f) => /server\/seal\.ts$|lib\/survey\/sealed-answers\.ts$/.test(f.source)) },
  { stage: "person re-read (loadViewer: statement and row check)", matches: (s) => s.some((f) => /server\/internal\/viewer\.ts$/.test(f.source)) },
  {
    stage: "session read (cookie decrypt: Auth.js decode, jose)",
    matches: (s) => s.some((f) => /session-token\.ts$|next-auth|@auth\/core|jose|@panva/.test(f.source)),
  },
  { stage: "due-cycle check (closeDueCycles)", matches: (s) => s.some((f) => /cycles\/close\.ts$/.test(f.source)) },
  { stage: "zod (the answers)", matches: (s) => s.some((f) => /lib\/survey\/schema\.ts$|submit-survey\.ts$/.test(f.source)) && /zod/.test(s[0]?.source ?? "") },
  {
    stage: "transaction (server/dal/assessments.ts, drizzle building its statements)",
    matches: (s) => s.some((f) => /server\/dal\/assessments\.ts$/.test(f.source)),
  },
  { stage: "SQL driver (postgres.js: sending, reading rows)", matches: (s) => s.some((f) => /node_modules\/postgres\/|drizzle-orm/.test(f.source)) },
  {
    stage: "action decoding (React's decodeReply, multipart)",
    matches: (s) => s.some((f) => /ReactFlightReplyServer|busboy|FormData|decodeReply|formdata/i.test(f.source + f.name)),
  },
  { stage: "result encoding (React Flight)", matches: (s) => s.some((f) => /ReactFlightServer|react-server-dom/.test(f.source)) },
  { stage: "the action pipeline (runAction, submitSurvey, other app code)", matches: (s) => s.some((f) => /^(app|server|lib)\//.test(f.source)) },
  { stage: "Next.js request handling (routing, headers, the action handler)", matches: (s) => s.some((f) => /next\/dist|next-server|\/next\//.test(f.source)) },
  { stage: "Node.js (HTTP parsing, sockets, timers)", matches: ([leaf]) => /^node:|^$/.test(leaf?.source ?? "") && leaf?.name !== "(program)" },
  { stage: "V8, unattributed ((program))", matches: ([leaf]) => leaf?.name === "(program)" },
];
const OTHER = "other";

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const file = url.startsWith("file://") ? fileURLToPath(url) : url;
    const mapFile = `${file}.map`;
    maps.set(url, file.startsWith("/") && existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : null);
  }
  return maps.get(url)!;
}

/** A frame's original source, relative to the repository (or to node_modules), or its URL. */
function frameOf(callFrame: CpuProfile["nodes"][number]["callFrame"]): Frame {
  const { url, lineNumber, columnNumber, functionName } = callFrame;
  const entry = url ? sourceMapOf(url)?.findEntry(lineNumber, columnNumber) : undefined;
  const original = entry && "originalSource" in entry && typeof entry.originalSource === "string" ? entry.originalSource : url;
  const source = original
    .replace(/^file:\/\//, "")
    .replace(/^.*?node_modules\//, "node_modules/")
    .replace(/^(\.\.\/)+/, "")
    .replace(/^\/work\/[^/]+\//, "");
  return { source, name: functionName || "(anonymous)" };
}

/**
 * The server's CPU per submission, by stage, over the samples taken in `window` (the
 * profiled load, µs of the same clock as the profile), as a markdown table, followed by
 * the sources that spent the most time themselves. A sample stands for the wall time since
 * the one before, which on a busy machine includes time the process waited for a core: so
 * each stage's share of the samples is also given as that share of `cpuMs`, the CPU time
 * per submission the kernel counted.
 */
export function breakdown(profile: CpuProfile, window: { fromUs: number; toUs: number }, submissions: number, cpuMs: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const frames = new Map(profile.nodes.map((node) => [node.id, frameOf(node.callFrame)]));
  const stages = new Map<string, number>();
  const selfBySource = new Map<string, number>();
  let at = profile.startTime;
  let idleUs = 0;
  let busyUs = 0;
  for (const [index, sample] of profile.samples.entries()) {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    // A sample's delta is the time since the one before: it belongs to this sample.
    if (at < window.fromUs || at > window.toUs) continue;
    const stack: Frame[] = [];
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      if (byId.get(id)?.callFrame.functionName !== "(root)") stack.push(frames.get(id)!);
    }
    if (stack[0]?.name === "(idle)") {
      idleUs += delta;
      continue;
    }
    busyUs += delta;
    const stage = STAGES.find((candidate) => candidate.matches(stack))?.stage ?? OTHER;
    stages.set(stage, (stages.get(stage) ?? 0) + delta);
    const leaf = stack[0] ? stack[0].source || stack[0].name : "?";
    selfBySource.set(leaf, (selfBySource.get(leaf) ?? 0) + delta);
  }
  const ms = (us: number) => (us / 1000 / submissions).toFixed(2);
  const share = (us: number) => `${((100 * us) / busyUs).toFixed(0)}%`;
  const cpu = (us: number) => ((cpuMs * us) / busyUs).toFixed(2);
  const lines = [
    `Samples per submission: ${ms(busyUs)} ms busy, ${ms(idleUs)} ms idle; CPU per submission (/proc): ${cpuMs.toFixed(2)} ms`,
    "",
    "| stage | share of the samples | ms of CPU per submission |",
    "|---|---:|---:|",
    ...[...STAGES.map((s) => s.stage), OTHER]
      .filter((stage) => stages.has(stage))
      .map((stage) => `| ${stage} | ${share(stages.get(stage)!)} | ${cpu(stages.get(stage)!)} |`),
    `| total | 100% | ${cpuMs.toFixed(2)} |`,
    "",
    "Self time by source, the top 30:",
    "",
    ...[...selfBySource]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([source, us]) => `  ${share(us).padStart(4)}  ${cpu(us).padStart(5)} ms  ${source}`),
  ];
  return lines.join("\n");
}
