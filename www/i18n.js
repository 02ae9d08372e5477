// The page's own words, in French and English. Figure labels, formulas, reasons and error
// messages come from the core in the chosen language; only the interface chrome lives here.

const STRINGS = {
  fr: {
    title: 'Calculateur de ROI des réseaux sociaux',
    sections: 'Sections',
    tabRoi: 'ROI',
    tabFiles: 'Fichiers',
    dropHere: 'Déposez vos exports : ils sont lus ici, sur votre machine',
    tagline: 'Vos chiffres restent sur votre machine : rien n’est envoyé.',
    loading: 'Chargement du calculateur…',
    loadFailed: 'Le calculateur n’a pas pu démarrer :',
    language: 'Langue',
    currency: 'Devise',
    period: 'Période',
    months: 'mois',
    costs: 'Coûts',
    costsHint: 'Chaque ligne est facultative ; ajoutez-en autant que nécessaire.',
    addCost: 'Ajouter un coût',
    removeLine: 'Supprimer la ligne',
    kind: 'Type',
    label: 'Libellé',
    hours: 'Heures',
    hourlyRate: 'Taux horaire',
    monthlySalary: 'Salaire mensuel brut',
    share: 'Part du temps',
    charges: 'Charges patronales',
    amount: 'Montant',
    perMonth: 'par mois',
    returns: 'Retours',
    sales: 'Ventes issues des réseaux',
    addSales: 'Ajouter des ventes',
    visits: 'Visites',
    conversionRate: 'Taux de conversion',
    valueBasis: 'Valeur d’un client',
    orderValue: 'Panier moyen',
    lifetimeValue: 'Valeur vie client',
    value: 'Valeur',
    margin: 'Marge',
    marginHint: 'vide = 100 % (chiffre d’affaires)',
    leads: 'Prospects',
    addLeads: 'Ajouter des prospects',
    leadCount: 'Nombre de prospects',
    leadValue: 'Valeur par prospect',
    support: 'Économies de service client',
    addSupport: 'Ajouter des économies',
    requests: 'Demandes traitées sur les réseaux',
    traditionalCost: 'Coût d’un contact téléphone/e-mail',
    socialCost: 'Coût d’un contact sur les réseaux',
    earnedMedia: 'Médias gagnés',
    earnedMediaHint: 'Ce que la même visibilité aurait coûté en publicité. Montrée à part : ce n’est pas de la trésorerie.',
    impressions: 'Impressions',
    cpm: 'CPM (coût pour 1 000)',
    clicks: 'Clics',
    cpc: 'CPC (coût par clic)',
    includeMedia: 'Compter les médias gagnés dans le ROI',
    counts: 'Volumes pour les coûts unitaires',
    countsHint: 'Facultatif : renseignez ce que vous connaissez.',
    engagements: 'Engagements',
    newFollowers: 'Nouveaux abonnés',
    acquisitions: 'Clients acquis',
    acquisitionsHint: 'vide = conversions des lignes de ventes',
    compare: 'Comparer avec un second scénario de coûts (ex. : recruter ou passer par une agence)',
    scenarioName: 'Nom du scénario',
    secondScenario: 'Second scénario',
    results: 'Résultats',
    inputsUsed: 'Données utilisées',
    unitCosts: 'Coûts unitaires',
    comparison: 'Comparaison des scénarios',
    totalCost: 'Coût total',
    netGain: 'Gain net',
    sensitivity: 'Sensibilité : quelle hypothèse compte le plus ?',
    sensitivityHint: 'Chaque barre va du ROI obtenu avec la donnée à −20 % à celui obtenu à +20 % ; le trait noir est le ROI actuel, le rouge est en dessous, le vert au-dessus.',
    details: 'Détail',
    showAll: (n) => `Tout afficher (${n})`,
    showFewer: 'Afficher moins',
    input: 'Donnée',
    minus20: '−20 %',
    plus20: '+20 %',
    baseRoi: 'ROI actuel',
    copyLink: 'Copier le lien de ce calcul',
    linkCopied: 'Lien copié : il reproduit ce calcul.',
    linkCopyFailed: 'Copie impossible ; copiez l’adresse de la page.',
    reset: 'Revenir à l’exemple',
    fixFirst: (n) => (n === 1 ? '1 donnée à corriger' : `${n} données à corriger`),
    badLink: 'Les données de ce lien n’ont pas pu être lues ; voici l’exemple à la place.',
    exampleNote: 'Exemple rempli : un mois d’une petite boutique en ligne. Remplacez les chiffres par les vôtres.',
  },
  en: {
    title: 'Social media ROI calculator',
    sections: 'Sections',
    tabRoi: 'ROI',
    tabFiles: 'Files',
    dropHere: 'Drop your exports: they are read here, on your machine',
    tagline: 'Your figures stay on your machine: nothing is sent anywhere.',
    loading: 'Loading the calculator…',
    loadFailed: 'The calculator could not start:',
    language: 'Language',
    currency: 'Currency',
    period: 'Period',
    months: 'months',
    costs: 'Costs',
    costsHint: 'Every line is optional; add as many as you need.',
    addCost: 'Add a cost',
    removeLine: 'Remove this line',
    kind: 'Kind',
    label: 'Label',
    hours: 'Hours',
    hourlyRate: 'Hourly rate',
    monthlySalary: 'Gross monthly salary',
    share: 'Share of time',
    charges: 'Employer charges',
    amount: 'Amount',
    perMonth: 'per month',
    returns: 'Returns',
    sales: 'Sales from social traffic',
    addSales: 'Add sales',
    visits: 'Visits',
    conversionRate: 'Conversion rate',
    valueBasis: 'Value of a customer',
    orderValue: 'Average order value',
    lifetimeValue: 'Customer lifetime value',
    value: 'Value',
    margin: 'Margin',
    marginHint: 'blank = 100 % (revenue)',
    leads: 'Leads',
    addLeads: 'Add leads',
    leadCount: 'Number of leads',
    leadValue: 'Value per lead',
    support: 'Customer service savings',
    addSupport: 'Add savings',
    requests: 'Requests handled on social',
    traditionalCost: 'Cost of a phone/e-mail contact',
    socialCost: 'Cost of a social contact',
    earnedMedia: 'Earned media',
    earnedMediaHint: 'What the same visibility would have cost in ads. Shown apart: it is not cash.',
    impressions: 'Impressions',
    cpm: 'CPM (cost per 1,000)',
    clicks: 'Clicks',
    cpc: 'CPC (cost per click)',
    includeMedia: 'Count earned media in ROI',
    counts: 'Counts for unit costs',
    countsHint: 'Optional: fill in what you know.',
    engagements: 'Engagements',
    newFollowers: 'New followers',
    acquisitions: 'Customers acquired',
    acquisitionsHint: 'blank = conversions of the sales lines',
    compare: 'Compare with a second cost scenario (e.g. hire or use an agency)',
    scenarioName: 'Scenario name',
    secondScenario: 'Second scenario',
    results: 'Results',
    inputsUsed: 'Inputs used',
    unitCosts: 'Unit costs',
    comparison: 'Scenarios compared',
    totalCost: 'Total cost',
    netGain: 'Net gain',
    sensitivity: 'Sensitivity: which assumption matters most?',
    sensitivityHint: 'Each bar runs from the ROI with the input at −20 % to the ROI at +20 %; the black line is the current ROI, red is below it, green above.',
    details: 'Details',
    showAll: (n) => `Show all (${n})`,
    showFewer: 'Show fewer',
    input: 'Input',
    minus20: '−20 %',
    plus20: '+20 %',
    baseRoi: 'Current ROI',
    copyLink: 'Copy a link to this calculation',
    linkCopied: 'Link copied: it reproduces this calculation.',
    linkCopyFailed: 'Could not copy; copy the page address instead.',
    reset: 'Back to the example',
    fixFirst: (n) => (n === 1 ? '1 input to fix' : `${n} inputs to fix`),
    badLink: 'This link’s inputs could not be read; here is the example instead.',
    exampleNote: 'A worked example: one month of a small online shop. Replace the figures with yours.',
  },
};

