// The Analysis tab: what the dropped files mean. The options (preset, what counts on each
// network, denominator, aggregation, clock, business hours, period, typed costs) go to the
// core's `Workspace.analyze`; the report comes back with every figure computed, its formula
// and its inputs, and is drawn here as it is: KPI cards, charts (www/charts.js) with their
// numbers as tables, sortable tables, the cost link to the calculator, the share-count
// calculator, and exports (per-post CSV, the JSON report, a print view for PDF). Nothing here
// computes a figure: sorting, scales and shades are presentation.

import { today } from './reading.js';
import { adoptable } from './styles.js';
import { h, replace, uid } from './dom.js';
import { Format } from './format.js';
import { strings } from './i18n.js';
import { barChart, groupedBars, heatmap, timeChart } from './charts.js';

const NB = '\u00a0';

const STRINGS = {
  fr: {
    heading: 'Analyse de vos exports',
    intro: `Taux d’engagement, croissance, activité et coûts tirés de vos fichiers. Chaque chiffre donne sa formule et ses données${NB}: survolez-le ou lisez la ligne dessous.`,
    empty: `Aucun fichier pour l’instant${NB}: déposez vos exports ici (ou dans l’onglet Fichiers), l’analyse apparaîtra.`,
    noRecords: `Vos fichiers n’ont encore rien donné à analyser${NB}: voyez dans l’onglet Fichiers ce qui manque (des colonnes à associer, un fichier illisible).`,
    toFiles: 'Ouvrir l’onglet Fichiers',
    settings: `Plus de réglages${NB}: interactions par réseau, période, fuseau horaire, heures ouvrées, coûts saisis`,
    definition: 'Définition de l’engagement',
    preset: 'Définition',
    basedOn: (p) => `personnalisée, à partir de «${NB}${p}${NB}»`,
    sources: 'Sources (à copier dans votre navigateur)',
    resetRule: 'Revenir à la règle par défaut',
    counted: 'Interactions comptées, par réseau',
    countedHint: 'Cochez ce qui compte comme engagement sur chaque réseau de vos fichiers. Modifier une case passe en définition personnalisée.',
    absent: 'absent des fichiers',
    videosApart: 'Compter autrement les reels et vidéos',
    videos: 'Reels et vidéos',
    posts: 'Publications',
    denominator: 'Dénominateur',
    dividedBy: 'divisé par',
    aggregation: 'Agrégation',
    perThousand: 'Pour 1 000 (au lieu d’un pourcentage)',
    noNetworks: `Aucune publication dans les fichiers${NB}: rien à régler ici.`,
    clockPeriod: 'Période et horloge',
    from: 'Du',
    to: 'Au',
    allDays: 'Toute la période',
    offset: 'Fuseau de la carte horaire',
    asWritten: 'tel qu’écrit dans les fichiers',
    yours: 'le vôtre',
    topPosts: 'Meilleures et moins bonnes publications',
    businessHours: 'Heures ouvrées',
    useBusiness: 'Compter aussi les temps de réponse en heures ouvrées',
    open: 'Ouverture',
    close: 'Fermeture',
    typedCosts: 'Coûts saisis (pour le lien avec les coûts)',
    typedHint: 'Ajoutez ce que vous avez payé hors fichier de publicités (agence, boost payé par carte, lot d’un concours).',
    costLabel: 'Libellé',
    costAmount: 'Montant',
    costCurrency: 'Devise',
    adsCurrency: 'celle des publicités',
    addCost: 'Ajouter un coût',
    remove: 'Retirer',
    exports: 'Exporter',
    csv: 'Publications (CSV)',
    json: 'Rapport complet (JSON)',
    print: 'Imprimer ou PDF',
    printed: (d) => `Rapport édité le ${d} avec social-roi, sur votre machine.`,
    optionErrors: 'Réglages ignorés',
    notes: (n) => (n === 1 ? '1 remarque sur vos fichiers' : `${n} remarques sur vos fichiers`),
    range: (from, to, days) => `Du ${from} au ${to} (${days} jours)`,
    noRange: 'Aucun enregistrement daté',
    rangeCounts: (r) => [[r.posts, 'publication'], [r.daily_rows, 'jour de statistiques', 'jours de statistiques'], [r.ad_rows, 'ligne de publicité', 'lignes de publicité'], [r.messages, 'message']].map(([n, one, many]) => `${n} ${n === 1 ? one : many ?? `${one}s`}`).join(' · '),
    followers: 'Abonnés au moment de la publication',
    clock: 'Horloge',
    kpis: 'Chiffres clés',
    byDenominator: 'Le même engagement, par dénominateur',
    audience: 'Conversation, amplification, applaudissement (Kaushik), viralité, CTR',
    inputsUsed: 'Données utilisées',
    overTime: 'Au fil du temps',
    granularity: 'Pas',
    day: 'Jour',
    week: 'Semaine',
    month: 'Mois',
    series: 'Série',
    partial: 'période partielle (plus claire)',
    weekOf: (d) => `semaine du ${d}`,
    lastPeriod: (p, v) => `Dernière période (${p})${NB}: ${v}`,
    vsPrevious: (d, c) => `${d}${c ? ` (${c})` : ''} par rapport à la précédente`,
    numbers: 'Voir les chiffres',
    period: 'Période',
    value: 'Valeur',
    delta: 'Écart',
    change: 'Évolution',
    heatmap: 'Jour et heure de publication',
    heatmapHint: `Chaque case est une heure de la semaine${NB}; plus elle est foncée, meilleur est le taux d’engagement des publications de cette heure (case grise${NB}: publiées, sans taux).`,
    heatmapPosts: `Chaque case est une heure de la semaine${NB}; aucune n’a de taux d’engagement (le dénominateur choisi manque dans les fichiers)${NB}: plus elle est foncée, plus il y a eu de publications.`,
    best: 'Meilleurs moments (au moins 2 publications)',
    weekday: 'Jour',
    hour: 'Heure',
    rate: 'Taux',
    engagements: 'Engagements',
    compare: 'Comparaisons',
    byNetwork: 'Par réseau',
    byType: 'Par type de publication',
    group: 'Groupe',
    otherAggregation: 'Autre agrégation',
    topBottom: 'Meilleures et moins bonnes publications',
    top: 'Meilleures',
    bottom: 'Moins bonnes',
    date: 'Date',
    network: 'Réseau',
    type: 'Type',
    text: 'Texte',
    denominatorValue: 'Dénominateur',
    platformRate: 'Taux de la plateforme',
    growth: 'Abonnés',
    allNetworks: 'Tous réseaux',
    weekly: 'Rythme de publication et désabonnements, par semaine',
    weekStart: 'Semaine du',
    newFollows: 'Nouveaux abonnements',
    unfollows: 'Désabonnements',
    net: 'Solde',
    days: 'Jours',
    activity: 'Votre activité',
    responses: 'Messages reçus et réponses',
    channel: 'Canal',
    received: 'Reçus',
    replied: 'Répondus',
    allChannels: 'Tous canaux',
    costs: 'Coûts',
    ads: (c, n) => `Publicités en ${c} (${n} ${n === 1 ? 'ligne' : 'lignes'})`,
    adsUnknown: (n) => `Publicités, devise inconnue (${n} ${n === 1 ? 'ligne' : 'lignes'})`,
    overall: (c) => `Toutes les dépenses (${c}) face aux chiffres de l’analyse`,
    toRoi: 'Reporter dans le calculateur de ROI',
    toRoiHint: 'Ajoute les volumes (engagements, clics, nouveaux abonnés) et la dépense publicitaire au calculateur.',
    applied: 'Reporté dans le calculateur',
    currencyChanged: (a, b) => `devise ${a} → ${b}`,
    costAdded: (l, v) => `ligne de coût «${NB}${l}${NB}» ${v}`,
    openRoi: 'Ouvrir le calculateur',
    nothingToApply: `Rien à reporter${NB}: les fichiers n’ont ni volumes ni dépense.`,
    shareCount: 'Nombre de partages Facebook',
    shareCountHint: `Le «${NB}nombre de partages${NB}» que Facebook affiche pour un lien additionne les partages, les j’aime et les commentaires reçus par ces partages. Donnez trois des quatre nombres${NB}: le quatrième est calculé.`,
    computed: 'calculé',
    sortBy: (c) => `Trier par ${c}`,
    csvHead: ['id', 'réseau', 'compte', 'publiée le', 'type', 'texte', 'lien', 'engagements', 'dénominateur', 'valeur du dénominateur', 'taux', 'taux de la plateforme', 'portée', 'impressions', 'vues', 'réactions', 'commentaires', 'partages', 'enregistrements', 'clics', 'clics sur le lien', 'abonnés au moment de la publication', 'fichier', 'ligne'],
    ratioUnit: 'ratio',
    perThousandUnit: 'pour 1 000',
    loadError: `L’analyse n’a pas pu être calculée${NB}:`,
  },
  en: {
    heading: 'Analysis of your exports',
    intro: 'Engagement rates, growth, activity and costs from your files. Every figure gives its formula and inputs: hover it or read the line below it.',
    empty: 'No file yet: drop your exports here (or in the Files tab) and the analysis will appear.',
    noRecords: 'Your files have given nothing to analyse yet: the Files tab says what is missing (columns to map, a file it cannot read).',
    toFiles: 'Open the Files tab',
    settings: 'More settings: interactions per network, period, time zone, business hours, typed costs',
    definition: 'Engagement definition',
    preset: 'Definition',
    basedOn: (p) => `custom, starting from “${p}”`,
    sources: 'Sources (copy them into your browser)',
    resetRule: 'Back to the default rule',
    counted: 'Interactions counted, per network',
    countedHint: 'Tick what counts as engagement on each network of your files. Changing a box switches to a custom definition.',
    absent: 'not in the files',
    videosApart: 'Count reels and videos differently',
    videos: 'Reels and videos',
    posts: 'Posts',
    denominator: 'Denominator',
    dividedBy: 'divided by',
    aggregation: 'Aggregation',
    perThousand: 'Per 1,000 (instead of a percentage)',
    noNetworks: 'No posts in the files: nothing to set here.',
    clockPeriod: 'Period and clock',
    from: 'From',
    to: 'To',
    allDays: 'Whole period',
    offset: 'Time zone of the heatmap',
    asWritten: 'as written in the files',
    yours: 'yours',
    topPosts: 'Top and bottom posts',
    businessHours: 'Business hours',
    useBusiness: 'Also count response times in business hours',
    open: 'Opening',
    close: 'Closing',
    typedCosts: 'Typed costs (for the cost link)',
    typedHint: 'Add what you paid outside the ads file (agency, a boost paid by card, a contest prize).',
    costLabel: 'Label',
    costAmount: 'Amount',
    costCurrency: 'Currency',
    adsCurrency: 'the ads’ own',
    addCost: 'Add a cost',
    remove: 'Remove',
    exports: 'Export',
    csv: 'Posts (CSV)',
    json: 'Full report (JSON)',
    print: 'Print or PDF',
    printed: (d) => `Report made on ${d} with social-roi, on your machine.`,
    optionErrors: 'Settings ignored',
    notes: (n) => (n === 1 ? '1 note about your files' : `${n} notes about your files`),
    range: (from, to, days) => `${from} to ${to} (${days} days)`,
    noRange: 'No dated record',
    rangeCounts: (r) => [[r.posts, 'post'], [r.daily_rows, 'day of account totals', 'days of account totals'], [r.ad_rows, 'ad row'], [r.messages, 'message']].map(([n, one, many]) => `${n} ${n === 1 ? one : many ?? `${one}s`}`).join(' · '),
    followers: 'Followers at posting time',
    clock: 'Clock',
    kpis: 'Key figures',
    byDenominator: 'The same engagement, by denominator',
    audience: 'Conversation, amplification, applause (Kaushik), virality, CTR',
    inputsUsed: 'Inputs used',
    overTime: 'Over time',
    granularity: 'Step',
    day: 'Day',
    week: 'Week',
    month: 'Month',
    series: 'Series',
    partial: 'partial period (lighter)',
    weekOf: (d) => `week of ${d}`,
    lastPeriod: (p, v) => `Last period (${p}): ${v}`,
    vsPrevious: (d, c) => `${d}${c ? ` (${c})` : ''} from the one before`,
    numbers: 'See the numbers',
    period: 'Period',
    value: 'Value',
    delta: 'Change',
    change: 'Change (%)',
    heatmap: 'Day and hour of posting',
    heatmapHint: 'Each square is an hour of the week; the darker, the better the engagement rate of the posts of that hour (grey: posts without a rate).',
    heatmapPosts: 'Each square is an hour of the week; none has an engagement rate (the chosen denominator is not in the files): the darker, the more posts.',
    best: 'Best times (at least 2 posts)',
    weekday: 'Day',
    hour: 'Hour',
    rate: 'Rate',
    engagements: 'Engagements',
    compare: 'Comparisons',
    byNetwork: 'By network',
    byType: 'By post type',
    group: 'Group',
    otherAggregation: 'Other aggregation',
    topBottom: 'Top and bottom posts',
    top: 'Top',
    bottom: 'Bottom',
    date: 'Date',
    network: 'Network',
    type: 'Type',
    text: 'Text',
    denominatorValue: 'Denominator',
    platformRate: 'Platform’s rate',
    growth: 'Followers',
    allNetworks: 'All networks',
    weekly: 'Posting frequency beside unfollows, week by week',
    weekStart: 'Week of',
    newFollows: 'New follows',
    unfollows: 'Unfollows',
    net: 'Net',
    days: 'Days',
    activity: 'Your activity',
    responses: 'Messages received and answered',
    channel: 'Channel',
    received: 'Received',
    replied: 'Answered',
    allChannels: 'All channels',
    costs: 'Costs',
    ads: (c, n) => `Ads in ${c} (${n} ${n === 1 ? 'row' : 'rows'})`,
    adsUnknown: (n) => `Ads, currency unknown (${n} ${n === 1 ? 'row' : 'rows'})`,
    overall: (c) => `All spend (${c}) against the analysis’ counts`,
    toRoi: 'Carry into the ROI calculator',
    toRoiHint: 'Adds the counts (engagements, clicks, new followers) and the ad spend to the calculator.',
    applied: 'Carried into the calculator',
    currencyChanged: (a, b) => `currency ${a} → ${b}`,
    costAdded: (l, v) => `cost line “${l}” ${v}`,
    openRoi: 'Open the calculator',
    nothingToApply: 'Nothing to carry: the files have neither counts nor spend.',
    shareCount: 'Facebook share count',
    shareCountHint: 'The “share count” Facebook shows for a link adds up the shares and the likes and comments those shares received. Give three of the four numbers: the fourth is worked out.',
    computed: 'worked out',
    sortBy: (c) => `Sort by ${c}`,
    csvHead: ['id', 'network', 'account', 'published', 'type', 'text', 'link', 'engagements', 'denominator', 'denominator value', 'rate', 'platform rate', 'reach', 'impressions', 'views', 'reactions', 'comments', 'shares', 'saves', 'clicks', 'link clicks', 'followers at posting time', 'file', 'line'],
    ratioUnit: 'ratio',
    perThousandUnit: 'per 1,000',
    loadError: 'The analysis could not be computed:',
  },
};

