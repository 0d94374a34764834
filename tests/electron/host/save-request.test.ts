// The saveReport request parsed incrementally gives the contract's own result: bad envelopes and
// bad annotations fail with the same issues, a valid edit passes with the contract's data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SaveRequestParser } from '../../../electron/host/save-request.ts';
import { hostCalls } from '../../../shared/contract/host.ts';
import { AnnotationsSchema } from '../../../shared/model/schema.ts';
import type { Annotations } from '../../../shared/model/types.ts';
import { TEXT, annotate } from '../../fixtures/annotated-report.ts';

const base = AnnotationsSchema.parse(annotate(TEXT)) as Annotations;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

test('incremental parse of saveReport requests equals the contract parse', () => {
  const p = new SaveRequestParser();
  p.remember('تقارير/١.txt', base);
  const payloads: unknown[] = [];
  const edited = clone(base);
  edited.units[0].status = 'reviewed';
  edited.mentions[1].text = 'الرياض';
  payloads.push({ path: 'تقارير/١.txt', annotations: edited, sidecarHash: null });
  const invalid = clone(base);
  (invalid.mentions[0] as Record<string, unknown>).start = 'zero';
  payloads.push({ path: 'تقارير/١.txt', annotations: invalid, sidecarHash: 'x' });
  payloads.push({ path: 'تقارير/١.txt', annotations: clone(base), sidecarHash: null, extra: 1 });
  payloads.push({ path: '', annotations: clone(base), sidecarHash: null });
  payloads.push({ path: 'تقارير/١.txt', annotations: clone(base) });
  payloads.push(null);
  payloads.push({ path: 'other.txt', annotations: clone(base), sidecarHash: null });
  for (const payload of payloads) {
    const want = hostCalls.saveReport.request.safeParse(payload ?? {});
    const got = p.parse(payload);
    assert.equal(got.success, want.success, JSON.stringify(payload)?.slice(0, 80));
    if (want.success) assert.deepStrictEqual(got.data, want.data);
    else assert.deepStrictEqual(got.error?.issues, want.error.issues);
  }
  // the accepted version is remembered: its rows are shared with the next parse
  const next = p.parse({ path: 'تقارير/١.txt', annotations: clone(edited), sidecarHash: null });
  const again = p.parse({ path: 'تقارير/١.txt', annotations: clone(edited), sidecarHash: null });
  assert.ok(next.success && again.success);
  assert.equal(again.data.annotations.units[0], next.data.annotations.units[0]);
});
