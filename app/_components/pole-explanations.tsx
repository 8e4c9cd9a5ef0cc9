import type { AspectText } from "@/lib/instrument";

/** What the managing and the leading side of one aspect mean, as a definition list. */
export function PoleExplanations({ aspect, className }: { aspect: AspectText; className: string }) {
  return (
    <dl className={className}>
      {(["management", "leadership"] as const).map((pole) => (
        <div key={pole}>
          <dt className="font-medium">
            {pole === "management" ? "Managing" : "Leading"}: {aspect[pole].label}
          </dt>
          <dd className="text-slate-700">{aspect[pole].explanation}</dd>
        </div>
      ))}
    </dl>
  );
}
