"use client";

import { lazy } from "react";
import { DeferredChart } from "@/app/_components/deferred-chart";
import type { PortfolioPoint } from "@/lib/teams/portfolio";

// Recharts loads only with the plot, when it comes near the screen (see DeferredChart).
const PortfolioChart = lazy(() => import("./portfolio-chart").then((module) => ({ default: module.PortfolioChart })));

/** The plot's drawing. Its frame's height is set by the screen's width, so nothing moves when it is drawn. */
export function PortfolioDrawing({ points, domain, cycleId }: { points: PortfolioPoint[]; domain: [number, number]; cycleId: string }) {
  return (
    <div className="h-80 w-full max-w-[47.5rem] sm:h-[28.75rem]">
      <DeferredChart placeholderClassName="h-full w-full">
        <PortfolioChart points={points} domain={domain} cycleId={cycleId} />
      </DeferredChart>
    </div>
  );
}
