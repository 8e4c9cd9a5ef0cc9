"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { PortfolioPoint } from "@/lib/teams/portfolio";

// Recharts loads only with the plot, after the table: the page's first paint does not wait for it.
const PortfolioChart = dynamic(() => import("./portfolio-chart").then((module) => module.PortfolioChart), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-slate-700">Drawing the portfolio plot…</p>,
});

/** The plot's drawing, once its frame comes near the screen. The frame's height is set here, by the screen's width, so nothing moves when it is drawn. */
export function PortfolioDrawing({ points, domain, cycleId }: { points: PortfolioPoint[]; domain: [number, number]; cycleId: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = frame.current;
    if (!element || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: "400px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={frame} className="h-80 w-full max-w-[47.5rem] sm:h-[28.75rem]">
      {near && <PortfolioChart points={points} domain={domain} cycleId={cycleId} />}
    </div>
  );
}
