"use client";

import { type ComponentProps, lazy } from "react";
import { DeferredChart } from "@/app/_components/deferred-chart";
import type { ProfileRadarChart } from "./radar-chart";
import type { TrendChart } from "./trend-charts";

// The report's Recharts charts, each loaded when it comes near the screen (see DeferredChart).
const LazyRadar = lazy(() => import("./radar-chart").then((module) => ({ default: module.ProfileRadarChart })));
const LazyTrend = lazy(() => import("./trend-charts").then((module) => ({ default: module.TrendChart })));

/** The radar's place while it loads: its legend's row and its 4:3 plot, up to 520 px wide. */
export function DeferredProfileRadarChart(props: ComponentProps<typeof ProfileRadarChart>) {
  return (
    <DeferredChart placeholderClassName="report-radar mt-11 aspect-[4/3] w-full max-w-[520px] lg:w-[32.5rem]">
      <LazyRadar {...props} />
    </DeferredChart>
  );
}

/** One trend chart's place while it loads: its title line and its 190 px plot, 210 px in all. */
export function DeferredTrendChart(props: ComponentProps<typeof TrendChart>) {
  return (
    <DeferredChart placeholderClassName="h-[210px] max-w-md min-w-0 flex-1 basis-72">
      <LazyTrend {...props} />
    </DeferredChart>
  );
}
