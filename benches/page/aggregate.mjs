// The aggregation the JavaScript baselines (PapaParse, uDSV) do on each row, so that they do
// the work our full path does at the least: find the mapped columns by name, read every metric
// as a number (blank and `-` are unknown, not zero; `;` files write decimal commas), keep the
// totals and how many posts know each, one engagement rate per post, and per-day sums.
// Pure: node can run it too.

/** What each generated export is aggregated on (the columns our readers map). */
export const SPECS = {
  x: {
    id: 'tweet id',
    time: 'time',
    metrics: ['impressions', 'engagements', 'retweets', 'replies', 'likes', 'user profile clicks', 'url clicks', 'follows', 'media views'],
    /** engagements ÷ impressions */
    rate: ['engagements', 'impressions'],
    /** `2021-11-30 16:00 +0000` → `2021-11-30` */
    day: (t) => t.slice(0, 10),
    comma: false,
  },
  meta: {
    id: 'post id',
    time: 'publish time',
    metrics: ['views', 'reach', 'reactions, comments and shares', 'reactions', 'comments', 'shares', 'total clicks'],
    /** reactions, comments and shares ÷ reach */
    rate: ['reactions, comments and shares', 'reach'],
    /** `07/20/2026 02:00` → `2026-07-20` */
    day: (t) => `${t.slice(6, 10)}-${t.slice(0, 2)}-${t.slice(3, 5)}`,
    comma: true,
  },
};

const norm = (s) => s.replace(/^\ufeff/, '').trim().toLowerCase();

/** A number as the export writes it, or NaN when unknown. */
function number(text, comma) {
  if (text === '' || text === '-') return NaN;
  return Number(comma ? text.replace(',', '.') : text);
}

export class Aggregate {
  /** `header`: the header row's cells; `kind`: a key of SPECS. */
  constructor(header, kind) {
    const spec = SPECS[kind];
    const names = header.map(norm);
    const at = (name) => {
      const i = names.indexOf(name);
      if (i < 0) throw new Error(`no column "${name}" in the header`);
      return i;
    };
    this.spec = spec;
    this.idCol = at(spec.id);
    this.timeCol = at(spec.time);
    this.cols = spec.metrics.map(at);
    this.num = spec.metrics.indexOf(spec.rate[0]);
    this.den = spec.metrics.indexOf(spec.rate[1]);
    this.totals = new Float64Array(this.cols.length);
    this.known = new Float64Array(this.cols.length);
    this.days = new Map();
    this.ids = [];
    this.rates = [];
    this.rows = 0;
    this.values = new Float64Array(this.cols.length);
  }

  /** One data row (an array of cell strings). */
  row(cells) {
    if (cells.length < 2) return; // a blank line
    const { cols, values, totals, known, spec } = this;
    let day = this.days.get(spec.day(cells[this.timeCol]));
    if (!day) {
      day = new Float64Array(cols.length);
      this.days.set(spec.day(cells[this.timeCol]), day);
    }
    for (let k = 0; k < cols.length; k++) {
      const v = number(cells[cols[k]], spec.comma);
      values[k] = v;
      if (v === v) {
        totals[k] += v;
        known[k] += 1;
        day[k] += v;
      }
    }
    const num = values[this.num];
    const den = values[this.den];
    this.ids.push(cells[this.idCol]);
    this.rates.push(den > 0 ? num / den : null);
    this.rows += 1;
  }

  /** The figures, keyed by column name, for a check against the generator's manifest. */
  result() {
    const totals = {};
    const known = {};
    this.spec.metrics.forEach((m, k) => { totals[m] = this.totals[k]; known[m] = this.known[k]; });
    return { rows: this.rows, days: this.days.size, totals, known };
  }
}
