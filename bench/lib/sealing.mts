import { randomBytes, randomUUID } from "node:crypto";
import { ASPECT_KEYS, COMMENT_MAX_LENGTH } from "@/lib/aspects";
import { CURRENT_SEALED_FORMAT, type RaterAnswers } from "@/lib/survey/sealed-answers";
import { openAnswers, sealAnswers, SealKey } from "@/server/seal";
import { summarise, time } from "./stats.mjs";
import type { Row } from "./types.mjs";

const BATCH = 1_000;

/**
 * server/seal.ts on its own: sealing a submission as the survey action does (encoding,
 * the cycle's HKDF key, AES-256-GCM), and opening it as the close does, each for a batch of
 * submissions with the longest comment, so the cost per submission reads next to the
 * submission rows above.
 */
export async function sealingRows(section: string, runs: number): Promise<Row[]> {
  const key = new SealKey(randomBytes(32));
  const cycleId = randomUUID();
  const managerId = randomUUID();
  const answers: RaterAnswers = {
    aspects: Object.fromEntries(ASPECT_KEYS.map((aspect) => [aspect, { management: 4, leadership: 2, need: 1 }])) as RaterAnswers["aspects"],
    followThrough: [4, null, 3],
    comment: "x".repeat(COMMENT_MAX_LENGTH),
  };
  let sealed: Buffer[] = [];
  const seal = summarise(
    await time(
      async () => {
        sealed = Array.from({ length: BATCH }, () => sealAnswers(key, cycleId, managerId, answers, CURRENT_SEALED_FORMAT));
      },
      Math.max(5, Math.ceil(runs / 10)),
      2,
    ),
  );
  const open = summarise(
    await time(
      async () => {
        for (const row of sealed) openAnswers(key, cycleId, managerId, row, CURRENT_SEALED_FORMAT);
      },
      Math.max(5, Math.ceil(runs / 10)),
      2,
    ),
  );
  const perSubmission = (ms: number) => `${((ms * 1000) / BATCH).toFixed(1)} µs a submission`;
  return [
    {
      section,
      name: `sealing ${BATCH.toLocaleString("en")} submissions (survey action)`,
      value: seal.p50,
      unit: "ms",
      notes: `${perSubmission(seal.p50)}; ${seal.runs} runs`,
    },
    {
      section,
      name: `opening ${BATCH.toLocaleString("en")} seals (close)`,
      value: open.p50,
      unit: "ms",
      notes: `${perSubmission(open.p50)}; ${open.runs} runs`,
    },
  ];
}
