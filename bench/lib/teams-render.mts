import { summarise, time } from "./stats.mjs";
import type { Measurement } from "./types.mjs";

/**
 * The /teams server render as a browser gets it: one signed-in GET of the full HTML
 * document (the first rows of the heatmap rendered, every row's data in the payload),
 * timed to the last byte, one request after the other.
 */
export const teamsRender: Measurement = {
  name: "teams-render",
  needsApp: true,
  async run(context) {
    let bytes = 0;
    const get = async () => {
      const response = await fetch(`${context.baseUrl}/teams`, {
        headers: { Cookie: context.cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(context.timeoutMs),
      });
      const body = await response.text();
      if (response.status !== 200 || !body.includes("Teams below you")) throw new Error(`GET /teams answered ${response.status}`);
      bytes = Buffer.byteLength(body);
    };
    const timings = await time(get, context.runs, context.warmup);
    return [
      {
        name: "GET /teams, server render (p50 budget 150 ms)",
        detail: "Signed-in GET of the whole HTML document, to the last byte, sequential, after warm-up.",
        notes: `${Math.round(bytes / 1024)} KiB of HTML`,
        budgetMs: 150,
        ...summarise(timings),
      },
    ];
  },
};
