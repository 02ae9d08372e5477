// The engagement definition: the preset with its explanation and sources, the denominator, the
// aggregation and per 1,000; and, network by network of the files, the interactions counted,
// reels and videos counted apart, the denominator. Changing a box makes the rule custom.

import { h } from '../dom.js';
import { field, select } from './controls.js';

/** The preset, its explanation and sources, the denominator and the aggregation. */
export function definitionFields(panel) {
  const t = panel.t;
  const o = panel.options;
  const d = panel.defaults;
  const info = panel.presetInfo(o.preset);
  const rule = panel.rule();
  const presetLabel = o.preset === 'custom' && panel.store.basedOn
    ? t.basedOn(panel.presetInfo(panel.store.basedOn).label)
    : null;
  return h('fieldset', { dataset: { group: 'definition' } },
    h('legend', { text: t.definition }),
    h('div', { class: 'sr-a-row' },
      field(t.preset, select('preset', d.presets.map((p) => [p.id, p.id === 'custom' && presetLabel ? `${p.label} (${presetLabel})` : p.label]), o.preset, (v) => panel.set((x) => {
        if (v === 'custom') panel.customise();
        else { x.preset = v; panel.store.basedOn = null; }
      }))),
      o.preset === 'custom' && JSON.stringify(o.engagement) !== JSON.stringify(d.options.engagement)
        ? h('button', { type: 'button', class: 'sr-btn', text: t.resetRule, dataset: { key: 'reset-rule' }, on: { click: () => panel.set((x) => { x.engagement = structuredClone(d.options.engagement); panel.store.basedOn = null; }) } })
        : null),
    h('p', { class: 'sr-a-expl', dataset: { explanation: o.preset }, text: info.explanation }),
    info.sources.length
      ? h('ul', { class: 'sr-a-sources', attrs: { 'aria-label': t.sources } }, h('li', { text: `${t.sources}${panel.colon}` }), info.sources.map((src) => h('li', {}, h('code', { text: src }))))
      : null,
    h('div', { class: 'sr-a-row', style: { marginTop: '10px' } },
      field(t.denominator, select('denominator', d.denominators.map((x) => [x.key, x.name]), rule.denominator, (v) => panel.set(() => { panel.customise().denominator = v; }))),
      panel.report?.definition.denominators
        ? h('p', { class: 'sr-hint', dataset: { denominators: '' }, text: `${t.dividedByNetwork}${panel.colon}${panel.report.definition.denominators}` })
        : null,
      h('div', { class: 'sr-field', attrs: { role: 'radiogroup', 'aria-label': t.aggregation } },
        h('span', { class: 'sr-lbl', text: t.aggregation }),
        h('div', {}, d.aggregations.map((a) => h('label', { class: 'sr-radio' },
          h('input', { type: 'radio', name: `agg-${panel.lang}`, value: a.key, checked: rule.aggregation === a.key, dataset: { key: `agg-${a.key}`, control: 'aggregation' }, on: { change: () => panel.set(() => { panel.customise().aggregation = a.key; }) } }),
          h('span', { text: a.name }))))),
      h('label', { class: 'sr-check' },
        h('input', { type: 'checkbox', checked: rule.per_thousand, dataset: { key: 'per-thousand' }, on: { change: (e) => panel.set(() => { panel.customise().per_thousand = e.target.checked; }) } }),
        h('span', { text: t.perThousand }))));
}

/** Interactions and denominator, network by network of the files. */
export function networkFields(panel) {
  const t = panel.t;
  const d = panel.defaults;
  const rule = panel.rule();
  const counted = panel.report?.definition.counted || [];
  const name = (list, key) => list.find((x) => x.key === key)?.name ?? key;
  const lookup = (map, key) => map[key] ?? map.default ?? null;
  const nets = counted.map((c) => {
    const key = c.network;
    const statics = lookup(rule.interactions, key) || [];
    const videoList = lookup(rule.video_interactions, key);
    const den = rule.denominator_by_network[key] ?? rule.denominator;
    const boxes = (list, which) => h('div', { class: 'sr-boxes', attrs: { role: 'group', 'aria-label': `${panel.networkName(key)} · ${which === 'video' ? t.videos : t.posts}` } },
      d.interactions.map((i) => {
        const absent = c.not_in_files.includes(i.key);
        return h('label', { title: absent ? t.absent : null },
          h('input', {
            type: 'checkbox',
            checked: list.includes(i.key),
            dataset: { key: `i-${which}-${key}-${i.key}`, network: key, interaction: i.key, list: which },
            on: { change: (e) => toggleInteraction(panel, key, which, i.key, e.target.checked) },
          }),
          h('span', { text: i.name }),
          absent && list.includes(i.key) ? h('span', { class: 'sr-absent-tag', text: t.absent }) : null);
      }));
    return h('div', { class: 'sr-net', dataset: { network: key } },
      h('div', { class: 'sr-net-name', text: panel.networkName(key) }),
      videoList ? h('div', { class: 'sr-lbl', text: t.posts }) : null,
      boxes(statics, 'static'),
      videoList ? [h('div', { class: 'sr-lbl', text: t.videos }), boxes(videoList, 'video')] : null,
      h('div', { class: 'sr-a-row', style: { marginTop: '6px' } },
        field(t.dividedBy, select(`den-${key}`, d.denominators.map((x) => [x.key, x.name]), den, (v) => setDenominator(panel, key, v))),
        h('label', { class: 'sr-check' },
          h('input', { type: 'checkbox', checked: Boolean(videoList), dataset: { key: `videos-${key}` }, on: { change: (e) => toggleVideos(panel, key, e.target.checked) } }),
          h('span', { text: t.videosApart }))),
      h('p', { class: 'sr-counted', dataset: { counted: key }, text: `${c.text} ÷ ${name(d.denominators, c.denominator)}` }));
  });
  return h('fieldset', { dataset: { group: 'networks' } },
    h('legend', { text: t.counted }),
    h('p', { class: 'sr-hint', text: counted.length ? t.countedHint : t.noNetworks }),
    nets);
}

function toggleInteraction(panel, network, which, interaction, on) {
  panel.set(() => {
    const rule = panel.customise();
    const map = which === 'video' ? rule.video_interactions : rule.interactions;
    const current = [...(map[network] ?? map.default ?? rule.interactions[network] ?? rule.interactions.default ?? [])];
    const next = on ? [...current, interaction] : current.filter((x) => x !== interaction);
    // Keep the page's order of interactions.
    map[network] = panel.defaults.interactions.map((i) => i.key).filter((k) => next.includes(k));
  });
}

function toggleVideos(panel, network, on) {
  panel.set(() => {
    const rule = panel.customise();
    const videos = rule.video_interactions;
    if (on) {
      videos[network] = [...(rule.interactions[network] ?? rule.interactions.default ?? [])];
      return;
    }
    // Off: this network's videos count as its other posts. A rule for every network (Later's)
    // stays with the other networks of the files, each under its own name.
    if (videos.default) {
      for (const c of panel.report.definition.counted) {
        if (c.network !== network && !videos[c.network]) videos[c.network] = [...videos.default];
      }
      delete videos.default;
    }
    delete videos[network];
  });
}

function setDenominator(panel, network, value) {
  panel.set(() => {
    const rule = panel.customise();
    if (value === rule.denominator) delete rule.denominator_by_network[network];
    else rule.denominator_by_network[network] = value;
  });
}
