// The page of one replayed scenario (npm run replay -- FILE --html OUT): its timeline picture
// and verdict, self-contained.

import type { Replay } from '../scenario/replay.ts';
import { html } from './escape.ts';
import { page } from './page.ts';
import { timelineSection } from './timeline.ts';

export function replayPage(r: Replay): string {
  const title = r.scenario.file.title ?? r.scenario.path;
  return page({
    title: `Timeline: ${title}`,
    body: html`<header><p class="muted small">ims-harness · timeline of a replayed scenario</p></header>
${timelineSection(r, { prefix: 'scenario', level: 1 })}`,
  });
}
