// Charts drawn as SVG with DOM calls: bars and lines over time, horizontal bars, grouped bars
// and the weekday × hour heatmap. Geometry only (scales, positions): every value arrives
// computed by the core, with its text already formatted by the caller. Each chart has a
// <title> and a <desc>, every mark its own <title>, and the caller puts the numbers beside it
// as a table. Text is always set with textContent.

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes; children may be nodes or null. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

const round = (v) => Math.round(v * 10) / 10;

/** A chart's frame: `<svg role="img">` with its title and description. */
function frame(kind, width, height, title, desc) {
  return s('svg', {
    class: `sr-chart sr-chart-${kind}`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-label': title,
    dataset: { chart: kind },
  }, s('title', { text: title }), desc ? s('desc', { text: desc }) : null);
}

/**
 * Nice round bounds for an axis that holds `lo`..`hi` and 0: `{ min, max, step }`, at most five
 * steps of 1, 2, 2.5 or 5 times a power of ten.
 */
export function bounds(lo, hi) {
  let min = Math.min(0, lo);
  let max = Math.max(0, hi);
  if (max - min < 1e-12) max = min + 1;
  const step = 10 ** Math.floor(Math.log10(max - min));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * step).find((x) => (max - min) / x <= 5) || step * 10;
  return { min: Math.floor(min / nice) * nice, max: Math.ceil(max / nice) * nice, step: nice };
}

/** The value axis: a grid line and a label at each step of `b`, `y` placing a value. */
function grid(svg, b, y, left, plotW, tick) {
  for (let v = b.min; v <= b.max + b.step / 2; v += b.step) {
    svg.append(s('line', { class: 'sr-grid', x1: left, x2: left + plotW, y1: round(y(v)), y2: round(y(v)) }),
      s('text', { class: 'sr-tick', x: left - 6, y: round(y(v)) + 4, 'text-anchor': 'end', text: tick(v) }));
  }
}

/** The path through `points`: segments join consecutive known points; a gap stays a gap. */
function linePath(points, cx, y) {
  let path = '';
  points.forEach((p, i) => {
    if (p.value == null) return;
    const prev = points[i - 1];
    path += `${prev && prev.value != null ? 'L' : 'M'}${round(cx(i))} ${round(y(p.value))}`;
  });
  return path;
}

/**
 * Values over time. `points`: `[{ label, value (number or null), title, partial }]`, oldest
 * first; `kind` is `bars` (counts) or `line` (rates, levels); `tick(v)` formats an axis value.
 * A point without a value leaves a gap. Marks carry `data-point` (their index).
 */
