"use client";

import { type ReactNode, Suspense, useEffect, useRef, useState } from "react";

/**
 * How far beyond the screen a chart starts loading: a screen ahead of the reader, so that
 * it is drawn by the time they scroll to it.
 */
const LOAD_AHEAD = "100% 0px 100% 0px";

/** Every chart on the page that is not drawn yet: printing draws them all first. */
const waiting = new Set<() => Promise<void>>();

/**
 * Draws every chart still waiting for the reader to scroll to it, and resolves once each is
 * on the page, so that a printout has all of them (see PrintButton).
 */
export async function drawAllCharts() {
  await Promise.all([...waiting].map((draw) => draw()));
  // Charts fit themselves to their box after they mount (a resize observer): give them two frames.
  for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Runs once its Suspense boundary has committed, that is, once the chart beside it is on the page. */
function Committed({ onCommit }: { onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return null;
}

/**
 * A chart whose code loads only when it comes near the screen. Chart code is the heaviest
 * script of the pages that have charts, and most of them sit below the first screen, so
 * a phone that opens the page runs none of it until the reader scrolls. Until then a
 * box of the chart's size holds its place (the figure's caption, summary and table twin
 * already carry every number). Pass a `React.lazy` chart as children.
 */
export function DeferredChart({ placeholderClassName, children }: { placeholderClassName: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [drawn] = useState(() => {
    let resolve = () => {};
    const promise = new Promise<void>((settle) => (resolve = settle));
    return { promise, resolve };
  });

  useEffect(() => {
    const draw = () => {
      setNear(true);
      return drawn.promise;
    };
    waiting.add(draw);
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && setNear(true), { rootMargin: LOAD_AHEAD });
    if (box.current) observer.observe(box.current);
    return () => {
      waiting.delete(draw);
      observer.disconnect();
    };
  }, [drawn]);

  if (!near) return <div ref={box} aria-hidden="true" className={`chart-pending ${placeholderClassName}`} />;
  return (
    <Suspense fallback={<div aria-hidden="true" className={`chart-pending ${placeholderClassName}`} />}>
      {children}
      <Committed onCommit={drawn.resolve} />
    </Suspense>
  );
}
