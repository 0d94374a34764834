// Profiling driver for find's first query (issue 17 item 5), for `node --cpu-prof`:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-find.ts
import { bigState } from './find.bench.ts';
import { setFindTr } from '../renderer/editor/plugins/find.ts';

const state = bigState();
const t0 = performance.now();
state.apply(setFindTr(state, 'الرئيس'));
console.log('first query', (performance.now() - t0).toFixed(1), 'ms');
