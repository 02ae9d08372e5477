// Formats the core's numbers for people, with the user's locale. Formatting only: every value
// arrives computed; units say how to show it (money, ratio, multiple, count, points, hours,
// months, per_thousand).

export class Format {
  constructor(locale, currency, minorDigits = 2) {
    this.locale = locale;
    this.currency = currency;
    this.minorDigits = minorDigits;
    this.cache = new Map();
  }

  nf(key, options) {
    let f = this.cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(this.locale, options);
      this.cache.set(key, f);
    }
    return f;
  }

  money(v) {
    // Small unit costs (0.57 per engagement) keep more digits than whole amounts.
    const small = Math.abs(v) < 10 && v !== 0 && this.minorDigits > 0;
    return this.nf(`money${small}`, {
      style: 'currency',
      currency: this.currency,
      minimumFractionDigits: this.minorDigits,
      maximumFractionDigits: small ? Math.max(this.minorDigits, 3) : this.minorDigits,
    }).format(v);
  }

  ratio(v) {
    return this.nf('ratio', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(v);
  }

  points(v) {
    const n = this.nf('points', { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v * 100);
    return `${n} pts`;
  }

  multiple(v) {
    return `${this.nf('multiple', { maximumFractionDigits: 2 }).format(v)}×`;
  }

  count(v) {
    // Whole counts without decimals; averages and estimates (10.22 comments per post) with two.
    const whole = Number.isInteger(v);
    return this.nf(`count${whole}`, { maximumFractionDigits: whole ? 0 : 2 }).format(v);
  }

  /** `12.3 per 1,000` / `12,3 pour 1 000`. */
  perThousand(v) {
    const per = this.locale.startsWith('fr') ? 'pour' : 'per';
    return `${this.nf('pt', { maximumFractionDigits: 2 }).format(v)} ${per} ${this.nf('k', {}).format(1000)}`;
  }

  unit(v, unit) {
    return this.nf(`unit-${unit}`, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 2 }).format(v);
  }

  /** `v` shown as its unit says. */
  value(v, unit) {
    switch (unit) {
      case 'money': return this.money(v);
      case 'ratio': return this.ratio(v);
      case 'points': return this.points(v);
      case 'multiple': return this.multiple(v);
      case 'hours': return this.unit(v, 'hour');
      case 'months': return this.unit(v, 'month');
      case 'per_thousand': return this.perThousand(v);
      default: return this.count(v);
    }
  }

  /** The currency's symbol as this locale writes it (`€`, `$`, `CHF`). */
  currencySymbol() {
    const part = this.nf('symbol', { style: 'currency', currency: this.currency }).formatToParts(0).find((p) => p.type === 'currency');
    return part ? part.value : this.currency;
  }
}

/** A number from the core shown in an input field, with the decimal mark of `mark`. */
export function fieldText(value, mark) {
  if (value == null) return '';
  if (typeof value === 'string') return value;
  const text = String(value);
  return mark === 'comma' ? text.replace('.', ',') : text;
}

/**
 * An ISO 8601 date or time as a certificate writes it (`2026-06-30T18:00:00Z`), in the words of
 * `locale` (`30 juin 2026 à 18:00:00 (UTC)`); the text itself when it is not one.
 */
export function isoWhen(locale, iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso || '');
  if (!m) return iso || '';
  const [, y, mo, d, hh, mi, ss, off] = m;
  const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh || 0), Number(mi || 0), Number(ss || 0)));
  const opts = { timeZone: 'UTC', dateStyle: 'long' };
  if (hh) opts.timeStyle = ss ? 'medium' : 'short';
  const text = new Intl.DateTimeFormat(locale, opts).format(at);
  return off ? `${text} (UTC${off === 'Z' ? '' : off})` : text;
}
