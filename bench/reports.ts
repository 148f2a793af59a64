/**
 * The report over a full call log (10 000 entries, the local cap): how long main takes to build
 * it (what the reports tab waits for on every change of the log) and to write one chart's CSV.
 * `npx tsx bench/reports.ts`; prints medians of 30 runs after warm-up, and the load average.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createReportService } from '../src/main/reports/report-service';
import type { CallLogEntry } from '../src/shared/domain';
import { reportCsvFile } from '../src/shared/reports/report-csv';
import { reportTable } from '../src/shared/reports/report-tables';
import { zonedClock } from '../src/shared/reports/zoned-clock';

const N = 10_000;
const DAY = 86_400_000;
const now = Date.parse('2026-11-30T08:00:00Z');
let seed = 1;
const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;

const entries: CallLogEntry[] = Array.from({ length: N }, (_, i) => {
  const conf = rand() < 0.2;
  const parties = Array.from({ length: conf ? 2 + Math.floor(rand() * 7) : 1 }, () => {
    const k = Math.floor(rand() * 400);
    return { number: `1380000${String(k).padStart(4, '0')}`, name: k % 3 ? `联系人${k}` : undefined };
  });
  const r = rand();
  const createdAt = now - Math.floor(rand() * 90 * DAY);
  return {
    id: `e${i}`,
    kind: conf ? 'conf' : 'call',
    createdAt,
    updatedAt: createdAt,
    mode: 'production',
    caller: '13900139000',
    parties,
    maxDur: 600,
    session: `s${i}`,
    state: r < 0.05 ? 'failed' : 'ended',
    durationSec: r < 0.3 ? 0 : Math.floor(rand() * 900),
    hangCause: r < 0.3 ? 'NO_USER_RESPONSE' : 'NORMAL_CLEARING',
    revision: i + 1,
  } as CallLogEntry;
});

const service = createReportService({ entries: () => entries });
const query = { from: '2026-09-01', to: '2026-11-30', timeZone: 'Asia/Shanghai' };

/** Median wall time and median CPU time (the machine may be shared: CPU time says what the work costs). */
function median(run: () => void): { wall: number; cpu: number } {
  for (let i = 0; i < 5; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b)[15], cpu: cpu.sort((a, b) => a - b)[15] };
}
const show = (m: { wall: number; cpu: number }) => `${m.wall.toFixed(1)} ms (CPU ${m.cpu.toFixed(1)} ms)`;

const get = median(() => {
  const r = service.get(query);
  if (!r.ok) throw new Error(r.message);
});
const built = service.get(query);
if (!built.ok) throw new Error(built.message);
const clock = zonedClock(query.timeZone);
// What the tab does on "CSV": the chart's table, written out.
const csv = median(() => void reportCsvFile(built.report, reportTable(built.report, 'perDay', 'zh-CN', clock)));
const json = JSON.stringify(service.get(query)).length;
console.log(
  `reports over ${N} log entries, 91 days: build ${show(get)}, perDay CSV ${show(csv)} (medians of 30); report ${(json / 1024).toFixed(1)} KB as JSON; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
