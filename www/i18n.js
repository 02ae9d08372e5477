// The element's own words, in French and English (each panel has its own, in its folder's
// strings.js), and the choice of language and locale. Figure labels, formulas, reasons and
// error messages come from the core in the chosen language; only the interface lives here.

export const STRINGS = {
  fr: {
    title: 'Calculateur de ROI des réseaux sociaux',
    sections: 'Sections',
    tabRoi: 'ROI',
    tabFiles: 'Fichiers',
    tabAnalysis: 'Analyse',
    tabContest: 'Concours',
    tabReport: 'Rapport',
    dropHere: 'Déposez vos exports : ils sont lus ici, sur votre machine',
    tagline: 'Vos chiffres restent sur votre machine : rien n’est envoyé.',
    loading: 'Chargement du calculateur…',
    loadFailed: 'Le calculateur n’a pas pu démarrer :',
    noSimd: 'Ce navigateur n’exécute pas le SIMD de WebAssembly, dont les fichiers, l’analyse et les concours ont besoin (Chrome ou Edge 91, Firefox 89, Safari 16.4 et suivants l’exécutent). Le calcul du ROI reste disponible.',
    language: 'Langue',
    currency: 'Devise',
    badLink: 'Les données de ce lien n’ont pas pu être lues ; voici l’exemple à la place.',
    badInputs: 'Les données de l’attribut inputs n’ont pas pu être lues ; voici l’exemple à la place.',
    skipToResults: 'Aller aux résultats',
    exampleNote: 'Exemple rempli : un mois d’une petite boutique en ligne. Remplacez les chiffres par les vôtres.',
    inputsUsed: 'Données utilisées',
    colon: '\u00a0: ',
    // Long jobs (progress.js) and files that stopped the reader (worker-client.js).
    jobs: {
      cancel: 'Annuler',
      of: (read, total) => `${read} sur ${total}`,
      lines: (n) => `${n} lignes`,
      left: (time) => `encore ${time}`,
      aboutLeft: (time) => `encore environ ${time}`,
      underSecond: 'moins d’une seconde',
      almost: 'presque fini',
      waiting: 'en attente de la fin du calcul précédent',
      seconds: (n) => `${n} s`,
      minutes: (n) => `${n} min`,
      queued: 'En attente de la lecture des fichiers précédents…',
      finishing: 'Dernière étape de la lecture…',
      again: 'Relecture, après l’arrêt du lecteur…',
      analysis: 'Calcul de l’analyse…',
      prepare: 'Préparation du tirage…',
      step: 'Calcul en cours…',
      cancelled: 'Calcul annulé.',
      retry: 'Relancer le calcul',
      stopped: {
        trap: 'il a arrêté le lecteur (c’est ce que fait un tableur ou une archive abîmés, ou faits pour nuire). Vos autres fichiers et tout ce que vous avez saisi sont intacts.',
        memory: 'il demandait plus de mémoire qu’une page ne peut en avoir (c’est ce que fait un tableur ou une archive abîmés, ou faits pour nuire). Vos autres fichiers et tout ce que vous avez saisi sont intacts.',
        hang: 'il faisait tourner le lecteur sans avancer (c’est ce que fait un tableur abîmé) : sa lecture a été arrêtée au bout de quelques secondes. Vos autres fichiers et tout ce que vous avez saisi sont intacts.',
        sheets: 'le lecteur de classeurs n’a pas pu être chargé (la connexion ou le site ne répond plus ?) : retirez le fichier et déposez-le de nouveau. Vos autres fichiers et tout ce que vous avez saisi sont intacts.',
      },
      stepStopped: 'Le calcul s’est arrêté avant sa fin (le moteur a été relancé) ; vos fichiers et tout ce que vous avez saisi sont intacts.',
    },
  },
  en: {
    title: 'Social media ROI calculator',
    sections: 'Sections',
    tabRoi: 'ROI',
    tabFiles: 'Files',
    tabAnalysis: 'Analysis',
    tabContest: 'Contest',
    tabReport: 'Report',
    dropHere: 'Drop your exports: they are read here, on your machine',
    tagline: 'Your figures stay on your machine: nothing is sent anywhere.',
    loading: 'Loading the calculator…',
    loadFailed: 'The calculator could not start:',
    noSimd: 'This browser does not run WebAssembly SIMD, which files, analysis and contests need (Chrome or Edge 91, Firefox 89, Safari 16.4 and later do). The ROI calculator still works.',
    language: 'Language',
    currency: 'Currency',
    badLink: 'This link’s inputs could not be read; here is the example instead.',
    badInputs: 'The inputs attribute could not be read; here is the example instead.',
    skipToResults: 'Skip to the results',
    exampleNote: 'A worked example: one month of a small online shop. Replace the figures with yours.',
    inputsUsed: 'Inputs used',
    colon: ': ',
    // Long jobs (progress.js) and files that stopped the reader (worker-client.js).
    jobs: {
      cancel: 'Cancel',
      of: (read, total) => `${read} of ${total}`,
      lines: (n) => `${n} lines`,
      left: (time) => `${time} left`,
      aboutLeft: (time) => `about ${time} left`,
      underSecond: 'under a second',
      almost: 'almost done',
      waiting: 'waiting for the computation before it',
      seconds: (n) => `${n} s`,
      minutes: (n) => `${n} min`,
      queued: 'Waiting for the files before it…',
      finishing: 'Last step of the reading…',
      again: 'Reading again, after the reader stopped…',
      analysis: 'Computing the analysis…',
      prepare: 'Preparing the draw…',
      step: 'Computing…',
      cancelled: 'Computation cancelled.',
      retry: 'Compute again',
      stopped: {
        trap: 'it stopped the reader (a damaged spreadsheet or archive, or one made to do harm, does that). Your other files and everything you typed are intact.',
        memory: 'it asked for more memory than a page can have (a damaged spreadsheet or archive, or one made to do harm, does that). Your other files and everything you typed are intact.',
        hang: 'it kept the reader going without any progress (a damaged spreadsheet does that), so its reading was stopped after a few seconds. Your other files and everything you typed are intact.',
        sheets: 'the spreadsheet reader could not be loaded (is the connection or the site down?): remove the file and drop it again. Your other files and everything you typed are intact.',
      },
      stepStopped: 'The computation stopped before its end (the engine was started again); your files and everything you typed are intact.',
    },
  },
};

/** `fr` or `en` from a BCP 47 tag; anything not French is English. */
export function langOf(tag) {
  return /^fr\b/i.test(tag || '') ? 'fr' : 'en';
}

/** The words of `lang` in a table of `{fr, en}` words (English for any other language). */
export function pick(table, lang) {
  return table[lang] ?? table.en;
}

/** The element's words in `lang`: its chrome, the figure cards' and French typography's colon. */
export function strings(lang) {
  return pick(STRINGS, lang);
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