export function timeChart({ title, desc, points, kind = 'bars', tick, width = 640, height = 220 }) {
  const svg = frame(kind === 'bars' ? 'bars' : 'line', width, height, title, desc);
  const left = 54;
  const right = 10;
  const top = 12;
  const bottom = 34;
  const plotW = Math.max(10, width - left - right);
  const plotH = height - top - bottom;
  const values = points.map((p) => p.value).filter((v) => v != null);
  const b = bounds(values.length ? Math.min(...values) : 0, values.length ? Math.max(...values) : 1);
  const y = (v) => top + plotH - ((v - b.min) / (b.max - b.min)) * plotH;
  grid(svg, b, y, left, plotW, tick);
  const n = Math.max(1, points.length);
  const slot = plotW / n;
  const cx = (i) => left + slot * (i + 0.5);
  // X labels: one per 70 px or the room of the longest (about 6.2 px a character at 11 px),
  // always the first and the last.
  const room = Math.max(70, Math.max(0, ...points.map((p) => String(p.label).length)) * 6.2 + 14);
  const every = Math.max(1, Math.ceil(room / slot));
  const prev = Math.floor((n - 1) / every) * every;
  points.forEach((p, i) => {
    const last = i === n - 1 && n > 1;
    // The last label ends at the right edge: it needs the room of one and a half labels from
    // the one before.
    const show = last ? every === 1 || (n - 1 - prev + 0.5) * slot >= room * 1.5 : i % every === 0;
    if (!show) return;
    const x = last && every > 1 ? Math.min(cx(i) + slot / 2, width - right) : cx(i);
    svg.append(s('text', { class: 'sr-tick', x: round(x), y: height - bottom + 16, 'text-anchor': last && every > 1 ? 'end' : 'middle', text: p.label }));
  });
  const zero = y(Math.max(b.min, Math.min(0, b.max)));
  if (kind === 'bars') {
    const w = Math.max(1, Math.min(48, slot * 0.7));
    points.forEach((p, i) => {
      if (p.value == null) return;
      const top1 = Math.min(y(p.value), zero);
      const h = Math.max(p.value === 0 ? 0 : 1, Math.abs(y(p.value) - zero));
      svg.append(s('rect', {
        class: `sr-bar${p.partial ? ' sr-partial' : ''}${p.value < 0 ? ' sr-neg' : ''}`,
        x: round(cx(i) - w / 2), y: round(top1), width: round(w), height: round(h),
        dataset: { point: i, value: p.value },
      }, s('title', { text: p.title })));
    });
  } else {
    const path = linePath(points, cx, y);
    if (path) svg.append(s('path', { class: 'sr-line', d: path }));
    points.forEach((p, i) => {
      if (p.value == null) return;
      svg.append(s('circle', {
        class: `sr-dot${p.partial ? ' sr-partial' : ''}`,
        cx: round(cx(i)), cy: round(y(p.value)), r: n > 60 ? 2 : 3.5,
        dataset: { point: i, value: p.value },
      }, s('title', { text: p.title })));
    });
  }
  svg.append(s('line', { class: 'sr-axis', x1: left, x2: left + plotW, y1: round(zero), y2: round(zero) }));
  return svg;
}

/**
 * Horizontal bars, one per item: `[{ label, value (≥ 0 or null), text, title }]`. An item
 * without a value gets its text and no bar. Bars carry `data-bar`.
 */
export function barChart({ title, desc, items, width = 640 }) {
  const row = 30;
  const labelW = Math.min(220, Math.round(width * 0.38));
  const textW = 96;
  const height = row * items.length + 8;
  const svg = frame('hbars', width, height, title, desc);
  const plotW = Math.max(20, width - labelW - textW - 12);
  const max = Math.max(0, ...items.map((it) => it.value ?? 0)) || 1;
  items.forEach((it, i) => {
    const yTop = 4 + i * row;
    // About 6.6 px a character at 12 px: a longer label is cut, whole in its <title>.
    const room = Math.max(4, Math.floor((labelW - 10) / 6.6));
    const label = it.label.length > room ? `${it.label.slice(0, room - 1)}…` : it.label;
    svg.append(s('text', { class: 'sr-label', x: labelW - 8, y: yTop + 19, 'text-anchor': 'end', text: label }, s('title', { text: it.label })));
    if (it.value != null) {
      svg.append(s('rect', {
        class: 'sr-bar', x: labelW, y: yTop + 5, width: round(Math.max(1, (Math.max(0, it.value) / max) * plotW)), height: row - 10,
        dataset: { bar: i, value: it.value },
      }, s('title', { text: it.title })));
    }
    const end = labelW + (it.value != null ? (Math.max(0, it.value) / max) * plotW : 0);
    svg.append(s('text', { class: 'sr-value', x: round(end + 6), y: yTop + 19, text: it.text }));
  });
  return svg;
}

/**
 * Grouped vertical bars: `groups` `[{ label, values: [number|null], titles: [text] }]`, one bar
 * per series of `series` `[{ name, class }]`, with a legend. Bars carry `data-series`.
 */