/** `fr` or `en` from a BCP 47 tag; anything not French is English. */
export function langOf(tag) {
  return /^fr\b/i.test(tag || '') ? 'fr' : 'en';
}

/** The interface strings of `lang`. */
export function strings(lang) {
  return STRINGS[lang] ?? STRINGS.en;
}

/** The language the browser prefers, among ours. */
export function browserLang() {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of tags) {
    if (/^(fr|en)\b/i.test(tag || '')) return langOf(tag);
  }
  return 'en';
}

/** The locale used to format numbers: the browser's own when it is of `lang`, else a default. */
export function localeFor(lang) {
  const tags = navigator.languages?.length ? navigator.languages : [navigator.language];
  const own = tags.find((t) => langOf(t) === lang && new RegExp(`^${lang}-`, 'i').test(t || ''));
  return own || (lang === 'fr' ? 'fr-FR' : 'en-US');
}

/** The currency a user of `locale` most likely counts in. */
export function defaultCurrency(locale) {
  const region = (locale.split('-')[1] || '').toUpperCase();
  const byRegion = { US: 'USD', GB: 'GBP', CH: 'CHF', CA: 'CAD', AU: 'AUD', MA: 'MAD', TN: 'TND', DZ: 'DZD', SN: 'XOF', CI: 'XOF', CM: 'XAF', JP: 'JPY' };
  if (byRegion[region]) return byRegion[region];
  return /^en/i.test(locale) && !region ? 'USD' : 'EUR';
}
