// The alignment speed figures alone (bench/align.bench.ts runs them after the quality cases):
//   node --import tsx bench/align-speed.ts [n]   (n: one size, 3 paired runs; default 1k and 10k)
import { loadNtrex } from './align-cases.ts';
import { hunalignBinary } from './hunalign.ts';
import { speed } from './align.bench.ts';

const n = Number(process.argv[2]);
console.log(JSON.stringify(speed(loadNtrex().flat(), hunalignBinary(), n > 0 ? [[n, 3]] : undefined), null, 2));