const NETWORKS = { x: 'X', facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn', youtube: 'YouTube', tiktok: 'TikTok', web: 'Web', other: '—' };
const SHARE_FIELDS = ['share_count', 'shares', 'likes_on_shares', 'comments_on_shares'];
/** The width charts are drawn at for print: an A4 page's text width, about. */
const PRINT_WIDTH = 680;
/** Offsets people live on: every half hour, and the three quarter-hour ones. */
const OFFSETS = [...Array.from({ length: 53 }, (_, i) => -720 + i * 30), 345, 525, 765].sort((a, b) => a - b);

const css = `
.sr-analysis { display: grid; gap: 16px; min-width: 0; }
.sr-analysis > *, .sr-a-report > * { min-width: 0; }
.sr-analysis h3 { font-size: 1.1rem; margin: 0 0 8px; }
.sr-analysis h4 { font-size: 0.95rem; margin: 12px 0 6px; }
.sr-a-quick, .sr-a-options { border: 1px solid var(--sr-line); border-radius: var(--sr-radius); background: var(--sr-panel); padding: 10px 14px; }
.sr-a-quick { margin-bottom: 8px; }
.sr-a-quick fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.sr-a-quick legend { font-weight: 700; padding: 0; margin-bottom: 6px; }
.sr-a-options > summary { cursor: pointer; font-weight: 700; }
.sr-a-options fieldset { border: 0; padding: 0; margin: 12px 0 0; min-width: 0; }
.sr-a-options legend { font-weight: 650; padding: 0; margin-bottom: 6px; }
.sr-a-row { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; }
.sr-a-row > .sr-field { min-width: 150px; flex: 0 1 auto; }
.sr-a-row select, .sr-a-row input[type="date"], .sr-a-row input[type="time"], .sr-a-row input[type="text"] { border: 1px solid #b9c4c6; border-radius: 6px; background: #fff; padding: 6px 8px; max-width: 100%; }
.sr-a-expl { margin: 6px 0 0; font-size: 0.9rem; }
.sr-a-sources { margin: 4px 0 0; padding: 0; list-style: none; font-size: 0.75rem; color: var(--sr-muted); overflow-wrap: anywhere; }
.sr-a-sources code { font-size: 0.75rem; }
.sr-net { border: 1px solid var(--sr-line); border-radius: 8px; background: var(--sr-bg); padding: 8px 10px; margin-top: 8px; min-width: 0; }
.sr-net-name { font-weight: 700; }
.sr-boxes { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 4px 0; }
.sr-boxes label { display: inline-flex; gap: 5px; align-items: center; font-size: 0.875rem; min-width: 0; }
.sr-boxes input { accent-color: var(--sr-accent); }
.sr-absent-tag { font-size: 0.7rem; color: #7a5200; background: #fff4d6; border-radius: 999px; padding: 0 6px; }
.sr-counted { font-size: 0.8rem; color: var(--sr-muted); overflow-wrap: anywhere; }
.sr-radio { display: inline-flex; gap: 6px; align-items: center; margin-right: 14px; font-size: 0.9rem; }
.sr-a-row .sr-invalid { outline: 2px solid var(--sr-danger); border-radius: 6px; }
.sr-a-msg { color: var(--sr-danger); font-size: 0.8rem; flex-basis: 100%; }
.sr-a-msg:empty { display: none; }
.sr-a-report { display: grid; gap: 18px; min-width: 0; }
.sr-a-section { border-top: 2px solid var(--sr-line); padding-top: 12px; min-width: 0; }
.sr-a-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.sr-a-def { font-size: 0.9rem; display: grid; gap: 4px; }
.sr-a-def p { margin: 0; }
.sr-a-def ul { margin: 0; padding-left: 18px; }
.sr-a-kpis .sr-card { min-width: 0; }
.sr-card-head { display: grid; gap: 10px; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); margin-bottom: 10px; }
.sr-a-report .sr-card-value { overflow-wrap: anywhere; }
.sr-a-report .sr-inputs li { display: inline; }
.sr-chart-box { width: 100%; min-height: 40px; }
.sr-chart { display: block; width: 100%; height: auto; font: 11px var(--sr-font); }
.sr-chart .sr-tick { fill: var(--sr-muted); }
.sr-chart .sr-label { fill: var(--sr-fg); font-size: 12px; }
.sr-chart .sr-value { fill: var(--sr-fg); font-size: 12px; font-weight: 600; }
.sr-chart .sr-grid { stroke: var(--sr-line); stroke-width: 1; }
.sr-chart .sr-axis { stroke: var(--sr-muted); stroke-width: 1; }
.sr-chart .sr-bar { fill: var(--sr-accent); }
.sr-chart .sr-bar.sr-neg { fill: var(--sr-bad); }
.sr-chart .sr-bar.sr-alt { fill: #d08c2f; }
.sr-chart .sr-partial { fill-opacity: 0.45; }
.sr-chart .sr-line { fill: none; stroke: var(--sr-accent); stroke-width: 2; }
.sr-chart .sr-dot { fill: var(--sr-accent); }
.sr-chart .sr-cell { fill: var(--sr-panel); }
.sr-chart .sr-cell-on { fill: var(--sr-accent); }
.sr-chart .sr-cell-norate { fill: #9aa7aa; }
.sr-a-change { font-size: 0.9rem; margin: 6px 0 0; }
.sr-a-report details > summary { cursor: pointer; color: var(--sr-accent); font-size: 0.875rem; margin-top: 6px; }
.sr-scroll { overflow-x: auto; max-width: 100%; }
.sr-a-table { border-collapse: collapse; font-size: 0.85rem; font-variant-numeric: tabular-nums; min-width: 100%; }
.sr-a-table th, .sr-a-table td { border-bottom: 1px solid var(--sr-line); padding: 4px 8px; text-align: right; vertical-align: top; }
.sr-a-table th:first-child, .sr-a-table td:first-child, .sr-a-table .sr-txt { text-align: left; }
.sr-a-table td.sr-txt { min-width: 9em; max-width: 22em; overflow-wrap: break-word; }
.sr-a-table thead th { color: var(--sr-muted); font-size: 0.8rem; white-space: nowrap; }
.sr-a-table th button { border: 0; background: none; font: inherit; color: inherit; cursor: pointer; padding: 0; text-align: inherit; }
.sr-a-table th[aria-sort="ascending"] button::after { content: " ▲"; }
.sr-a-table th[aria-sort="descending"] button::after { content: " ▼"; }
.sr-a-two { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
@container (min-width: 900px) { .sr-a-two { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.sr-a-cost-lines { display: grid; gap: 6px; }
.sr-a-cost-line { display: flex; flex-wrap: wrap; gap: 6px; align-items: end; }
.sr-a-status { font-size: 0.9rem; }
.sr-a-status ul { margin: 4px 0; padding-left: 18px; }
.sr-share-grid { display: grid; gap: 8px 12px; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); align-items: end; }
.sr-share-grid .sr-field input { border: 1px solid #b9c4c6; border-radius: 6px; padding: 6px 8px; }
.sr-share-grid .sr-computed input { border-color: var(--sr-accent); background: var(--sr-accent-soft); font-weight: 700; }
.sr-print-only { display: none; }
.sr-warnings { margin: 0; padding-left: 18px; font-size: 0.85rem; color: #6b4a00; }
@media print {
  .sr-analysis, .sr-a-report { display: block; }
  .sr-app > .sr-notice { display: none !important; }
  .sr-analysis h3, .sr-analysis h4 { break-after: avoid; }
  .sr-tabs, .sr-head .sr-controls, .sr-a-quick, .sr-a-options, .sr-a-exports, .sr-a-apply, .sr-btn, .sr-drop, .sr-a-series-controls, .sr-a-share { display: none !important; }
  .sr-print-only { display: block; }
  .sr-app { padding: 0; max-width: none; }
  .sr-a-section { break-before: page; border-top: 0; }
  .sr-a-section.sr-a-first { break-before: auto; }
  .sr-card, .sr-chart, .sr-a-table tr, .sr-net { break-inside: avoid; }
  .sr-a-report details { display: block; }
  .sr-a-report details > summary { display: none; }
  .sr-card.sr-headline { color: #000; background: none; border: 2px solid #000; }
  .sr-headline .sr-card-label, .sr-headline .sr-formula, .sr-headline .sr-inputs { color: #333; }
  .sr-scroll { overflow: visible; }
}
`;

const sheet = adoptable(css);


function offsetText(minutes) {
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** `2026-06-01` → a Date at UTC midnight, for formatting only. */
function day(iso) {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * A CSV cell. Text (from the files: a post's text, its type, an id) that a spreadsheet could
 * run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`; numbers written from
 * the report stay numbers. Quoted when it holds the separator, a quote or a line break.
 */
export function csvCell(value, sep, isText = true) {
  if (value == null) return '';
  let text = String(value);
  if (isText && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return text.includes(sep) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class AnalysisPanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.locale = ctx.locale;
    this.t = STRINGS[ctx.lang] ?? STRINGS.en;
    this.store = ctx.store;
    this.shared = ctx.shared;
    this.shared.workspace ??= new this.core.Workspace(today());
    this.defaults = this.core.analysisDefaults(this.lang);
    this.currencies = this.core.currencies().map((c) => c.code);
    this.mark = this.lang === 'fr' ? 'comma' : 'point';
    if (!this.store.options) {
      const o = structuredClone(this.defaults.options);
      // The heatmap's clock: the browser's own offset, today.
      o.utc_offset_minutes = -new Date().getTimezoneOffset();
      this.store.options = o;
    }
    // Typed text is read with the mark it was typed with; with nothing typed, this language's.
    if (!this.store.options.costs.length) this.store.options.decimal_mark = this.mark;
    this.store.view ??= { granularity: 'week', series: 'engagements', sorts: {}, optionsOpen: null };
    this.store.share ??= { share_count: '', shares: '', likes_on_shares: '', comments_on_shares: '', decimal_mark: this.mark };
    this.fmt = new Format(this.locale, 'EUR');
    this.sheets = [sheet()];
    this.charts = [];
    this.width = 0;
    this.el = h('div', { class: 'sr-analysis', dataset: { panel: 'analysis' } });
    this.observer = new ResizeObserver(() => this.resized());
    this.observer.observe(this.el);
    // Print lays the page out at the paper's width, where no resize is seen: charts are drawn
    // for it before, and again for the screen after.
    this.print = matchMedia('print');
    this.onPrint = () => this.drawCharts(this.print.matches ? PRINT_WIDTH : null);
    this.beforePrint = () => this.drawCharts(PRINT_WIDTH);
    this.afterPrint = () => this.drawCharts(null);
    this.print.addEventListener('change', this.onPrint);
    window.addEventListener('beforeprint', this.beforePrint);
    window.addEventListener('afterprint', this.afterPrint);
    this.render();
  }

  destroy() {
    this.observer.disconnect();
    this.print.removeEventListener('change', this.onPrint);
    window.removeEventListener('beforeprint', this.beforePrint);
    window.removeEventListener('afterprint', this.afterPrint);
    clearTimeout(this.timer);
    clearTimeout(this.resizeTimer);
  }

  get ws() {
    return this.shared.workspace;
  }

  get options() {
    return this.store.options;
  }

  get colon() {
    return this.lang === 'fr' ? `${NB}: ` : ': ';
  }

  // -- formatting --------------------------------------------------------------------

  date(iso, opts = { day: 'numeric', month: 'long', year: 'numeric' }) {
    // Formatters are slow to make: one per kind of date, kept.
    const key = JSON.stringify(opts);
    this.dates ??= new Map();
    if (!this.dates.has(key)) this.dates.set(key, new Intl.DateTimeFormat(this.locale, { ...opts, timeZone: 'UTC' }));
    return this.dates.get(key).format(day(iso));
  }

  /** A post's time as the export wrote it: `2 juin 2026 10:00` (with its offset, if any). */
  when(published) {
    if (!published) return '—';
    const time = published.slice(11, 16);
    const offset = published.length > 19 ? ` ${published.slice(19).replace('+00:00', 'UTC')}` : '';
    return `${this.date(published, { day: 'numeric', month: 'short', year: 'numeric' })}${time ? ` ${time}` : ''}${offset}`;
  }

  fmtFor(currency) {
    return currency ? new Format(this.locale, currency) : this.fmt;
  }

  show(v, unit, fmt = this.fmt) {
    return v == null ? '—' : fmt.value(v, unit);
  }

  signed(v, unit) {
    if (v == null) return '';
    if (unit === 'ratio') return this.fmt.points(v);
    return this.fmt.nf(`signed-${unit}`, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v);
  }

  percentChange(v) {
    return v == null ? '' : this.fmt.nf('pct-signed', { style: 'percent', maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(v);
  }

  /** Formula and inputs, for tooltips. */
  describe(fig, fmt = this.fmt) {
    const inputs = fig.inputs.map((i) => `${i.name} = ${fmt.value(i.value, i.unit)}`).join(' ; ');
    return inputs ? `${fig.formula}\n${inputs}` : fig.formula;
  }

  card(fig, fmt = this.fmt, extra = '') {
    if (!fig) return null;
    const has = fig.value != null;
    return h('article', { class: `sr-card ${extra}`, dataset: { id: fig.id }, title: this.describe(fig, fmt) },
      h('h4', { class: 'sr-card-label', text: fig.label }),
      h('p', { class: `sr-card-value${has ? '' : ' sr-na'}`, text: has ? fmt.value(fig.value, fig.unit) : '—', dataset: has ? { value: fig.value } : {} }),
      has ? null : h('p', { class: 'sr-reason', text: fig.reason }),
      h('p', { class: 'sr-formula', text: fig.formula }),
      fig.inputs.length
        ? h('ul', { class: 'sr-inputs', attrs: { 'aria-label': this.t.inputsUsed } }, fig.inputs.map((i) => h('li', { text: `${i.name}${this.colon}${fmt.value(i.value, i.unit)}` })))
        : null);
  }

  cards(figs, fmt = this.fmt) {
    return h('div', { class: 'sr-cards' }, figs.map((f) => this.card(f, fmt)));
  }

  // -- state -----------------------------------------------------------------------------

  hasFiles() {
    const totals = this.ws.totals(this.lang);
    return Object.values(totals.records).some((n) => n > 0);
  }

  /** Files were dropped, and none gave a record yet (columns to map, unreadable). */
  filesWithoutRecords() {
    return this.ws.reports(this.lang).length > 0;
  }

  presetInfo(id) {
    return this.defaults.presets.find((p) => p.id === id);
  }

  /** The rule in force: the preset's, or the options' own. */
  rule() {
    const o = this.options;
    return o.preset === 'custom' ? o.engagement : this.presetInfo(o.preset).rule;
  }

  /** Makes the definition editable: a preset becomes a custom rule starting from it. */
  customise() {
    const o = this.options;
    if (o.preset !== 'custom') {
      this.store.basedOn = o.preset;
      o.engagement = structuredClone(this.presetInfo(o.preset).rule);
      o.preset = 'custom';
    }
    return o.engagement;
  }

  /** Changes the options; the form is rebuilt when its shape depends on the change. */
  set(mutate, { form = true, delay = 0 } = {}) {
    mutate(this.options);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.compute(form), delay);
  }

  // -- rendering -------------------------------------------------------------------------

  render() {
    const t = this.t;
    this.formBox = h('div');
    this.reportBox = h('div', { class: 'sr-a-report', attrs: { 'aria-live': 'polite' } });
    this.shareBox = h('section', { class: 'sr-a-section sr-a-share', dataset: { section: 'share-count' } });
    const files = this.hasFiles();
    replace(this.el,
      h('div', {},
        h('h2', { class: 'sr-section-title', text: t.heading }),
        h('p', { class: 'sr-hint', text: t.intro })),
      files
        ? [this.formBox, this.reportBox]
        : h('div', { class: 'sr-notice', dataset: { empty: 'true' } },
          h('p', { text: this.filesWithoutRecords() ? t.noRecords : t.empty, style: { margin: '0 0 8px' } }),
          h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toFiles, dataset: { action: 'to-files' }, on: { click: () => this.ctx.element.showTab('files') } })),
      this.shareBox);
    this.renderShareCount();
    if (files) this.compute(true);
  }

  compute(form) {
    try {
      // Without the per-post rows: only the exports need them (see `full()`).
      this.report = this.ws.analyze(this.options, this.lang, false);
    } catch (e) {
      replace(this.reportBox, h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, text: `${this.t.loadError} ${e?.message || e}` }));
      return;
    }
    if (form) this.renderForm();
    this.showFieldErrors();
    this.renderReport();
  }

  /** Rebuilds the options form, keeping focus on the control that had it. */
  renderForm() {
    const active = this.el.getRootNode().activeElement;
    const key = active && this.formBox.contains(active) ? active.dataset.key : null;
    // The definition in sight; the rest behind a summary, so the figures come first.
    const open = this.store.view.optionsOpen ?? false;
    const details = h('details', { class: 'sr-a-options', open, on: { toggle: (e) => { this.store.view.optionsOpen = e.target.open; } } },
      h('summary', { text: this.t.settings }),
      this.networkFields(),
      this.periodFields(),
      this.businessFields(),
      this.costFields());
    replace(this.formBox, h('div', { class: 'sr-a-quick' }, this.definitionFields()), details);
    if (key) this.formBox.querySelector(`[data-key="${CSS.escape(key)}"]`)?.focus();
  }

  field(label, control, path) {
    return h('label', { class: 'sr-field', dataset: path ? { path } : {} },
      h('span', { class: 'sr-lbl', text: label }), control,
      path ? h('span', { class: 'sr-a-msg', attrs: { role: 'alert' } }) : null);
  }

  select(key, options, current, onChange) {
    return h('select', { dataset: { key, control: key }, on: { change: (e) => onChange(e.target.value) } },
      options.map(([value, text]) => h('option', { value, text, selected: value === current })));
  }

  /** Interactions and denominator, network by network of the files. */
  networkFields() {
    const t = this.t;
    const d = this.defaults;
    const rule = this.rule();
    const counted = this.report?.definition.counted || [];
    const name = (list, key) => list.find((x) => x.key === key)?.name ?? key;
    const lookup = (map, key) => map[key] ?? map.default ?? null;
    const nets = counted.map((c) => {
      const key = c.network;
      const statics = lookup(rule.interactions, key) || [];
      const videoList = lookup(rule.video_interactions, key);
      const den = rule.denominator_by_network[key] ?? rule.denominator;
      const boxes = (list, which) => h('div', { class: 'sr-boxes', attrs: { role: 'group', 'aria-label': `${NETWORKS[key] ?? key} · ${which === 'video' ? t.videos : t.posts}` } },
        d.interactions.map((i) => {
          const absent = c.not_in_files.includes(i.key);
          return h('label', { title: absent ? t.absent : null },
            h('input', {
              type: 'checkbox',
              checked: list.includes(i.key),
              dataset: { key: `i-${which}-${key}-${i.key}`, network: key, interaction: i.key, list: which },
              on: { change: (e) => this.toggleInteraction(key, which, i.key, e.target.checked) },
            }),
            h('span', { text: i.name }),
            absent && list.includes(i.key) ? h('span', { class: 'sr-absent-tag', text: t.absent }) : null);
        }));
      return h('div', { class: 'sr-net', dataset: { network: key } },
        h('div', { class: 'sr-net-name', text: NETWORKS[key] ?? key }),
        videoList ? h('div', { class: 'sr-lbl', text: t.posts }) : null,
        boxes(statics, 'static'),
        videoList ? [h('div', { class: 'sr-lbl', text: t.videos }), boxes(videoList, 'video')] : null,
        h('div', { class: 'sr-a-row', style: { marginTop: '6px' } },
          this.field(t.dividedBy, this.select(`den-${key}`, d.denominators.map((x) => [x.key, x.name]), den, (v) => this.setDenominator(key, v))),
          h('label', { class: 'sr-check' },
            h('input', { type: 'checkbox', checked: Boolean(videoList), dataset: { key: `videos-${key}` }, on: { change: (e) => this.toggleVideos(key, e.target.checked) } }),
            h('span', { text: t.videosApart }))),
        h('p', { class: 'sr-counted', dataset: { counted: key }, text: `${c.text} ÷ ${name(d.denominators, c.denominator)}` }));
    });
    return h('fieldset', { dataset: { group: 'networks' } },
      h('legend', { text: t.counted }),
      h('p', { class: 'sr-hint', text: counted.length ? t.countedHint : t.noNetworks }),
      nets);
  }

  /** The preset, its explanation and sources, the denominator and the aggregation. */
  definitionFields() {
    const t = this.t;
    const o = this.options;
    const d = this.defaults;
    const info = this.presetInfo(o.preset);
    const rule = this.rule();
    const presetLabel = o.preset === 'custom' && this.store.basedOn
      ? t.basedOn(this.presetInfo(this.store.basedOn).label)
      : null;
    return h('fieldset', { dataset: { group: 'definition' } },
      h('legend', { text: t.definition }),
      h('div', { class: 'sr-a-row' },
        this.field(t.preset, this.select('preset', d.presets.map((p) => [p.id, p.id === 'custom' && presetLabel ? `${p.label} (${presetLabel})` : p.label]), o.preset, (v) => this.set((x) => {
          if (v === 'custom') this.customise();
          else { x.preset = v; this.store.basedOn = null; }
        }))),
        o.preset === 'custom' && JSON.stringify(o.engagement) !== JSON.stringify(d.options.engagement)
          ? h('button', { type: 'button', class: 'sr-btn', text: t.resetRule, dataset: { key: 'reset-rule' }, on: { click: () => this.set((x) => { x.engagement = structuredClone(d.options.engagement); this.store.basedOn = null; }) } })
          : null),
      h('p', { class: 'sr-a-expl', dataset: { explanation: o.preset }, text: info.explanation }),
      info.sources.length
        ? h('ul', { class: 'sr-a-sources', attrs: { 'aria-label': t.sources } }, h('li', { text: `${t.sources}${this.colon}` }), info.sources.map((src) => h('li', {}, h('code', { text: src }))))
        : null,
      h('div', { class: 'sr-a-row', style: { marginTop: '10px' } },
        this.field(t.denominator, this.select('denominator', d.denominators.map((x) => [x.key, x.name]), rule.denominator, (v) => this.set(() => { this.customise().denominator = v; }))),
        h('div', { class: 'sr-field', attrs: { role: 'radiogroup', 'aria-label': t.aggregation } },
          h('span', { class: 'sr-lbl', text: t.aggregation }),
          h('div', {}, d.aggregations.map((a) => h('label', { class: 'sr-radio' },
            h('input', { type: 'radio', name: `agg-${this.lang}`, value: a.key, checked: rule.aggregation === a.key, dataset: { key: `agg-${a.key}`, control: 'aggregation' }, on: { change: () => this.set(() => { this.customise().aggregation = a.key; }) } }),
            h('span', { text: a.name }))))),
        h('label', { class: 'sr-check' },
          h('input', { type: 'checkbox', checked: rule.per_thousand, dataset: { key: 'per-thousand' }, on: { change: (e) => this.set(() => { this.customise().per_thousand = e.target.checked; }) } }),
          h('span', { text: t.perThousand }))));
  }

  toggleInteraction(network, which, interaction, on) {
    this.set(() => {
      const rule = this.customise();
      const map = which === 'video' ? rule.video_interactions : rule.interactions;
      const current = [...(map[network] ?? map.default ?? rule.interactions[network] ?? rule.interactions.default ?? [])];
      const next = on ? [...current, interaction] : current.filter((x) => x !== interaction);
      // Keep the page's order of interactions.
      map[network] = this.defaults.interactions.map((i) => i.key).filter((k) => next.includes(k));
    });
  }

  toggleVideos(network, on) {
    this.set(() => {
      const rule = this.customise();
      const videos = rule.video_interactions;
      if (on) {
        videos[network] = [...(rule.interactions[network] ?? rule.interactions.default ?? [])];
        return;
      }
      // Off: this network's videos count as its other posts. A rule for every network (Later's)
      // stays with the other networks of the files, each under its own name.
      if (videos.default) {
        for (const c of this.report.definition.counted) {
          if (c.network !== network && !videos[c.network]) videos[c.network] = [...videos.default];
        }
        delete videos.default;
      }
      delete videos[network];
    });
  }

  setDenominator(network, value) {
    this.set(() => {
      const rule = this.customise();
      if (value === rule.denominator) delete rule.denominator_by_network[network];
      else rule.denominator_by_network[network] = value;
    });
  }

  periodFields() {
    const t = this.t;
    const o = this.options;
    const browser = -new Date().getTimezoneOffset();
    const offsets = [...new Set([...OFFSETS, browser, ...(o.utc_offset_minutes == null ? [] : [o.utc_offset_minutes])])].sort((a, b) => a - b);
    const dateInput = (key, path) => h('input', {
      type: 'date',
      value: o.period?.[key] || '',
      dataset: { key: `period-${key}`, field: path },
      on: { change: (e) => this.set((x) => { x.period = { from: '', to: '', ...(x.period || {}), [key]: e.target.value }; }, { form: false }) },
    });
    return h('fieldset', { dataset: { group: 'period' } },
      h('legend', { text: t.clockPeriod }),
      h('div', { class: 'sr-a-row' },
        this.field(t.from, dateInput('from', 'period.from'), 'period.from'),
        this.field(t.to, dateInput('to', 'period.to'), 'period.to'),
        h('button', { type: 'button', class: 'sr-btn', text: t.allDays, dataset: { key: 'all-days', action: 'all-days' }, on: { click: () => this.set((x) => { x.period = null; }) } }),
        this.field(t.offset, this.select('offset', [['', t.asWritten], ...offsets.map((m) => [String(m), `${offsetText(m)}${m === browser ? ` (${t.yours})` : ''}`])],
          o.utc_offset_minutes == null ? '' : String(o.utc_offset_minutes),
          (v) => this.set((x) => { x.utc_offset_minutes = v === '' ? null : Number(v); })), 'utc_offset_minutes'),
        this.field(t.topPosts, this.select('top-posts', [3, 5, 10, 20].map((n) => [String(n), String(n)]), String(o.top_posts), (v) => this.set((x) => { x.top_posts = Number(v); }, { form: false })))));
  }

  businessFields() {
    const t = this.t;
    const b = this.options.business_hours;
    const set = (fn, opts) => this.set((x) => fn(x.business_hours), opts);
    return h('fieldset', { dataset: { group: 'business-hours' } },
      h('legend', { text: t.businessHours }),
      h('label', { class: 'sr-check' },
        h('input', { type: 'checkbox', checked: Boolean(b), dataset: { key: 'business' }, on: { change: (e) => this.set((x) => { x.business_hours = e.target.checked ? structuredClone(this.defaults.business_hours) : null; }) } }),
        h('span', { text: t.useBusiness })),
      b
        ? h('div', { class: 'sr-a-row', style: { marginTop: '6px' } },
          h('div', { class: 'sr-boxes', attrs: { role: 'group', 'aria-label': t.businessHours } },
            this.defaults.weekdays.map((w) => h('label', {},
              h('input', { type: 'checkbox', checked: b.days.includes(w.key), dataset: { key: `day-${w.key}` }, on: { change: (e) => set((bh) => { bh.days = this.defaults.weekdays.map((x) => x.key).filter((k) => (k === w.key ? e.target.checked : bh.days.includes(k))); }, { form: false }) } }),
              h('span', { text: w.name })))),
          this.field(t.open, h('input', { type: 'time', value: b.start, dataset: { key: 'open', field: 'business_hours.start' }, on: { change: (e) => set((bh) => { bh.start = e.target.value; }, { form: false }) } }), 'business_hours.start'),
          this.field(t.close, h('input', { type: 'time', value: b.end, dataset: { key: 'close', field: 'business_hours.end' }, on: { change: (e) => set((bh) => { bh.end = e.target.value; }, { form: false }) } }), 'business_hours.end'),
          h('span', { class: 'sr-a-msg', dataset: { path: 'business_hours.days' }, attrs: { role: 'alert' } }))
        : null);
  }

  costFields() {
    const t = this.t;
    const costs = this.options.costs;
    const line = (c, i) => h('div', { class: 'sr-a-cost-line', dataset: { cost: i } },
      this.field(t.costLabel, h('input', { type: 'text', value: c.label, dataset: { key: `cost-label-${i}` }, on: { input: (e) => this.set((x) => { x.costs[i].label = e.target.value; }, { form: false, delay: 300 }) } })),
      this.field(t.costAmount, h('input', { type: 'text', inputMode: 'decimal', value: c.amount ?? '', dataset: { key: `cost-amount-${i}`, field: `costs[${i}].amount` }, on: { input: (e) => this.set((x) => { x.costs[i].amount = e.target.value; }, { form: false, delay: 300 }) } }), `costs[${i}].amount`),
      this.field(t.costCurrency, this.select(`cost-currency-${i}`, [['', t.adsCurrency], ...this.currencies.map((code) => [code, code])], c.currency, (v) => this.set((x) => { x.costs[i].currency = v; }, { form: false })), `costs[${i}].currency`),
      h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': t.remove }, text: '×', dataset: { key: `cost-remove-${i}` }, on: { click: () => this.set((x) => { x.costs.splice(i, 1); }) } }));
    return h('fieldset', { dataset: { group: 'costs' } },
      h('legend', { text: t.typedCosts }),
      h('p', { class: 'sr-hint', text: t.typedHint }),
      h('div', { class: 'sr-a-cost-lines' }, costs.map(line)),
      h('button', { type: 'button', class: 'sr-btn', text: `+ ${t.addCost}`, dataset: { key: 'add-cost' }, on: { click: () => this.set((x) => { x.costs.push({ label: '', amount: '', currency: '' }); x.decimal_mark ??= this.mark; }) } }));
  }

  /** The core's messages about options, next to their control. */
  showFieldErrors() {
    for (const el of this.formBox.querySelectorAll('[data-path]')) {
      el.querySelector('input, select')?.classList.remove('sr-invalid');
      const msg = el.matches('.sr-a-msg') ? el : el.querySelector('.sr-a-msg');
      if (msg) msg.textContent = '';
    }
    for (const err of this.report.errors) {
      const el = this.formBox.querySelector(`[data-path="${CSS.escape(err.field)}"]`);
      if (!el) continue;
      el.querySelector('input, select')?.classList.add('sr-invalid');
      const msg = el.matches('.sr-a-msg') ? el : el.querySelector('.sr-a-msg');
      if (msg) msg.textContent = err.message;
    }
  }

  // -- the report --------------------------------------------------------------------------

  renderReport() {
    const r = this.report;
    this.charts = [];
    replace(this.reportBox,
      this.overview(r),
      this.kpis(r),
      this.seriesSection(r),
      this.heatmapSection(r),
      this.compareSection(r),
      this.postsSection(r),
      this.growthSection(r),
      this.activitySection(r),
      this.costsSection(r));
    this.drawCharts();
  }

  section(id, title, ...children) {
    return h('section', { class: `sr-a-section${id === 'overview' ? ' sr-a-first' : ''}`, dataset: { section: id } },
      title ? h('h3', { text: title }) : null, children);
  }

  /** A box the chart is drawn into once its width is known (and again when it changes). */
  chart(draw) {
    const box = h('div', { class: 'sr-chart-box' });
    this.charts.push({ box, draw });
    return box;
  }

  /** Draws every chart at its box's width, or at `fixed` (for print). */
  drawCharts(fixed = null) {
    const printing = fixed ?? (this.print.matches ? PRINT_WIDTH : null);
    for (const c of this.charts) {
      const width = printing ?? Math.round(c.box.clientWidth);
      if (width > 0) replace(c.box, c.draw(width));
    }
    this.width = Math.round(this.el.clientWidth);
  }

  resized() {
    const w = Math.round(this.el.clientWidth);
    if (Math.abs(w - this.width) < 24 && this.charts.every((c) => c.box.firstChild)) return;
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => this.drawCharts(), 60);
  }

  overview(r) {
    const t = this.t;
    const d = r.definition;
    const range = r.range.from
      ? t.range(this.date(r.range.from), this.date(r.range.to), r.range.days)
      : t.noRange;
    return this.section('overview', null,
      h('p', { class: 'sr-print-only', text: t.printed(new Intl.DateTimeFormat(this.locale, { dateStyle: 'long' }).format(new Date())) }),
      h('div', { class: 'sr-a-bar sr-a-exports', dataset: { section: 'exports' } },
        h('strong', { text: `${t.exports}${this.colon}` }),
        h('button', { type: 'button', class: 'sr-btn', text: t.csv, dataset: { action: 'export-csv' }, on: { click: () => this.exportCsv() } }),
        h('button', { type: 'button', class: 'sr-btn', text: t.json, dataset: { action: 'export-json' }, on: { click: () => this.exportJson() } }),
        h('button', { type: 'button', class: 'sr-btn', text: t.print, dataset: { action: 'print' }, on: { click: () => window.print() } })),
      h('div', { class: 'sr-a-def', dataset: { definition: d.preset } },
        h('p', {}, h('strong', { text: range }), ` · ${t.rangeCounts(r.range)}`),
        h('p', {}, h('strong', { text: `${d.label}${this.colon}` }), d.explanation),
        d.counted.length
          ? h('ul', {}, d.counted.map((c) => h('li', { text: `${NETWORKS[c.network] ?? c.network}${this.colon}${c.text} ÷ ${this.defaults.denominators.find((x) => x.key === c.denominator)?.name ?? c.denominator}` })))
          : null,
        h('p', { class: 'sr-hint', text: `${d.followers[0].toUpperCase()}${d.followers.slice(1)}. ${t.clock}${this.colon}${d.clock}.` })),
      r.errors.length
        ? h('div', { class: 'sr-errors', attrs: { role: 'alert' }, dataset: { errors: r.errors.length } },
          h('strong', { text: t.optionErrors }),
          h('ul', {}, r.errors.map((e) => h('li', { text: `${e.field}${this.colon}${e.message}` }))))
        : null,
      r.warnings.length
        ? h('details', { dataset: { warnings: r.warnings.length } },
          h('summary', { text: t.notes(r.warnings.length) }),
          h('ul', { class: 'sr-warnings' }, r.warnings.map((w) => h('li', { text: w }))))
        : null);
  }

  kpis(r) {
    const t = this.t;
    const e = r.engagement;
    // No post at all: one card says why, not twenty.
    if (r.range.posts === 0) {
      return this.section('kpis', t.kpis, h('div', { class: 'sr-card-head sr-a-kpis' }, this.card(e.rate, this.fmt, 'sr-headline'), this.card(r.totals[0])));
    }
    return this.section('kpis', t.kpis,
      h('div', { class: 'sr-card-head sr-a-kpis' }, this.card(e.rate, this.fmt, 'sr-headline'), this.card(e.rate_other_aggregation)),
      this.cards(r.totals),
      h('h4', { text: t.byDenominator }),
      this.cards(e.by_denominator),
      h('h4', { text: t.audience }),
      this.cards(e.audience));
  }

  /** `2 juin`, `semaine du 1 juin`, `juin 2026`; short ones with the year when the range spans several. */
  periodLabel(start, g, long = false) {
    if (g === 'month') return this.date(start, { month: long ? 'long' : 'short', year: long ? 'numeric' : '2-digit' });
    const r = this.report.range;
    const years = r.from && r.to && r.from.slice(0, 4) !== r.to.slice(0, 4);
    const short = this.date(start, years ? { day: 'numeric', month: 'short', year: '2-digit' } : { day: 'numeric', month: 'short' });
    if (!long) return short;
    return g === 'week' ? this.t.weekOf(this.date(start)) : this.date(start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  seriesSection(r) {
    const t = this.t;
    const v = this.store.view;
    const key = { day: 'daily', week: 'weekly', month: 'monthly' };
    const set = r.series[key[v.granularity]];
    const series = set.series.find((x) => x.id === v.series) || set.series[0];
    const controls = h('div', { class: 'sr-a-row sr-a-series-controls' },
      h('div', { class: 'sr-field', attrs: { role: 'radiogroup', 'aria-label': t.granularity } },
        h('span', { class: 'sr-lbl', text: t.granularity }),
        h('div', {}, ['day', 'week', 'month'].map((g) => h('label', { class: 'sr-radio' },
          h('input', { type: 'radio', name: `gran-${this.lang}`, value: g, checked: v.granularity === g, dataset: { control: 'granularity' }, on: { change: () => { v.granularity = g; this.renderReport(); } } }),
          h('span', { text: t[g] }))))),
      set.series.length
        ? this.field(t.series, this.select('series', set.series.map((x) => [x.id, x.label]), series.id, (id) => { v.series = id; this.renderReport(); }))
        : null);
    if (!series) return this.section('series', t.overTime, controls, h('p', { class: 'sr-reason', text: set.reason }));
    const unit = series.unit;
    const text = (p) => {
      const change = p.delta != null ? ` (${this.signed(p.delta, unit)}${p.change != null ? `, ${this.percentChange(p.change)}` : ''})` : '';
      return `${this.periodLabel(p.start, v.granularity, true)}${this.colon}${this.show(p.value, unit)}${change}${p.partial ? ` — ${t.partial}` : ''}`;
    };
    const points = series.points.map((p) => ({ label: this.periodLabel(p.start, v.granularity), value: p.value, partial: p.partial, title: text(p) }));
    const last = [...series.points].reverse().find((p) => p.value != null);
    const kind = unit === 'count' && series.id !== 'followers' ? 'bars' : 'line';
    return this.section('series', t.overTime, controls,
      this.chart((width) => timeChart({ title: `${series.label} — ${t[v.granularity]}`, desc: last ? text(last) : '', points, kind, tick: (x) => this.fmt.value(x, unit), width })),
      points.some((p) => p.partial) ? h('p', { class: 'sr-hint', text: t.partial }) : null,
      last
        ? h('p', { class: 'sr-a-change', dataset: { last: last.value } },
          t.lastPeriod(this.periodLabel(last.start, v.granularity, true), this.show(last.value, unit)),
          last.delta != null ? ` · ${t.vsPrevious(this.signed(last.delta, unit), this.percentChange(last.change))}` : '')
        : null,
      h('details', {},
        h('summary', { text: t.numbers }),
        this.table(`series-${series.id}`, [
          { label: t.period, text: (p) => this.periodLabel(p.start, v.granularity, true), sort: (p) => p.start },
          { label: t.value, text: (p) => this.show(p.value, unit), sort: (p) => p.value },
          { label: t.delta, text: (p) => this.signed(p.delta, unit), sort: (p) => p.delta },
          { label: t.change, text: (p) => this.percentChange(p.change), sort: (p) => p.change },
        ], series.points)));
  }

  heatmapSection(r) {
    const t = this.t;
    const m = r.heatmap;
    const days = this.defaults.weekdays.map((w) => w.name);
    if (m.reason) return this.section('heatmap', t.heatmap, h('p', { class: 'sr-reason', text: m.reason }));
    // The shade: the rate where there are rates, else how many posts (no rate at all: the
    // definition's denominator is not in the files).
    const byRate = m.cells.some((c) => c.rate != null);
    const shade = (c) => (byRate ? c.rate : c.posts);
    const known = m.cells.map(shade).filter((x) => x != null);
    const lo = Math.min(...known);
    const hi = Math.max(...known);
    const cellText = (c) => `${days[c.weekday]} ${c.hour}${this.lang === 'fr' ? ' h' : ':00'}${this.colon}${c.posts} ${t.posts.toLowerCase()}, ${t.rate.toLowerCase()} ${this.show(c.rate, m.unit)}`;
    const cells = m.cells.map((c) => ({ ...c, level: shade(c) == null ? null : (hi > lo ? (shade(c) - lo) / (hi - lo) : 1), title: cellText(c) }));
    return this.section('heatmap', t.heatmap,
      h('p', { class: 'sr-hint', dataset: { shade: byRate ? 'rate' : 'posts' }, text: `${byRate ? t.heatmapHint : t.heatmapPosts} ${m.clock[0].toUpperCase()}${m.clock.slice(1)}.` }),
      this.chart((width) => heatmap({ title: t.heatmap, desc: m.best.map(cellText).join(' ; '), cells, days: days.map((d) => d.slice(0, 3)), width })),
      m.best.length
        ? h('div', {}, h('h4', { text: t.best }), h('ol', { dataset: { best: m.best.length } }, m.best.map((c) => h('li', { text: cellText(c) }))))
        : null,
      h('details', {},
        h('summary', { text: t.numbers }),
        this.table('heatmap', [
          { label: t.weekday, text: (c) => days[c.weekday], sort: (c) => c.weekday * 24 + c.hour },
          { label: t.hour, text: (c) => `${c.hour}`, sort: (c) => c.hour },
          { label: t.posts, text: (c) => this.fmt.count(c.posts), sort: (c) => c.posts },
          { label: t.engagements, text: (c) => this.fmt.count(c.engagements), sort: (c) => c.engagements },
          { label: t.rate, text: (c) => this.show(c.rate, m.unit), sort: (c) => c.rate },
        ], m.cells)));
  }

  groupTable(key, groups) {
    const t = this.t;
    const fig = (g, i) => g.figures[i];
    return this.table(key, [
      { label: t.group, text: (g) => g.label, sort: (g) => g.label, cls: 'sr-txt' },
      { label: t.posts, text: (g) => this.fmt.count(g.posts), sort: (g) => g.posts },
      { label: t.engagements, text: (g) => this.fmt.count(g.engagements), sort: (g) => g.engagements },
      { label: t.rate, text: (g) => this.show(fig(g, 0).value, fig(g, 0).unit), title: (g) => fig(g, 0).value == null ? fig(g, 0).reason : this.describe(fig(g, 0)), sort: (g) => fig(g, 0).value },
      { label: t.otherAggregation, text: (g) => this.show(fig(g, 1).value, fig(g, 1).unit), title: (g) => fig(g, 1).value == null ? fig(g, 1).reason : this.describe(fig(g, 1)), sort: (g) => fig(g, 1).value },
    ], groups);
  }

  groupBars(title, groups) {
    const items = groups.map((g) => {
      const f = g.figures[0];
      return { label: g.label, value: f.value, text: f.value == null ? '—' : this.fmt.value(f.value, f.unit), title: f.value == null ? `${g.label}${this.colon}${f.reason}` : `${g.label}${this.colon}${this.fmt.value(f.value, f.unit)} — ${this.describe(f)}` };
    });
    return this.chart((width) => barChart({ title, desc: this.report.engagement.rate.label, items, width }));
  }

  compareSection(r) {
    const t = this.t;
    const e = r.engagement;
    if (!e.by_network.length) return null;
    return this.section('compare', t.compare,
      h('p', { class: 'sr-hint', text: e.rate.label }),
      h('div', { class: 'sr-a-two' },
        h('div', { dataset: { compare: 'network' } }, h('h4', { text: t.byNetwork }), this.groupBars(t.byNetwork, e.by_network), this.groupTable('by-network', e.by_network)),
        h('div', { dataset: { compare: 'type' } }, h('h4', { text: t.byType }), this.groupBars(t.byType, e.by_type), this.groupTable('by-type', e.by_type))));
  }

  postColumns(unit) {
    const t = this.t;
    const dn = (key) => this.defaults.denominators.find((x) => x.key === key)?.name ?? key;
    return [
      { label: t.date, text: (p) => this.when(p.published), sort: (p) => p.published || '' },
      { label: t.network, text: (p) => NETWORKS[p.network] ?? p.network, sort: (p) => p.network },
      { label: t.type, text: (p) => p.kind || '—', sort: (p) => p.kind || '', cls: 'sr-txt' },
      { label: t.text, text: (p) => (p.text || p.id).slice(0, 140), title: (p) => p.permalink || p.id, sort: (p) => p.text || '', cls: 'sr-txt' },
      { label: t.engagements, text: (p) => this.show(p.engagements, 'count'), sort: (p) => p.engagements },
      { label: t.denominatorValue, text: (p) => (p.denominator_value == null ? '—' : `${this.fmt.count(p.denominator_value)} (${dn(p.denominator)})`), sort: (p) => p.denominator_value },
      { label: t.rate, text: (p) => this.show(p.rate, unit), sort: (p) => p.rate },
      { label: t.platformRate, text: (p) => this.show(p.platform_rate, 'ratio'), sort: (p) => p.platform_rate },
    ];
  }

  postsSection(r) {
    const t = this.t;
    const e = r.engagement;
    const cols = this.postColumns(e.rate_unit);
    return this.section('posts', t.topBottom,
      e.top_posts_reason ? h('p', { class: 'sr-reason', text: e.top_posts_reason }) : null,
      e.top_posts.length ? h('div', { dataset: { posts: 'top' } }, h('h4', { text: t.top }), this.table('top', cols, e.top_posts)) : null,
      e.bottom_posts.length ? h('div', { dataset: { posts: 'bottom' } }, h('h4', { text: t.bottom }), this.table('bottom', cols, e.bottom_posts)) : null);
  }

  growthSection(r) {
    const t = this.t;
    const g = r.growth;
    const nets = g.networks.map((n) => h('div', { dataset: { growth: n.network } },
      h('h4', { text: `${NETWORKS[n.network] ?? n.network}${n.account ? ` (${n.account})` : ''} · ${this.date(n.first_day)} – ${this.date(n.last_day)}` }),
      h('p', { class: 'sr-hint', text: n.source_text }),
      this.cards(n.figures)));
    const weeks = g.weekly;
    const num = (x) => (x == null ? null : x);
    return this.section('growth', t.growth,
      g.reason ? h('p', { class: 'sr-reason', text: g.reason }) : null,
      nets,
      g.total.length ? h('div', { dataset: { growth: 'total' } }, h('h4', { text: t.allNetworks }), this.cards(g.total)) : null,
      weeks.length
        ? h('div', { dataset: { weekly: weeks.length } },
          h('h4', { text: t.weekly }),
          g.weekly_posts_source ? h('p', { class: 'sr-hint', text: g.weekly_posts_source }) : null,
          this.chart((width) => groupedBars({
            title: t.weekly,
            groups: weeks.map((w) => ({
              label: this.periodLabel(w.week_start, 'week'),
              values: [num(w.posts), num(w.unfollows)],
              titles: [`${t.weekOf(this.date(w.week_start))}${this.colon}${this.show(w.posts, 'count')} ${t.posts.toLowerCase()}`, `${t.weekOf(this.date(w.week_start))}${this.colon}${this.show(w.unfollows, 'count')} ${t.unfollows.toLowerCase()}`],
            })),
            series: [{ name: t.posts, class: '' }, { name: t.unfollows, class: 'sr-alt' }],
            tick: (x) => this.fmt.count(x),
            width,
          })),
          h('details', {},
            h('summary', { text: t.numbers }),
            this.table('weekly', [
              { label: t.weekStart, text: (w) => this.date(w.week_start), sort: (w) => w.week_start },
              { label: t.posts, text: (w) => this.show(w.posts, 'count'), sort: (w) => w.posts },
              { label: t.newFollows, text: (w) => this.show(w.new_follows, 'count'), sort: (w) => w.new_follows },
              { label: t.unfollows, text: (w) => this.show(w.unfollows, 'count'), sort: (w) => w.unfollows },
              { label: t.net, text: (w) => this.show(w.net, 'count'), sort: (w) => w.net },
              { label: t.days, text: (w) => String(w.days), sort: (w) => w.days },
            ], weeks)))
        : null);
  }

  activitySection(r) {
    const t = this.t;
    const a = r.activity;
    const rows = [{ ...a.responses, channel: t.allChannels }, ...a.by_channel];
    const ids = a.responses.figures.map((f) => f.id);
    return this.section('activity', t.activity,
      this.cards([a.posts_per_week, ...a.posts_per_week_by_network]),
      h('h4', { text: t.responses }),
      a.business_hours_clock ? h('p', { class: 'sr-hint', text: a.business_hours_clock }) : null,
      this.cards(a.responses.figures),
      a.by_channel.length
        ? h('div', { dataset: { channels: a.by_channel.length } }, this.table('channels', [
          { label: t.channel, text: (c) => c.channel || '—', sort: (c) => c.channel || '', cls: 'sr-txt' },
          { label: t.received, text: (c) => this.fmt.count(c.received), sort: (c) => c.received },
          { label: t.replied, text: (c) => this.fmt.count(c.replied), sort: (c) => c.replied },
          ...ids.map((id, i) => ({
            label: a.responses.figures[i].label,
            text: (c) => this.show(c.figures[i]?.value, c.figures[i]?.unit),
            title: (c) => (c.figures[i]?.value == null ? c.figures[i]?.reason : this.describe(c.figures[i])),
            sort: (c) => c.figures[i]?.value,
          })),
        ], rows))
        : null);
  }

  costsSection(r) {
    const t = this.t;
    const c = r.costs;
    const patch = c.roi_patch;
    const status = h('div', { class: 'sr-a-status', attrs: { role: 'status' }, dataset: { status: 'roi' } });
    const canApply = patch.costs.length || Object.values(patch.counts).some((x) => x != null);
    return this.section('costs', t.costs,
      c.ads.map((a) => h('div', { dataset: { ads: a.currency ?? '' } },
        h('h4', { text: a.currency ? t.ads(a.currency, a.ad_rows) : t.adsUnknown(a.ad_rows) }),
        this.cards(a.figures, this.fmtFor(a.currency)))),
      c.overall
        ? h('div', { dataset: { overall: c.overall.currency ?? '' } }, h('h4', { text: t.overall(c.overall.currency ?? '?') }), this.cards(c.overall.figures, this.fmtFor(c.overall.currency)))
        : h('p', { class: 'sr-reason', text: c.overall_reason }),
      h('div', { class: 'sr-a-apply' },
        h('p', { class: 'sr-hint', text: t.toRoiHint }),
        patch.notes.length ? h('ul', { class: 'sr-hint' }, patch.notes.map((n) => h('li', { text: n }))) : null,
        h('button', { type: 'button', class: 'sr-btn sr-primary', text: t.toRoi, disabled: !canApply, dataset: { action: 'apply-roi' }, on: { click: () => this.applyPatch(patch, status) } }),
        canApply ? null : h('p', { class: 'sr-hint', text: t.nothingToApply }),
        status));
  }

  /** Carries the core's patch into the calculator and says what it changed. */
  applyPatch(patch, status) {
    const t = this.t;
    const fmtIn = (input, v) => new Format(this.locale, input.currency || 'EUR').money(v);
    const changes = [];
    this.ctx.roi.update((input) => {
      const next = { ...input, counts: { ...(input.counts || {}) } };
      // The calculator's own words for its fields.
      const roi = strings(this.lang);
      const labels = { engagements: roi.engagements, clicks: roi.clicks, new_followers: roi.newFollowers, acquisitions: roi.acquisitions };
      for (const [k, v] of Object.entries(patch.counts)) {
        if (v == null) continue;
        const old = next.counts[k];
        next.counts[k] = v;
        const was = old == null || old === '' ? '—' : (typeof old === 'number' ? this.fmt.count(old) : old);
        changes.push(`${labels[k]}${this.colon}${was} → ${this.fmt.count(v)}`);
      }
      if (patch.costs.length) {
        if (patch.currency && patch.currency !== (input.currency || 'EUR')) {
          changes.push(t.currencyChanged(input.currency || 'EUR', patch.currency));
          next.currency = patch.currency;
        }
        // A line carried before is replaced, not added twice.
        const labelsOf = new Set(patch.costs.map((l) => l.label));
        next.costs = [...(input.costs || []).filter((l) => !labelsOf.has(l.label)), ...structuredClone(patch.costs)];
        for (const l of patch.costs) changes.push(t.costAdded(l.label, fmtIn(next, l.amount)));
      }
      return next;
    });
    replace(status,
      h('strong', { text: t.applied }),
      h('ul', {}, changes.map((c) => h('li', { text: c }))),
      h('button', { type: 'button', class: 'sr-btn', text: t.openRoi, dataset: { action: 'open-roi' }, on: { click: () => this.ctx.element.showTab('roi') } }));
  }

  // -- tables --------------------------------------------------------------------------------

  /**
   * A table whose columns sort (by the core's values: sorting only orders them). `cols`:
   * `[{ label, text(row), sort(row), title?(row), cls? }]`.
   */
  table(key, cols, rows) {
    const box = h('div', { class: 'sr-scroll' });
    const build = (focus) => {
      const state = this.store.view.sorts[key];
      const sorted = [...rows];
      if (state) {
        const col = cols[state.col];
        sorted.sort((a, b) => {
          const x = col.sort(a);
          const y = col.sort(b);
          // Unknown values go last, whichever the direction.
          if (x == null || y == null) return (x == null) - (y == null);
          const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), this.locale);
          return state.dir === 'asc' ? c : -c;
        });
      }
      replace(box, h('table', { class: 'sr-a-table', dataset: { table: key } },
        h('thead', {}, h('tr', {}, cols.map((c, i) => h('th', {
          scope: 'col',
          class: c.cls || null,
          attrs: { 'aria-sort': state?.col === i ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
        }, h('button', {
          type: 'button',
          text: c.label,
          title: this.t.sortBy(c.label),
          dataset: { sort: i },
          on: {
            click: () => {
              const dir = state?.col === i && state.dir === 'desc' ? 'asc' : 'desc';
              this.store.view.sorts[key] = { col: i, dir };
              build(i);
            },
          },
        }))))),
        h('tbody', {}, sorted.map((row) => h('tr', {}, cols.map((c) => h('td', { class: c.cls || null, text: c.text(row), title: c.title ? c.title(row) : null })))))));
      if (focus != null) box.querySelector(`[data-sort="${focus}"]`)?.focus();
    };
    build(null);
    return box;
  }

  // -- exports ---------------------------------------------------------------------------------

  download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = h('a', { href: url, download: name, hidden: true });
    this.el.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30000);
  }

  fileStem(what) {
    const r = this.report.range;
    return `social-roi-${what}${r.from ? `-${r.from}_${r.to}` : ''}`;
  }

  /** The report with every post's row, as the exports give it. */
  full() {
    return this.ws.analyze(this.options, this.lang, true);
  }

  /** Every post of the report, one row each: the report's values, written, not recomputed. */
  csv(r = this.full()) {
    const sep = this.lang === 'fr' ? ';' : ',';
    const num = (v) => (v == null ? '' : this.lang === 'fr' ? String(v).replace('.', ',') : String(v));
    const dn = (key) => this.defaults.denominators.find((x) => x.key === key)?.name ?? key;
    const head = [...this.t.csvHead];
    head[10] = `${head[10]} (${r.engagement.rate_unit === 'per_thousand' ? this.t.perThousandUnit : this.t.ratioUnit})`;
    head[11] = `${head[11]} (${this.t.ratioUnit})`;
    const rows = r.engagement.posts.map((p) => [
      p.id, NETWORKS[p.network] ?? p.network, p.account, p.published, p.kind, p.text, p.permalink,
      num(p.engagements), dn(p.denominator), num(p.denominator_value), num(p.rate), num(p.platform_rate),
      num(p.reach), num(p.impressions), num(p.views), num(p.reactions), num(p.comments), num(p.shares), num(p.saves),
      num(p.clicks), num(p.link_clicks), num(p.followers), r.sources[p.origin.file] ?? '', num(p.origin.line),
    ]);
    // Numbers were written from the report above (not text a person typed): they stay numbers.
    const numbers = new Set([7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23]);
    const line = (cells, header) => cells.map((c, i) => csvCell(c, sep, header || !numbers.has(i))).join(sep);
    return `\ufeff${[line(head, true), ...rows.map((row) => line(row, false))].join('\r\n')}\r\n`;
  }

  exportCsv() {
    this.download(`${this.fileStem(this.lang === 'fr' ? 'publications' : 'posts')}.csv`, this.csv(), 'text/csv;charset=utf-8');
  }

  exportJson() {
    // The shape of `social-roi analyze --json`, with the options that made it.
    const json = { files: this.ws.reports(this.lang), totals: this.ws.totals(this.lang), analysis: this.full(), options: this.options };
    this.download(`${this.fileStem(this.lang === 'fr' ? 'analyse' : 'analysis')}.json`, `${JSON.stringify(json, null, 2)}\n`, 'application/json');
  }

  // -- the share-count calculator ----------------------------------------------------------------

  renderShareCount() {
    const t = this.t;
    const input = this.store.share;
    const labels = {};
    let report = null;
    try {
      report = this.core.shareCount(input, this.lang);
    } catch (e) {
      report = { errors: [{ field: 'share_count', message: e?.message || String(e) }], figures: [] };
    }
    for (const f of report.figures) labels[f.id] = f;
    const grid = h('div', { class: 'sr-share-grid' }, SHARE_FIELDS.map((key) => {
      const fig = labels[key];
      const err = report.errors.find((e) => e.field === key);
      const typed = input[key] !== '' && input[key] != null;
      const computed = !typed && fig?.value != null;
      const id = uid('sr-share');
      return h('div', { class: `sr-field${computed ? ' sr-computed' : ''}`, dataset: { share: key } },
        h('label', { class: 'sr-lbl', htmlFor: id, text: fig?.label ?? key }),
        h('input', {
          id,
          type: 'text',
          inputMode: 'numeric',
          value: typed ? input[key] : (fig?.value != null ? this.fmt.count(fig.value) : ''),
          readOnly: computed,
          placeholder: computed ? '' : '—',
          attrs: { 'aria-invalid': err ? 'true' : null },
          dataset: { field: key },
          on: { change: (e) => { input[key] = e.target.value.trim(); input.decimal_mark = this.mark; this.renderShareCount(); } },
        }),
        computed ? h('span', { class: 'sr-hint', style: { margin: 0 }, text: `${t.computed}${this.colon}${fig.formula}`, title: this.describe(fig) }) : null,
        err ? h('span', { class: 'sr-msg', attrs: { role: 'alert' }, text: err.message }) : null);
    }));
    const missing = report.figures.find((f) => f.value == null && (input[f.id] === '' || input[f.id] == null));
    replace(this.shareBox,
      h('h3', { text: t.shareCount }),
      h('p', { class: 'sr-hint', text: t.shareCountHint }),
      grid,
      missing ? h('p', { class: SHARE_FIELDS.every((k) => !input[k]) ? 'sr-hint' : 'sr-reason', dataset: { shareReason: 'true' }, text: missing.reason }) : null,
      h('button', { type: 'button', class: 'sr-btn', style: { marginTop: '8px' }, text: this.lang === 'fr' ? 'Effacer' : 'Clear', dataset: { action: 'share-clear' }, on: { click: () => { for (const k of SHARE_FIELDS) input[k] = ''; this.renderShareCount(); } } }));
  }
}
