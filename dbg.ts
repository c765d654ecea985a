import { loadScenario } from './src/scenario/load.ts';
import { replay } from './src/scenario/replay.ts';
import { renderTimeline, replayTimeline } from './src/scenario/timeline.ts';
const r = replay(loadScenario(process.argv[2]!));
console.log(renderTimeline(replayTimeline(r)));
