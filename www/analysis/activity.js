// Your activity: posts per week, messages received and answered, response times, by channel.

import { h } from '../dom.js';
import { table } from './table.js';

/** The activity section of report `r`. */
export function activitySection(panel, r) {
  const t = panel.t;
  const a = r.activity;
  const rows = [{ ...a.responses, channel: t.allChannels }, ...a.by_channel];
  const ids = a.responses.figures.map((f) => f.id);
  return panel.section('activity', t.activity,
    panel.cards([a.posts_per_week, ...a.posts_per_week_by_network]),
    h('h4', { text: t.responses }),
    a.business_hours_clock ? h('p', { class: 'sr-hint', text: a.business_hours_clock }) : null,
    panel.cards(a.responses.figures),
    a.by_channel.length
      ? h('div', { dataset: { channels: a.by_channel.length } }, table(panel, 'channels', [
        { label: t.channel, text: (c) => c.channel || '—', sort: (c) => c.channel || '', cls: 'sr-txt' },
        { label: t.received, text: (c) => panel.fmt.count(c.received), sort: (c) => c.received },
        { label: t.replied, text: (c) => panel.fmt.count(c.replied), sort: (c) => c.replied },
        ...ids.map((id, i) => ({
          label: a.responses.figures[i].label,
          text: (c) => panel.show(c.figures[i]?.value, c.figures[i]?.unit),
          title: (c) => (c.figures[i]?.value == null ? c.figures[i]?.reason : panel.describe(c.figures[i])),
          sort: (c) => c.figures[i]?.value,
        })),
      ], rows))
      : null);
}
