// The exploration report for people: per claim and release, what was verified or found; the
// JSON for tools is the report itself.

import { table } from '../campaign/render.ts';
import { verifiedDepth, type ExploreReport, type TaskReport } from './explore.ts';

const n = (x: number) => x.toLocaleString('en-US');

function head(t: TaskReport): string {
  const on = `${t.claim} on ${t.release}${t.variant ? ` (variant ${t.variant})` : ''}`;
  if (t.counterexample) return `${on}: violated at depth ${t.counterexample.depth}, a shortest counterexample`;
  if (t.error) return `${on}: the model or a checker failed at depth ${t.error.steps.length}`;
  const why = t.stopped === 'budget' ? `; the budget ran out at depth ${t.verifiedDepth + 1}` : t.stopped === 'exhausted' ? '; no new state is left: every longer history is one of these' : '';
  return `${on}: verified to depth ${t.verifiedDepth}${why}`;
}

export function renderTask(t: TaskReport, ms?: number): string {
  const how = t.pruned ? 'equal states merged' : t.unmonitored.length ? `every history judged (no monitor for ${t.unmonitored.join(', ')})` : 'every history judged';
  const rate = ms !== undefined && ms > 0 ? `, ${n(Math.round((t.histories / ms) * 1000))} histories/s, ${n(Math.round((t.distinct / ms) * 1000))} distinct states/s, ${(ms / 1000).toFixed(1)} s` : '';
  const lines = [
    head(t),
    `  ${n(t.histories)} histories judged, ${n(t.distinct)} distinct ${t.pruned ? 'states' : 'model states'}${rate}; ${how}`,
    `  alphabet (${t.alphabet.length}): ${t.alphabet.join(' ')}`,
  ];
  if (t.counterexample) {
    const c = t.counterexample;
    lines.push(
      `  ${c.claim} (${c.by}) at step ${c.step}: ${c.explanation.split('\n')[0]}`,
      `  steps: ${c.steps.join(', ')}`,
      `  saved: ${c.scenario}`,
      `  replay: npm run replay -- ${c.scenario}`,
    );
    if (c.savedSteps !== c.depth) lines.push(`  warning: the saved scenario has ${c.savedSteps} steps, fewer than ${c.depth}: a shorter counterexample was missed`);
  }
  if (t.error) lines.push(`  steps: ${t.error.steps.join(', ')}`, `  error: ${t.error.message}`);
  return lines.join('\n');
}

export function render(report: ExploreReport): string {
  const parts = report.tasks.map((t, k) => renderTask(t, report.timings.tasks[k]?.ms));
  const rows = [['Claim', 'Release', 'Letters', 'Pruned', 'Depth', 'Histories', 'Distinct', 'Result'], ...report.tasks.map((t) => [
    t.claim, t.release, String(t.alphabet.length), t.pruned ? 'yes' : 'no', String(t.verifiedDepth), n(t.histories), n(t.distinct),
    t.counterexample ? `violated at depth ${t.counterexample.depth}` : t.error ? 'error' : t.stopped === 'budget' ? 'verified (budget)' : 'verified',
  ])];
  const depth = verifiedDepth(report);
  const total = report.tasks.reduce((s, t) => s + t.histories, 0);
  const distinct = report.tasks.reduce((s, t) => s + t.distinct, 0);
  const seconds = report.timings.ms / 1000;
  const last = depth >= 0
    ? `verified to depth ${depth}: ${n(total)} histories judged, ${n(distinct)} distinct states, ${n(Math.round(total / Math.max(seconds, 0.001)))} histories/s, ${n(Math.round(distinct / Math.max(seconds, 0.001)))} distinct states/s (${seconds.toFixed(1)} s, ${report.timings.workers || 'no'} worker${report.timings.workers === 1 ? '' : 's'})`
    : report.tasks.length ? `not verified: ${report.tasks.filter((t) => t.counterexample).length} violated, ${report.tasks.filter((t) => t.error).length} failed (${seconds.toFixed(1)} s)` : 'nothing selected';
  return `${[...parts, '', table(rows, new Set([2, 4, 5, 6])), '', last].join('\n')}\n`;
}
