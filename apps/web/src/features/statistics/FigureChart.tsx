import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { downloadCsv, figureCsv, type Cell } from './figure-csv';
import './statistics.css';

/** One bar of a chart: its label, its length, and the text written at its end. */
export interface Bar {
  label: string;
  value: number;
  text?: string;
}

export interface FigureProps {
  /** Stable id (file name of the CSV, test id). */
  name: string;
  caption: string;
  /** The bars drawn (may be fewer than the table's rows). */
  bars: Bar[];
  /** The same data as a table: the chart's text alternative and the CSV. */
  header: string[];
  rows: Cell[][];
  /** Bars stand up (a time axis) instead of lying (categories). */
  vertical?: boolean;
}

type PlotModule = typeof import('@observablehq/plot');
let plotModule: Promise<PlotModule> | undefined;
// The chart library is its own chunk, fetched by the first chart that is drawn.
const loadPlot = () => (plotModule ??= import('@observablehq/plot'));

/**
 * A chart of the network's figures as a <figure> with caption: drawn with Observable Plot
 * into a div (again when the data or the width changes), bars labelled with their numbers
 * (colour carries nothing), the data as a table under "Als Tabelle" and as CSV.
 */
export function FigureChart({ name, caption, bars, header, rows, vertical }: FigureProps) {
  const { t } = useTranslation();
  const captionId = useId();
  const chart = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const element = chart.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const element = chart.current;
    if (!element || width === 0) return;
    let cancelled = false;
    void loadPlot().then((Plot) => {
      if (cancelled) return;
      const text = (bar: Bar) => bar.text ?? String(bar.value);
      const longest = Math.max(0, ...bars.map((bar) => bar.label.length));
      const longestText = Math.max(0, ...bars.map((bar) => text(bar).length));
      const narrow = width < 480;
      const svg = vertical
        ? Plot.plot({
            width,
            height: 260,
            marginBottom: 50,
            x: { label: null, tickRotate: -45, domain: bars.map((bar) => bar.label) },
            y: { label: null, grid: true },
            marks: [
              Plot.barY(bars, { x: 'label', y: 'value', fill: 'var(--figure-bar, #1f5f8b)' }),
              Plot.ruleY([0]),
            ],
          })
        : Plot.plot({
            width,
            // On a phone the label goes above its bar, so neither is cut.
            height: Math.max(60, bars.length * (narrow ? 44 : 28) + 30),
            marginLeft: narrow ? 4 : Math.min(Math.round(width * 0.45), 8 + longest * 7.5),
            marginRight: Math.min(Math.round(width * 0.4), 12 + longestText * 6.5),
            x: { label: null, grid: true },
            y: { label: null, domain: bars.map((bar) => bar.label), axis: narrow ? null : 'left' },
            marks: [
              Plot.barX(bars, {
                y: 'label',
                x: 'value',
                fill: 'var(--figure-bar, #1f5f8b)',
                insetTop: narrow ? 18 : 0,
              }),
              Plot.text(bars, {
                y: 'label',
                x: 'value',
                text,
                dx: 4,
                dy: narrow ? 9 : 0,
                textAnchor: 'start',
              }),
              ...(narrow
                ? [
                    Plot.text(bars, {
                      y: 'label',
                      text: 'label',
                      frameAnchor: 'left',
                      textAnchor: 'start',
                      dy: -11,
                    }),
                  ]
                : []),
              Plot.ruleX([0]),
            ],
          });
      // The table below says the same in words; the picture is named by the caption.
      // Plot names its marks (aria-label on <g>), which inside an image is not allowed.
      for (const part of svg.querySelectorAll('[aria-label], [aria-description]')) {
        part.removeAttribute('aria-label');
        part.removeAttribute('aria-description');
      }
      // Plot puts a <style> element into the picture, which the Content-Security-Policy
      // (style-src 'self') refuses with a console error; statistics.css has its rules.
      for (const style of svg.querySelectorAll('style')) style.remove();
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-labelledby', captionId);
      element.replaceChildren(svg);
    });
    return () => {
      cancelled = true;
    };
  }, [bars, vertical, width, captionId]);

  const empty = rows.length === 0;
  return (
    <figure className="figure card" data-testid={`figure-${name}`}>
      <figcaption id={captionId} className="figure__caption">
        {caption}
      </figcaption>
      {empty ? (
        <p className="figure__empty">{t('statistics.empty')}</p>
      ) : (
        <div ref={chart} className="figure__chart" data-testid={`chart-${name}`} />
      )}
      {empty ? null : (
        <>
          <details className="figure__table">
            <summary>{t('statistics.asTable')}</summary>
            <ScrollRegion label={caption}>
              <table>
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    {header.map((column) => (
                      <th key={column} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row, index) => (
                    <tr key={index}>
                      {row.map((value, column) =>
                        column === 0 ? (
                          <th key={column} scope="row">
                            {value}
                          </th>
                        ) : (
                          <td key={column}>{value}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
          <button
            type="button"
            className="button button--secondary figure__csv"
            data-testid={`csv-${name}`}
            onClick={() => downloadCsv(`${name}.csv`, figureCsv(header, rows))}
          >
            {t('statistics.csv')}
            <span className="visually-hidden">: {caption}</span>
          </button>
        </>
      )}
    </figure>
  );
}
