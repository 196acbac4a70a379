// Compares two `ta-grid bench --json` reports case by case.

/** Every timed case of a report as { key: ms }. */
export function caseTimes(report) {
  const out = {};
  for (const [suite, data] of Object.entries(report.suites ?? {})) {
    for (const row of data.rows ?? []) {
      if (typeof row.ms !== 'number') continue;
      const key = [suite, row.case ?? row.start ?? row.threads, row.backend, row.threads].filter((x) => x !== undefined).join(' ');
      out[key] = row.ms;
    }
  }
  return out;
}

/**
 * Change per case in percent (positive = slower). A case slower than the
 * baseline by more than thresholdPct is a regression. Cases present in only
 * one report are listed, not judged.
 */
export function compareReports(baseline, current, thresholdPct = 15) {
  const a = caseTimes(baseline), b = caseTimes(current);
  const rows = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!(key in a) || !(key in b)) {
      rows.push({ key, baseMs: a[key] ?? null, ms: b[key] ?? null, changePct: null, regression: false });
      continue;
    }
    const changePct = ((b[key] - a[key]) / a[key]) * 100;
    rows.push({ key, baseMs: a[key], ms: b[key], changePct, regression: changePct > thresholdPct });
  }
  return { thresholdPct, rows, regressions: rows.filter((r) => r.regression) };
}

export function formatComparison(cmp) {
  const lines = cmp.rows.map((r) => {
    const change = r.changePct === null ? (r.baseMs === null ? 'new' : 'gone') : `${r.changePct >= 0 ? '+' : ''}${r.changePct.toFixed(1)}%`;
    return `${r.regression ? 'REGRESSION ' : ''}${r.key}: ${r.baseMs?.toFixed(1) ?? '-'} ms -> ${r.ms?.toFixed(1) ?? '-'} ms (${change})`;
  });
  lines.push(cmp.regressions.length
    ? `${cmp.regressions.length} case(s) slower than the baseline by more than ${cmp.thresholdPct}%`
    : `no case slower than the baseline by more than ${cmp.thresholdPct}%`);
  return lines.join('\n');
}
