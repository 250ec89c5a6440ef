import { For } from 'solid-js';
import { indicatorInfo } from '../domain/indicators';
import { formatScore, spinePosition, type Spine } from '../domain/yardsticks';

const ROW = 30;
const LEFT = 118;
const WIDTH = 320;
const AXIS = WIDTH - LEFT - 10;

const x = (s: Spine, v: number) => LEFT + spinePosition(s, v) * AXIS;

/** Short domain names for the chart's row labels (the table beside it has the full names). */
const SHORT: Record<string, string> = {
  inc: 'Income',
  emp: 'Employment',
  edu: 'Education',
  hea: 'Health',
  cri: 'Crime',
  bar: 'Barriers',
  liv: 'Living env.',
};

/**
 * The spine chart: per domain, England's wards from least (left) to most deprived (right), their
 * 10th–90th percentile band and median, this ward (a filled circle) and its council (an open
 * diamond). Shapes, not colours, tell the marks apart; the table after it has the same facts.
 */
export function WardSpine(p: { spines: Spine[]; wardName: string; councilName: string }) {
  const height = () => p.spines.length * ROW + 24;
  return (
    <figure class="spine" data-testid="ward-spine">
      <svg
        viewBox={`0 0 ${WIDTH} ${height()}`}
        width="100%"
        role="img"
        aria-labelledby="ward-spine-title"
        aria-describedby="ward-spine-table-caption"
      >
        <title id="ward-spine-title">
          {p.wardName} against England’s wards and {p.councilName}, by domain
        </title>
        <For each={p.spines}>
          {(s, i) => {
            const y = () => i() * ROW + 16;
            return (
              <g data-domain={s.domain}>
                <text x={0} y={y() + 4} class="spine__label">
                  {SHORT[s.domain] ?? s.domain}
                </text>
                <line x1={LEFT} x2={LEFT + AXIS} y1={y()} y2={y()} class="spine__axis" />
                <rect
                  x={x(s, s.p10)}
                  y={y() - 6}
                  width={Math.max(1, x(s, s.p90) - x(s, s.p10))}
                  height={12}
                  class="spine__band"
                  data-mark="band"
                />
                <line x1={x(s, s.median)} x2={x(s, s.median)} y1={y() - 9} y2={y() + 9} class="spine__median" />
                {s.council !== null ? (
                  <path
                    d={`M ${x(s, s.council)} ${y() - 7} l 7 7 l -7 7 l -7 -7 z`}
                    class="spine__council"
                    data-mark="council"
                  />
                ) : null}
                <circle cx={x(s, s.ward)} cy={y()} r={5} class="spine__ward" data-mark="ward" />
              </g>
            );
          }}
        </For>
        <text x={LEFT} y={height() - 4} class="spine__note">
          ← less deprived
        </text>
        <text x={LEFT + AXIS} y={height() - 4} class="spine__note" text-anchor="end">
          more deprived →
        </text>
      </svg>
      <figcaption class="controls__note">
        Each line runs from England’s least to its most deprived ward on that domain; the box is the middle 80% of wards
        (10th to 90th percentile) and the tick their median. ● this ward, ◇ {p.councilName}.
      </figcaption>
    </figure>
  );
}

/** The spine chart's facts as a table: the ward's score, its England percentile, England's band, the council. */
export function WardSpineTable(p: { spines: Spine[]; councilName: string }) {
  return (
    <table class="simple-table spine-table" data-testid="ward-spine-table">
      <caption id="ward-spine-table-caption">
        This ward’s population-weighted domain scores (IoD 2025) against England’s wards and {p.councilName}. A higher
        score is more deprived.
      </caption>
      <thead>
        <tr>
          <th scope="col">Domain</th>
          <th scope="col">This ward</th>
          <th scope="col">More deprived than this share of England’s wards</th>
          <th scope="col">England’s wards: median (10th to 90th percentile)</th>
          <th scope="col">{p.councilName}</th>
        </tr>
      </thead>
      <tbody>
        <For each={p.spines}>
          {(s) => (
            <tr data-domain={s.domain}>
              <th scope="row">{indicatorInfo(s.domain).label}</th>
              <td>{formatScore(s.ward)}</td>
              <td data-percentile={s.percentile}>{Math.floor(s.percentile)}%</td>
              <td>
                {formatScore(s.median)} ({formatScore(s.p10)} to {formatScore(s.p90)})
              </td>
              <td>{s.council === null ? 'not available' : formatScore(s.council)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
