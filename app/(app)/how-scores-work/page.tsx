import type { Metadata } from "next";
import { capitalisedNumberWord, numberWord } from "@/app/_components/number-words";
import { PoleExplanations } from "@/app/_components/pole-explanations";
import { ASPECT_KEYS, POLES } from "@/lib/aspects";
import { orderedAspects, instrumentText } from "@/lib/instrument";
import { RANKING_DESCRIPTION } from "@/lib/recommendations";
import { SCORE_DEFINITIONS } from "@/lib/scoring";
import { SITUATION_FAVOURS, SITUATION_KEYS } from "@/lib/situations";
import { currentThresholds } from "@/server/dal/settings";
import { requireViewer } from "@/server/dal/session";
import { getDb } from "@/server/db";

export const metadata: Metadata = { title: "How scores work" };

export default async function HowScoresWorkPage() {
  await requireViewer();
  const thresholds = await currentThresholds(await getDb());
  const text = instrumentText();
  const favouring = (pole: "management" | "leadership") => SITUATION_KEYS.filter((key) => SITUATION_FAVOURS[key] === pole).length;
  return (
    <article className="max-w-3xl space-y-10 leading-relaxed">
      <header>
        <h1 className="text-2xl font-bold">How scores work</h1>
        <p className="mt-2 text-slate-700">{text.versatility}</p>
      </header>

      <section aria-labelledby="poles-heading">
        <h2 id="poles-heading" className="text-xl font-semibold">
          {capitalisedNumberWord(POLES.length)} poles, {numberWord(ASPECT_KEYS.length)} aspects
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2">
          {(["management", "leadership"] as const).map((pole) => (
            <div key={pole} className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="font-semibold">{text.poles[pole].name}</dt>
              <dd className="mt-1 text-sm text-slate-700">{text.poles[pole].description}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 space-y-4">
          {orderedAspects(text).map((aspect) => (
            <section key={aspect.key} aria-labelledby={`aspect-${aspect.key}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 id={`aspect-${aspect.key}`} className="font-semibold">
                {aspect.name}
              </h3>
              <p className="text-sm text-slate-700">{aspect.summary}</p>
              <PoleExplanations aspect={aspect} className="mt-2 grid gap-3 text-sm sm:grid-cols-2" />
            </section>
          ))}
        </div>
      </section>

      <section aria-labelledby="scores-heading">
        <h2 id="scores-heading" className="text-xl font-semibold">
          The scores
        </h2>
        <dl className="mt-3 space-y-4">
          {SCORE_DEFINITIONS.map((definition) => (
            <div key={definition.key}>
              <dt className="font-semibold">{definition.name}</dt>
              <dd>
                <code className="block rounded bg-slate-100 px-2 py-1 text-sm">{definition.formula}</code>
                <p className="mt-1 text-sm text-slate-700">{definition.description}</p>
              </dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 text-sm text-slate-700">
          The situational target draws on {numberWord(SITUATION_KEYS.length)} situations: {favouring("management")} that favour managing and{" "}
          {favouring("leadership")} that favour leading. A director marks the ones that apply to each team.
        </p>
      </section>

      <section aria-labelledby="thresholds-heading">
        <h2 id="thresholds-heading" className="text-xl font-semibold">
          Anonymity thresholds in force
        </h2>
        <ul className="mt-2 list-disc pl-6 text-sm">
          <li>
            Scores are shown only when at least <strong>{thresholds.k}</strong> people answered, and each score only when at least {thresholds.k} people gave it
            a rating other than &ldquo;Can&apos;t say&rdquo;.
          </li>
          <li>
            Comments are shown only when at least <strong>{thresholds.commentThreshold}</strong> people wrote one, word for word and in random order.
          </li>
          <li>Results exist only once a cycle has closed. While it is open, only response counts are shown.</li>
        </ul>
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading" className="text-xl font-semibold">
          How the three development actions are chosen
        </h2>
        <p className="mt-2 text-sm text-slate-700">{RANKING_DESCRIPTION.summary}</p>
        <code className="mt-2 block rounded bg-slate-100 px-2 py-1 text-sm">{RANKING_DESCRIPTION.formula}</code>
        <ol className="mt-2 list-decimal space-y-1 pl-6 text-sm">
          {RANKING_DESCRIPTION.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </section>
    </article>
  );
}
