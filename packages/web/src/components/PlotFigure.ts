import { useEffect, useRef } from 'preact/hooks';
import { html } from '../html.ts';

/**
 * Renders an Observable Plot figure into a container, replacing it whenever `data` changes; `make` is
 * given the container's width, so a chart drawn at that width keeps its text readable on a phone.
 */
export function PlotFigure({
  make,
  label,
  data,
}: {
  make: (width: number) => Element;
  label: string;
  data: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(data);
  useEffect(() => {
    const chart = make(Math.max(280, Math.min(640, ref.current?.clientWidth || 640)));
    // Plot adds a <style> element, which the CSP (style-src 'self') refuses; style.css carries its rules.
    for (const style of chart.querySelectorAll('style')) style.remove();
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', label);
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [key, label]);
  return html`<div ref=${ref}></div>`;
}