export function groupedBars({ title, desc, groups, series, tick, width = 640, height = 220 }) {
  const svg = frame('grouped', width, height, title, desc);
  const left = 44;
  const top = 24;
  const bottom = 34;
  const plotW = Math.max(10, width - left - 10);
  const plotH = height - top - bottom;
  const all = groups.flatMap((g) => g.values).filter((v) => v != null);
  const b = bounds(all.length ? Math.min(...all) : 0, all.length ? Math.max(...all) : 1);
  const y = (v) => top + plotH - ((v - b.min) / (b.max - b.min)) * plotH;
  grid(svg, b, y, left, plotW, tick);
  series.forEach((se, k) => {
    const x = left + k * 130;
    svg.append(s('rect', { class: `sr-bar ${se.class}`, x, y: 4, width: 12, height: 12 }),
      s('text', { class: 'sr-tick', x: x + 16, y: 14, text: se.name }));
  });
  const slot = plotW / Math.max(1, groups.length);
  const w = Math.max(1, Math.min(28, (slot * 0.8) / series.length));
  const every = Math.max(1, Math.ceil(70 / slot));
  const zero = y(Math.max(b.min, Math.min(0, b.max)));
  groups.forEach((g, i) => {
    const x0 = left + slot * i + (slot - w * series.length) / 2;
    g.values.forEach((v, k) => {
      if (v == null) return;
      svg.append(s('rect', {
        class: `sr-bar ${series[k].class}`, x: round(x0 + k * w), y: round(Math.min(y(v), zero)), width: round(w), height: round(Math.max(v === 0 ? 0 : 1, Math.abs(y(v) - zero))),
        dataset: { series: k, group: i, value: v },
      }, s('title', { text: g.titles[k] })));
    });
    if (i % every === 0) svg.append(s('text', { class: 'sr-tick', x: round(left + slot * (i + 0.5)), y: height - bottom + 16, 'text-anchor': 'middle', text: g.label }));
  });
  svg.append(s('line', { class: 'sr-axis', x1: left, x2: left + plotW, y1: round(zero), y2: round(zero) }));
  return svg;
}

/**
 * The weekday × hour map: `cells` `[{ weekday (0 = Monday), hour, posts, level (0..1 or null),
 * title }]`, the hours with posts; every one of the 168 hours is drawn (`data-weekday`,
 * `data-hour`, and `data-posts` where there are some). `days` are the 7 weekday names, short.
 * Narrow: hours down the side, days across.
 */
export function heatmap({ title, desc, cells, days, width = 640 }) {
  const narrow = width < 480;
  const byKey = new Map(cells.map((c) => [c.weekday * 24 + c.hour, c]));
  const labelW = narrow ? 34 : 40;
  const top = narrow ? 22 : 20;
  const cols = narrow ? 7 : 24;
  const rows = narrow ? 24 : 7;
  const cell = Math.max(8, Math.min(narrow ? 40 : 30, (width - labelW - 4) / cols));
  const cellH = narrow ? Math.min(18, cell) : cell;
  const height = top + rows * cellH + 6;
  const svg = frame('heatmap', width, height, title, desc);
  for (let c = 0; c < cols; c += 1) {
    if (!narrow && c % 3 !== 0) continue;
    svg.append(s('text', { class: 'sr-tick', x: round(labelW + c * cell + cell / 2), y: top - 6, 'text-anchor': 'middle', text: narrow ? days[c] : String(c) }));
  }
  for (let r = 0; r < rows; r += 1) {
    if (narrow && r % 3 !== 0) continue;
    svg.append(s('text', { class: 'sr-tick', x: labelW - 5, y: round(top + r * cellH + cellH / 2 + 4), 'text-anchor': 'end', text: narrow ? `${r} h` : days[r] }));
  }
  for (let d = 0; d < 7; d += 1) {
    for (let hr = 0; hr < 24; hr += 1) {
      const c = byKey.get(d * 24 + hr);
      const [col, row] = narrow ? [d, hr] : [hr, d];
      const rated = c && c.level != null;
      svg.append(s('rect', {
        class: c ? `sr-cell ${rated ? 'sr-cell-on' : 'sr-cell-norate'}` : 'sr-cell',
        x: round(labelW + col * cell + 1), y: round(top + row * cellH + 1), width: round(cell - 2), height: round(cellH - 2), rx: 2,
        // The shade only carries the rate; the number is in the title and the table.
        'fill-opacity': rated ? (0.2 + 0.8 * c.level).toFixed(3) : null,
        dataset: c ? { weekday: d, hour: hr, posts: c.posts } : { weekday: d, hour: hr },
      }, c ? s('title', { text: c.title }) : null));
    }
  }
  return svg;
}
