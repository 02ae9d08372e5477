// The Contest tab: what a giveaway really brought, and a winner draw anyone can verify.
//
// Three views share the contest's own comment files (read chunk by chunk into a Workspace of
// their own: a contest's comment export is not the account's analytics, and a draw must count
// exactly the files given for it, not whatever else was dropped in the Files tab):
// - Outcome: costs, counts and follower lists typed or dropped; the core's figures;
// - Draw: rules, the fingerprint to announce before the seed, the seed (a public value typed,
//   or one generated in this browser), the certificate (printable, JSON), redraws;
// - Verify: a certificate and the entry files it was drawn from, confirmed or refuted.
// Nothing here computes a figure or a draw: the core does, the page shows what it returns.

import { streamInto, today } from './reading.js';
import { adoptable } from './styles.js';
import { h, replace, uid } from './dom.js';
import { Format, fieldText } from './format.js';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.ods,.zip,.json';
const LIST_CHUNK = 500;

const STRINGS = {
  fr: {
    heading: 'Concours',
    intro: 'Le bilan réel d’un jeu-concours et un tirage au sort que chacun peut vérifier. Vos fichiers sont lus sur votre machine : rien n’est envoyé.',
    views: { outcome: 'Bilan', draw: 'Tirage au sort', verify: 'Vérifier un tirage' },
    title: 'Nom du concours',
    titleHint: 'ex. : Concours de l’été',
    files: 'Commentaires du concours',
    filesHint: 'Déposez l’export des commentaires de la publication (ExportComments CSV ou XLSX, tout export de commentaires, ou une liste avec un participant par ligne). Plusieurs fichiers font un seul concours (Instagram et Facebook, par exemple).',
    verifyFiles: 'Fichier des participations',
    verifyFilesHint: 'Le ou les fichiers de commentaires sur lesquels le tirage a été fait, dans le même ordre.',
    dropFiles: 'Déposez les fichiers ici, ou',
    dropFile: 'Déposez le fichier ici, ou',
    choose: 'Choisir des fichiers',
    chooseOne: 'Choisir un fichier',
    noFile: 'Aucun fichier pour l’instant.',
    inFilesTab: (names) => `L’onglet Fichiers contient des commentaires (${names}) : le concours ne compte que les fichiers déposés ici, déposez-les ici aussi.`,
    reading: 'Lecture…',
    remove: 'Retirer',
    entriesRead: (n) => (n === 1 ? '1 participation lue' : `${n} participations lues`),
    jsonList: 'liste de participations (JSON)',
    failed: 'Le fichier n’a pas pu être lu :',
    notImported: (n) => (n === 1 ? '1 ligne non importée' : `${n} lignes non importées`),
    noEntries: 'Aucun commentaire ni participant dans ce fichier : ce n’est pas un export de commentaires.',
    readAs: 'lu comme',
    mapTitle: 'Quelles colonnes ?',
    mapHint: 'Ce tableau n’est pas un export de commentaires connu : indiquez au moins la colonne du participant, puis importez.',
    mapNone: '— ignorer —',
    mapApply: 'Importer avec ces colonnes',
    samples: 'exemples',
    jsonAlone: (name) => `${name} est une liste de participations en JSON : elle contient toutes les participations d’un tirage et ne se combine pas avec d’autres fichiers. Retirez les autres fichiers d’abord.`,
    account: 'Votre compte',
    accountHint: 'ses commentaires ne participent pas',
    commentsShown: 'Commentaires affichés sous la publication',
    commentsShownHint: 'pour vérifier que le fichier est complet',
    // Outcome
    costs: 'Coûts du concours',
    prize: 'Valeur des lots',
    ads: 'Publicité du concours',
    hours: 'Heures passées',
    rate: 'Coût d’une heure',
    fees: 'Frais (application, dépôt du règlement, envoi)',
    audience: 'Participation',
    entries: 'Participations',
    participants: 'Participants uniques',
    fromFile: 'vide : du fichier',
    shares: 'Partages ou parrainages',
    clicks: 'Clics vers le site',
    conversions: 'Ventes ou inscriptions',
    valuePer: 'Valeur d’une vente',
    revenue: 'Chiffre d’affaires',
    revenueHint: 'remplace ventes × valeur',
    margin: 'Marge',
    marginHint: 'vide = 100 %',
    followers: 'Abonnés',
    followersHint: 'Le nombre affiché sur le profil, ou mieux, la liste des abonnés (le followers_1.json du « Télécharger vos informations » d’Instagram, ou une liste avec un pseudo par ligne) : avec une liste avant et une à la clôture, les nouveaux abonnés sont exactement ceux arrivés pendant le concours.',
    before: 'Avant le concours',
    atClose: 'À la clôture',
    later: (d) => (d ? `${d} jours après la clôture` : 'N jours après la clôture'),
    days: 'Jours après la clôture',
    count: 'Nombre d’abonnés',
    list: 'Liste d’abonnés',
    addLater: 'Ajouter une vérification',
    removeLater: 'Retirer cette vérification',
    handles: (n) => (n === 1 ? '1 abonné' : `${n} abonnés`),
    duplicates: (n) => `${n} en double`,
    pending: (name) => `${name} : à quel moment cette liste a-t-elle été prise ?`,
    place: 'Placer',
    results: 'Résultats',
    resultsHint: 'Chaque chiffre montre sa formule et les données utilisées.',
    summary: 'Retour et ROI',
    audienceResults: 'Audience',
    retention: 'Abonnés restés',
    costLines: 'Lignes de coût',
    inputsUsed: 'Données utilisées',
    fixFirst: (n) => (n === 1 ? '1 donnée à corriger' : `${n} données à corriger`),
    example: 'Remplir avec l’exemple',
    clear: 'Tout effacer',
    // Draw
    rules: 'Règlement du tirage',
    per: 'Chaque ticket vaut',
    perPerson: 'une participation par personne (son premier commentaire valable)',
    perComment: 'une participation par commentaire (une personne gagne au plus une fois)',
    winners: 'Gagnants',
    alternates: 'Suppléants',
    alternatesHint: 'Les suppléants sont appelés dans l’ordre si un gagnant est disqualifié.',
    replies: 'Les réponses à d’autres commentaires comptent',
    mentions: 'Mentions @ distinctes requises',
    keywords: 'Mots-clés ou hashtags requis',
    keywordsHint: 'séparés par des virgules : #concours, #giveaway',
    from: 'Début de la période',
    until: 'Fin de la période',
    time: 'heure',
    timeHint: 'L’heure est facultative : sans elle, toute la journée compte. Les dates des commentaires sont comparées telles que l’export les écrit.',
    exclude: 'Exclus (équipe, anciens gagnants)',
    excludeHint: 'un nom, pseudo ou profil par ligne',
    bonus: 'Participations bonus',
    bonusHint: 'des tickets en plus (a partagé la publication, s’est abonné à la lettre…)',
    bonusWho: 'Participant',
    bonusCount: 'Tickets en plus',
    addBonus: 'Ajouter un bonus',
    more: 'Règles avancées',
    perMention: 'Tickets en plus par mention au-delà du minimum',
    maxEntries: 'Tickets au plus par personne',
    fingerprint: 'Empreinte à annoncer avant le tirage',
    fingerprintShort: 'Empreinte (SHA-256)',
    fingerprintHint: 'Publiez cette empreinte (SHA-256 des participations et du règlement) et l’origine de la graine avant qu’elle soit connue : personne ne pourra ensuite changer les participations, les règles ou la graine sans que cela se voie.',
    copy: 'Copier',
    copied: 'Copiée.',
    copyFailed: 'Copie impossible : sélectionnez le texte.',
    drawFile: 'Télécharger le fichier de tirage',
    counts: (c) => [`${c.entries} participations`, `${c.eligible} retenues`, `${c.excluded} écartées`, `${c.people} personnes`, `${c.tickets} tickets`],
    excluded: (n) => (n === 1 ? '1 participation écartée, avec sa raison' : `${n} participations écartées, avec leur raison`),
    noneExcluded: 'Aucune participation écartée.',
    people: (n) => (n === 1 ? '1 personne dans le tirage' : `${n} personnes dans le tirage`),
    showMore: (n) => `Afficher ${n} de plus`,
    line: (file, line) => (file ? `${file}, ligne ${line}` : `ligne ${line}`),
    tickets: (n) => (n === 1 ? '1 ticket' : `${n} tickets`),
    noEntriesYet: 'Déposez le fichier des commentaires pour préparer le tirage.',
    seed: 'Graine du tirage',
    seedPublic: 'Une valeur publique annoncée à l’avance (résultat de loterie, tour d’une balise publique d’aléa)',
    seedGenerated: 'Une graine générée dans ce navigateur',
    seedValue: 'Valeur publiée',
    seedValueHint: 'exactement comme publiée : 04 11 23 38 47 + 02 09',
    seedSource: 'D’où elle vient',
    seedSourceHint: 'EuroMillions du 16 juin 2026, drand tour 5284122…',
    seedGeneratedHint: 'Au moment du tirage, 32 octets aléatoires sont tirés ici (crypto.getRandomValues) et montrés dans le certificat. Moins fort qu’une valeur publique : vous seul l’avez vue naître.',
    draw: 'Tirer au sort',
    drawBlocked: 'Corrigez le règlement avant de tirer.',
    certificate: 'Certificat de tirage au sort',
    drawnAt: 'Tiré le',
    software: 'Logiciel',
    entriesHash: 'SHA-256 des participations',
    rulesApplied: 'Règlement appliqué',
    drawing: (n) => (n === 1 ? 'Tirage 1' : `Tirage ${n} (nouveau tirage)`),
    redrawReason: (who, reason) => `Après disqualification de ${who} : ${reason}`,
    seedLine: (kind) => (kind === 'generated' ? 'Graine générée dans le navigateur' : 'Graine publique'),
    winnersList: 'Gagnants',
    alternatesList: 'Suppléants, dans l’ordre',
    none: 'aucun',
    rank: 'rang',
    score: 'score',
    history: 'Historique des tirages',
    exclusionsTitle: 'Participations écartées',
    printedMore: (n) => `… et ${n} de plus : la liste complète est dans le certificat JSON.`,
    howTo: 'Comment vérifier ce tirage',
    howToSteps: [
      'Sur social-roi, onglet Concours › Vérifier un tirage : déposez ce certificat (JSON) et le fichier des commentaires. La page refait tout et dit ce qui diffère.',
      'En ligne de commande : social-roi draw --verify certificat.json commentaires.csv',
      'Avec des outils standard : le fichier de tirage (clé draw_file du certificat) a pour SHA-256 l’empreinte ; le score d’un ticket est le SHA-256 de la graine, d’un saut de ligne, du ticket et d’un saut de ligne ; les tickets sont classés par score croissant ; chaque personne prend la place de son meilleur ticket. La recette pas à pas est dans le README.',
    ],
    downloadJson: 'Télécharger le certificat (JSON)',
    print: 'Imprimer le certificat',
    verifyThis: 'Vérifier ce certificat',
    newDraw: 'Nouveau tirage',
    newDrawConfirm: 'Ce certificat sera abandonné (téléchargez-le d’abord). Confirmer ?',
    confirm: 'Confirmer',
    cancel: 'Annuler',
    locked: 'Le règlement et la graine sont fixés par ce tirage (pour les changer, faites un nouveau tirage). Téléchargez le certificat : cette page ne le garde que tant qu’elle reste ouverte.',
    stale: 'Les fichiers de commentaires ont changé depuis ce tirage : le certificat porte sur les participations d’origine.',
    redraw: 'Disqualifier un gagnant',
    redrawHint: 'Un nouveau tirage s’ajoute avec sa raison ; les précédents restent. Les autres gagnants gardent leur lot ; le lot libéré va au suivant du classement (avec la même graine, le premier suppléant).',
    redrawWho: 'Qui est disqualifié',
    redrawWhy: 'Raison',
    redrawWhyHint: 'pas de réponse sous 72 heures, faux compte…',
    redrawGo: 'Disqualifier et retirer',
    winnerOption: (p) => `${p.entrant} (gagnant ${p.place})`,
    alternateOption: (p) => `${p.entrant} (suppléant ${p.place})`,
    certFileName: (date) => `certificat-tirage-${date}.json`,
    drawFileName: (date) => `fichier-tirage-${date}.txt`,
    // Verify
    certSlot: 'Certificat',
    certSlotHint: 'le fichier JSON que le tirage a donné',
    verifyWait: 'Déposez le certificat et le fichier des commentaires : la page refait le tirage et confirme ou réfute le certificat.',
    verifyNeedEntries: 'Déposez maintenant le fichier des commentaires sur lequel le tirage a été fait.',
    confirmed: 'Confirmé',
    refuted: 'Réfuté',
    checks: 'Vérifications',
    fromDraw: 'le tirage de cette page',
    verifiedWinners: 'Gagnants certifiés (dernier tirage)',
  },
  en: {
    heading: 'Contest',
    intro: 'What a giveaway really brought, and a winner draw anyone can verify. Your files are read on your machine: nothing is sent.',
    views: { outcome: 'Outcome', draw: 'Winner draw', verify: 'Verify a draw' },
    title: 'Contest name',
    titleHint: 'e.g. Summer giveaway',
    files: 'The contest’s comments',
    filesHint: 'Drop the post’s comment export (ExportComments CSV or XLSX, any comment export, or a list with one entrant per line). Several files make one contest (Instagram and Facebook, say).',
    verifyFiles: 'Entry file',
    verifyFilesHint: 'The comment file or files the draw was made from, in the same order.',
    dropFiles: 'Drop the files here, or',
    dropFile: 'Drop the file here, or',
    choose: 'Choose files',
    chooseOne: 'Choose a file',
    noFile: 'No file yet.',
    inFilesTab: (names) => `The Files tab holds comments (${names}): the contest counts only the files dropped here, so drop them here too.`,
    reading: 'Reading…',
    remove: 'Remove',
    entriesRead: (n) => (n === 1 ? '1 entry read' : `${n} entries read`),
    jsonList: 'list of entries (JSON)',
    failed: 'The file could not be read:',
    notImported: (n) => (n === 1 ? '1 row not imported' : `${n} rows not imported`),
    noEntries: 'No comment or entrant in this file: it is not a comment export.',
    readAs: 'read as',
    mapTitle: 'Which columns?',
    mapHint: 'This table is no comment export we know: say which column holds the entrant (at least), then import.',
    mapNone: '— ignore —',
    mapApply: 'Import with these columns',
    samples: 'samples',
    jsonAlone: (name) => `${name} is a list of entries in JSON: it holds all of a draw’s entries and cannot be combined with other files. Remove the other files first.`,
    account: 'Your account',
    accountHint: 'its comments are not entries',
    commentsShown: 'Comments the post shows',
    commentsShownHint: 'to check the file is complete',
    costs: 'The contest’s costs',
    prize: 'Prize value',
    ads: 'Contest ads',
    hours: 'Hours spent',
    rate: 'Cost of an hour',
    fees: 'Fees (giveaway app, rules deposit, shipping)',
    audience: 'Participation',
    entries: 'Entries',
    participants: 'Unique participants',
    fromFile: 'blank: from the file',
    shares: 'Shares or referrals',
    clicks: 'Clicks to the site',
    conversions: 'Sales or sign-ups',
    valuePer: 'Value of a sale',
    revenue: 'Revenue',
    revenueHint: 'instead of sales × value',
    margin: 'Margin',
    marginHint: 'blank = 100 %',
    followers: 'Followers',
    followersHint: 'The count the profile shows, or better, the follower list (Instagram’s followers_1.json from “Download your information”, or a list with one handle per line): with a list before and one at close, new followers are exactly those who joined during the contest.',
    before: 'Before the contest',
    atClose: 'At close',
    later: (d) => (d ? `${d} days after close` : 'N days after close'),
    days: 'Days after close',
    count: 'Follower count',
    list: 'Follower list',
    addLater: 'Add a check',
    removeLater: 'Remove this check',
    handles: (n) => (n === 1 ? '1 follower' : `${n} followers`),
    duplicates: (n) => `${n} listed twice`,
    pending: (name) => `${name}: when was this list taken?`,
    place: 'Place',
    results: 'Results',
    resultsHint: 'Every figure shows its formula and the inputs it used.',
    summary: 'Return and ROI',
    audienceResults: 'Audience',
    retention: 'Followers kept',
    costLines: 'Cost lines',
    inputsUsed: 'Inputs used',
    fixFirst: (n) => (n === 1 ? '1 input to fix' : `${n} inputs to fix`),
    example: 'Fill in the example',
    clear: 'Clear all',
    rules: 'The draw’s rules',
    per: 'A ticket is',
    perPerson: 'one entry per person (their first eligible comment)',
    perComment: 'one entry per comment (a person still wins once at most)',
    winners: 'Winners',
    alternates: 'Alternates',
    alternatesHint: 'Alternates are called in order if a winner is disqualified.',
    replies: 'Replies to other comments count',
    mentions: 'Distinct @mentions required',
    keywords: 'Required keywords or hashtags',
    keywordsHint: 'separated by commas: #giveaway, #contest',
    from: 'Window start',
    until: 'Window end',
    time: 'time',
    timeHint: 'The time is optional: without it, the whole day counts. Comment dates are compared as the export writes them.',
    exclude: 'Excluded (staff, past winners)',
    excludeHint: 'one name, handle or profile per line',
    bonus: 'Bonus entries',
    bonusHint: 'extra tickets (shared the post, joined the newsletter…)',
    bonusWho: 'Entrant',
    bonusCount: 'Extra tickets',
    addBonus: 'Add a bonus',
    more: 'More rules',
    perMention: 'Extra tickets per mention beyond the minimum',
    maxEntries: 'Most tickets per person',
    fingerprint: 'Fingerprint to announce before the draw',
    fingerprintShort: 'Fingerprint (SHA-256)',
    fingerprintHint: 'Publish this fingerprint (SHA-256 of the entries and the rules) and where the seed will come from before it is known: nobody can then change the entries, the rules or the seed without it showing.',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy: select the text.',
    drawFile: 'Download the draw file',
    counts: (c) => [`${c.entries} entries`, `${c.eligible} counted`, `${c.excluded} left out`, `${c.people} people`, `${c.tickets} tickets`],
    excluded: (n) => (n === 1 ? '1 entry left out, with its reason' : `${n} entries left out, with their reasons`),
    noneExcluded: 'No entry left out.',
    people: (n) => (n === 1 ? '1 person in the draw' : `${n} people in the draw`),
    showMore: (n) => `Show ${n} more`,
    line: (file, line) => (file ? `${file}, line ${line}` : `line ${line}`),
    tickets: (n) => (n === 1 ? '1 ticket' : `${n} tickets`),
    noEntriesYet: 'Drop the comment file to prepare the draw.',
    seed: 'The draw’s seed',
    seedPublic: 'A public value announced in advance (a lottery result, a public randomness beacon round)',
    seedGenerated: 'A seed generated in this browser',
    seedValue: 'Published value',
    seedValueHint: 'exactly as published: 04 11 23 38 47 + 02 09',
    seedSource: 'Where it comes from',
    seedSourceHint: 'EuroMillions, 16 June 2026; drand round 5284122…',
    seedGeneratedHint: 'When you draw, 32 random bytes are drawn here (crypto.getRandomValues) and shown in the certificate. Weaker than a public value: only you saw it made.',
    draw: 'Draw the winners',
    drawBlocked: 'Fix the rules before drawing.',
    certificate: 'Winner draw certificate',
    drawnAt: 'Drawn on',
    software: 'Software',
    entriesHash: 'SHA-256 of the entries',
    rulesApplied: 'Rules applied',
    drawing: (n) => (n === 1 ? 'Drawing 1' : `Drawing ${n} (redraw)`),
    redrawReason: (who, reason) => `After disqualifying ${who}: ${reason}`,
    seedLine: (kind) => (kind === 'generated' ? 'Seed generated in the browser' : 'Public seed'),
    winnersList: 'Winners',
    alternatesList: 'Alternates, in order',
    none: 'none',
    rank: 'rank',
    score: 'score',
    history: 'Drawings',
    exclusionsTitle: 'Entries left out',
    printedMore: (n) => `… and ${n} more: the complete list is in the JSON certificate.`,
    howTo: 'How to verify this draw',
    howToSteps: [
      'On social-roi, Contest tab › Verify a draw: drop this certificate (JSON) and the comment file. The page redoes everything and says what differs.',
      'On the command line: social-roi draw --verify certificate.json comments.csv',
      'With standard tools: the draw file (the certificate’s draw_file) has the fingerprint as its SHA-256; a ticket’s score is the SHA-256 of the seed, a line feed, the ticket and a line feed; tickets are ranked by score, smallest first; each person takes the place of their best ticket. The README has the recipe step by step.',
    ],
    downloadJson: 'Download the certificate (JSON)',
    print: 'Print the certificate',
    verifyThis: 'Verify this certificate',
    newDraw: 'New draw',
    newDrawConfirm: 'This certificate will be discarded (download it first). Confirm?',
    confirm: 'Confirm',
    cancel: 'Cancel',
    locked: 'The rules and the seed are fixed by this draw (to change them, make a new draw). Download the certificate: this page keeps it only while it stays open.',
    stale: 'The comment files changed since this draw: the certificate is about the original entries.',
    redraw: 'Disqualify a winner',
    redrawHint: 'A new drawing is added with its reason; earlier ones stay. The other winners keep their prize; the freed prize goes to the next in the ranking (with the same seed, the first alternate).',
    redrawWho: 'Who is disqualified',
    redrawWhy: 'Reason',
    redrawWhyHint: 'no answer within 72 hours, a fake account…',
    redrawGo: 'Disqualify and redraw',
    winnerOption: (p) => `${p.entrant} (winner ${p.place})`,
    alternateOption: (p) => `${p.entrant} (alternate ${p.place})`,
    certFileName: (date) => `draw-certificate-${date}.json`,
    drawFileName: (date) => `draw-file-${date}.txt`,
    certSlot: 'Certificate',
    certSlotHint: 'the JSON file the draw gave',
    verifyWait: 'Drop the certificate and the comment file: the page redoes the draw and confirms or refutes the certificate.',
    verifyNeedEntries: 'Now drop the comment file the draw was made from.',
    confirmed: 'Confirmed',
    refuted: 'Refuted',
    checks: 'Checks',
    fromDraw: 'this page’s draw',
    verifiedWinners: 'Certified winners (last drawing)',
  },
};

const css = `
.sr-contest { display: grid; gap: 16px; min-width: 0; }
.sr-contest .sr-section { margin: 0; min-width: 0; }
.sr-views { display: flex; flex-wrap: wrap; gap: 6px; }
.sr-view-btn { border: 1px solid var(--sr-line); background: var(--sr-bg); border-radius: 999px; padding: 6px 14px; font-weight: 650; cursor: pointer; color: var(--sr-muted); }
.sr-view-btn[aria-pressed="true"] { background: var(--sr-accent); border-color: var(--sr-accent); color: #fff; }
.sr-zone { border: 2px dashed var(--sr-line); border-radius: 8px; padding: 10px 12px; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; justify-content: center; text-align: center; background: var(--sr-panel); }
.sr-zone.sr-over { border-color: var(--sr-accent); background: var(--sr-accent-soft); }
.sr-efile { border: 1px solid var(--sr-line); border-radius: 8px; padding: 8px 10px; display: grid; gap: 4px; min-width: 0; background: var(--sr-bg); }
.sr-efile-head { display: flex; gap: 8px; align-items: start; justify-content: space-between; }
.sr-efile-name { font-weight: 650; overflow-wrap: anywhere; }
.sr-facts { font-size: 0.85rem; color: var(--sr-muted); overflow-wrap: anywhere; }
.sr-problems { margin: 0; padding-left: 18px; font-size: 0.85rem; overflow-wrap: anywhere; }
.sr-problems.sr-errors-list { color: var(--sr-danger); }
.sr-problems.sr-warnings-list, .sr-warn-text { color: #6b4a00; }
.sr-list-stack { display: grid; gap: 8px; margin-top: 8px; }
.sr-two { display: grid; gap: 12px; grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr)); align-items: start; }
.sr-slot { border: 1px solid var(--sr-line); border-radius: 8px; padding: 10px 12px; background: var(--sr-panel); display: grid; gap: 8px; min-width: 0; }
.sr-slot-head { display: flex; justify-content: space-between; gap: 8px; align-items: center; font-weight: 650; }
.sr-textarea { width: 100%; min-height: 70px; border: 1px solid #b9c4c6; border-radius: 6px; padding: 6px 8px; font: inherit; }
.sr-radio { display: flex; gap: 8px; align-items: start; margin: 4px 0; }
.sr-radio input { margin-top: 4px; accent-color: var(--sr-accent); }
.sr-wide-fields { grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); }
.sr-datetime { display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 6px; }
.sr-bonus-row { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) auto; gap: 8px; align-items: end; margin-top: 6px; }
.sr-fp { font: 0.95rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; background: var(--sr-panel); border: 1px solid var(--sr-line); border-radius: 8px; padding: 8px 10px; user-select: all; }
.sr-counts-line { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 8px 0; }
.sr-counts-line li { border: 1px solid var(--sr-line); border-radius: 999px; padding: 2px 10px; font-size: 0.875rem; font-variant-numeric: tabular-nums; }
.sr-row-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 8px; }
.sr-reason-group > summary { cursor: pointer; padding: 4px 0; }
.sr-reason-group > summary strong { font-variant-numeric: tabular-nums; }
.sr-entry-list { margin: 4px 0 8px; padding-left: 18px; font-size: 0.85rem; overflow-wrap: anywhere; }
.sr-entry-list .sr-where { color: var(--sr-muted); }
.sr-picks { list-style: none; padding: 0; margin: 6px 0; display: grid; gap: 6px; }
.sr-picks li { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; border: 1px solid var(--sr-line); border-radius: 8px; padding: 6px 10px; }
.sr-picks .sr-place { font-weight: 700; color: var(--sr-accent); min-width: 1.8em; }
.sr-picks .sr-who { font-weight: 700; font-size: 1.05rem; overflow-wrap: anywhere; }
.sr-picks .sr-score { font: 0.75rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--sr-muted); overflow-wrap: anywhere; }
.sr-cert { border: 2px solid var(--sr-accent); border-radius: var(--sr-radius); padding: 14px 16px; display: grid; gap: 10px; min-width: 0; }
.sr-cert h3 { font-size: 1.25rem; }
.sr-cert h4 { font-size: 1rem; margin-top: 4px; }
.sr-kv { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 2px 12px; margin: 0; font-size: 0.9rem; }
.sr-kv dt { color: var(--sr-muted); }
.sr-kv dd { margin: 0; overflow-wrap: anywhere; }
.sr-mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
.sr-drawing { border-top: 1px solid var(--sr-line); padding-top: 8px; }
@container (max-width: 560px) {
  .sr-kv { grid-template-columns: minmax(0, 1fr); }
  .sr-kv dd { margin-bottom: 4px; }
}
[data-section="verdict"] { display: grid; gap: 8px; }
.sr-verdict { border-radius: var(--sr-radius); padding: 12px 14px; font-weight: 650; }
.sr-verdict.sr-ok { background: #e5f4ea; color: var(--sr-good); border: 1px solid #9fd0ae; }
.sr-verdict.sr-ko { background: var(--sr-danger-soft); color: var(--sr-danger); border: 1px solid #eab2ad; }
.sr-checks { list-style: none; padding: 0; margin: 0; display: grid; gap: 6px; }
.sr-checks li { border: 1px solid var(--sr-line); border-radius: 8px; padding: 6px 10px; overflow-wrap: anywhere; font-size: 0.9rem; }
.sr-checks li[data-ok="false"] { border-color: var(--sr-danger); background: var(--sr-danger-soft); }
.sr-checks .sr-mark { font-weight: 700; margin-right: 6px; }
.sr-pending { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; background: #fff4d6; border-radius: 8px; padding: 8px 10px; }
.sr-print-only { display: none; }
.sr-print-table { border-collapse: collapse; font-size: 0.8rem; width: 100%; }
.sr-print-table td, .sr-print-table th { border-bottom: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.sr-print-table td:first-child { white-space: nowrap; }
@media print {
  .sr-head, .sr-tabs, .sr-app > .sr-notice, .sr-drop, .sr-noprint { display: none !important; }
  .sr-print-only { display: block !important; }
  table.sr-print-only { display: table !important; }
  .sr-app { padding: 0; max-width: none; }
  .sr-cert { border: 0; padding: 0; }
  .sr-picks li, .sr-kv, .sr-print-table tr { break-inside: avoid; }
  h3, h4 { break-after: avoid; }
  .sr-fp { background: none; }
  .sr-kv .sr-mono { font-size: 0.75rem; }
  .sr-contest .sr-section { border: 0; padding: 0; }
}
`;

/** Stores holding a certificate not yet downloaded: leaving the page asks first. */
const unsaved = new Set();
window.addEventListener('beforeunload', (e) => {
  if ([...unsaved].some((s) => s.cert && !s.certSaved)) e.preventDefault();
});

const sheet = adoptable(css);


/** Now, from this machine's clock, as ISO 8601 with its UTC offset. */
function now() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return `${today()}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** 32 random bytes from the browser's cryptographic generator, in hexadecimal. */
function randomSeed() {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}


/** Words separated by commas or line breaks, trimmed, blanks dropped. */
function splitList(text) {
  return String(text || '').split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}

/** The same rule as the core's `draw::is_json`: a `.json` name, or text starting with [ or {. */
async function isJson(file) {
  if (/\.json$/i.test(file.name)) return true;
  const head = await file.slice(0, 1024).text();
  return /^\uFEFF?\s*[[{]/.test(head);
}

/** What a dropped file is: a certificate, a follower list, or entries. */
async function classify(file) {
  const head = await file.slice(0, 65536).text();
  if (/^\uFEFF?\s*[[{]/.test(head) || /\.json$/i.test(file.name)) {
    if (/"format"\s*:\s*"social-roi draw certificate/.test(head)) return 'certificate';
    if (/string_list_data|relationships_follow/.test(head)) return 'followers';
    return 'entries';
  }
  return /follow|abonn/i.test(file.name) ? 'followers' : 'entries';
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * The files of one set of entries (the contest's, or those a verification checks), read into
 * a Workspace of their own, or one JSON list of entries.
 * `state`: `{ ws, files: [{ key, name, size, file, json, state, read, id, report, entries, error }] }`.
 */
class EntryFiles {
  constructor(panel, state, { heading, hint, slot, onChange }) {
    this.panel = panel;
    this.core = panel.core;
    this.s = state;
    this.s.ws ??= new this.core.Workspace(today());
    this.s.files ??= [];
    this.onChange = onChange;
    this.slot = slot;
    const t = panel.t;
    this.picker = h('input', {
      type: 'file',
      multiple: true,
      accept: ACCEPT,
      hidden: true,
      dataset: { control: `${slot}-files` },
      on: { change: (e) => { this.add(e.target.files); e.target.value = ''; } },
    });
    this.list = h('div', { class: 'sr-list-stack', attrs: { 'aria-live': 'polite' } });
    this.extra = h('div');
    this.el = h('section', { class: 'sr-section sr-noprint', dataset: { section: slot } },
      h('h3', { class: 'sr-section-title', text: heading }),
      h('p', { class: 'sr-hint', text: hint }),
      panel.zone(slot, this.picker, t.choose),
      this.list,
      this.extra);
  }

  get ws() {
    return this.s.ws;
  }

  /** The entries, in the shape the draw takes (cached until the files change). */
  entries() {
    if (!this.s.cache) {
      const json = this.s.files.find((f) => f.json && f.state === 'done');
      // JSON text crosses into WebAssembly many times faster than thousands of objects.
      this.s.cache = json ? json.entries : this.ws.entriesJson();
    }
    return this.s.cache;
  }

  /** The name of each source an entry's `origin.file` points to. */
  sources() {
    return this.s.files.some((f) => f.json) ? [] : this.ws.sources();
  }

  get ready() {
    return this.s.files.some((f) => f.state === 'done') && !this.s.files.some((f) => f.state === 'reading');
  }

  changed() {
    this.s.cache = null;
    this.render();
    this.onChange();
  }

  async add(files) {
    for (const file of Array.from(files || [])) {
      // eslint-disable-next-line no-await-in-loop
      await this.read(file);
    }
  }

  async read(file) {
    const entry = { key: uid('sr-ef'), name: file.name, size: file.size, file, state: 'reading', read: 0 };
    entry.json = await isJson(file);
    const others = this.s.files.filter((f) => f.state !== 'failed');
    if ((entry.json && others.length) || (!entry.json && others.some((f) => f.json))) {
      const alone = entry.json ? entry.name : others.find((f) => f.json).name;
      this.s.files.push({ ...entry, state: 'failed', error: this.panel.t.jsonAlone(alone) });
      this.changed();
      return;
    }
    this.s.files.push(entry);
    this.render();
    try {
      if (entry.json) {
        entry.entries = this.core.readEntryList(file.name, await file.text());
      } else {
        await this.push(entry);
        entry.report = this.ws.finishFile(entry.id, this.panel.lang);
      }
      entry.state = 'done';
    } catch (e) {
      entry.state = 'failed';
      entry.error = e?.message || String(e);
      if (e instanceof WebAssembly.RuntimeError) await this.rebuild(entry);
    }
    this.changed();
  }

  async push(entry) {
    entry.id = await streamInto(this.ws, entry.file, entry.name, (read) => {
      entry.read = read;
      const bar = this.list.querySelector(`[data-key="${entry.key}"] progress`);
      if (bar) bar.value = read;
    });
  }

  /** A reader that stopped inside WebAssembly may leave the workspace unusable: read again. */
  async rebuild(failed) {
    this.s.ws = new this.core.Workspace(today());
    for (const f of this.s.files) {
      if (f === failed || f.json || f.state !== 'done') continue;
      f.read = 0;
      // eslint-disable-next-line no-await-in-loop
      await this.push(f);
      f.report = this.ws.finishFile(f.id, this.panel.lang);
    }
  }

  remove(entry) {
    if (entry.id != null && !entry.json && entry.state === 'done') this.ws.removeFile(entry.id);
    this.s.files = this.s.files.filter((f) => f !== entry);
    this.changed();
  }

  /** Copies another set's files (a verification of the draw made here). */
  async copyFrom(other) {
    for (const f of [...this.s.files]) this.remove(f);
    await this.add(other.s.files.filter((f) => f.state === 'done').map((f) => f.file));
  }

  applyMapping(entry, table, box) {
    const mapping = {};
    for (const select of box.querySelectorAll('select[data-column]')) mapping[select.dataset.column] = select.value || null;
    try {
      entry.report = this.ws.applyMapping(entry.id, table, mapping, this.panel.lang);
      entry.mappingError = null;
    } catch (e) {
      entry.mappingError = e?.message || String(e);
    }
    this.changed();
  }

  render() {
    const t = this.panel.t;
    const byId = new Map(this.ws.reports(this.panel.lang).map((r) => [r.id, r]));
    for (const f of this.s.files) if (f.state === 'done' && !f.json && byId.has(f.id)) f.report = byId.get(f.id);
    replace(this.list, this.s.files.length ? this.s.files.map((f) => this.card(f)) : [h('p', { class: 'sr-hint', text: t.noFile }), this.emptyHint?.()]);
  }

  card(f) {
    const t = this.panel.t;
    const fmt = this.panel.fmt;
    const r = f.report;
    const body = [];
    if (f.state === 'reading') body.push(h('progress', { max: Math.max(1, f.size), value: f.read, style: { width: '100%' } }), h('span', { class: 'sr-facts', text: t.reading }));
    if (f.state === 'failed') body.push(h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, dataset: { error: 'file' }, text: f.error }));
    if (f.state === 'done' && f.json) body.push(h('span', { class: 'sr-facts', dataset: { entries: f.entries.length }, text: `${t.jsonList} · ${t.entriesRead(f.entries.length)}` }));
    if (r) {
      const formats = r.tables.map((tb) => tb.format.label).filter((x, i, a) => a.indexOf(x) === i).join(', ');
      const skipped = r.tables.reduce((n, tb) => n + tb.rows - tb.imported, 0);
      body.push(h('span', { class: 'sr-facts', dataset: { entries: r.records.entries }, text: `${formats} · ${t.entriesRead(r.records.entries)}${skipped ? ` · ${t.notImported(skipped)}` : ''}` }));
      const errors = [...r.errors, ...r.tables.flatMap((tb) => tb.errors)];
      const warnings = [...r.warnings, ...r.tables.flatMap((tb) => tb.warnings)];
      if (errors.length) body.push(h('ul', { class: 'sr-problems sr-errors-list', dataset: { problems: 'errors' } }, errors.map((p) => h('li', { dataset: { line: p.line ?? '' }, text: p.message }))));
      if (warnings.length) body.push(h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, warnings.map((p) => h('li', { text: p.message }))));
      const waiting = r.tables.findIndex((tb) => tb.mapping && !tb.mapping.applied);
      if (waiting >= 0) body.push(this.mappingStep(f, r.tables[waiting], waiting));
      else if (r.records.entries === 0 && r.status !== 'unreadable') body.push(h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: `${t.noEntries} (${t.readAs} ${formats})` }));
    }
    return h('article', { class: 'sr-efile', dataset: { key: f.key, file: f.name, state: f.state } },
      h('div', { class: 'sr-efile-head' },
        h('span', { class: 'sr-efile-name', text: f.name }),
        h('span', { class: 'sr-facts', text: this.panel.size(f.size, fmt) }),
        f.state === 'reading' ? null : h('button', { type: 'button', class: 'sr-remove', title: t.remove, attrs: { 'aria-label': `${t.remove} ${f.name}` }, dataset: { action: 'remove-entry-file' }, text: '×', on: { click: () => this.remove(f) } })),
      body);
  }

  mappingStep(f, table, index) {
    const t = this.panel.t;
    const fields = this.core.canonicalFields(this.panel.lang).filter((x) => x.kind === 'entries');
    const current = table.mapping.suggested;
    const box = h('div', { class: 'sr-slot', dataset: { mapping: table.mapping.signature } },
      h('strong', { text: t.mapTitle }),
      h('p', { class: 'sr-hint', text: t.mapHint }),
      f.mappingError ? h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: f.mappingError }) : null,
      h('div', { class: 'sr-two' }, table.mapping.header.map((name, col) => {
        const id = uid('sr-map');
        const samples = table.mapping.samples.map((row) => row[col]).filter(Boolean).slice(0, 3);
        return h('label', { class: 'sr-field', htmlFor: id },
          h('span', { class: 'sr-lbl', text: name || `#${col + 1}` }),
          samples.length ? h('span', { class: 'sr-facts', text: `${t.samples}${this.panel.colon}${samples.join(' · ')}` }) : null,
          h('select', { id, dataset: { column: col } },
            h('option', { value: '', text: t.mapNone, selected: !current[col] }),
            fields.map((x) => h('option', { value: x.key, text: x.label, selected: current[col] === x.key }))));
      })),
      h('div', {}, h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'apply-mapping' }, text: t.mapApply, on: { click: () => this.applyMapping(f, index, box) } })));
    return box;
  }
}

export class ContestPanel {
  constructor(ctx) {
    this.ctx = ctx;
    this.core = ctx.core;
    this.lang = ctx.lang;
    this.locale = ctx.locale;
    this.t = STRINGS[ctx.lang] ?? STRINGS.en;
    this.sheets = [sheet()];
    const s = ctx.store;
    this.store = s;
    this.currency = ctx.roi.input.currency || 'EUR';
    this.fmt = new Format(this.locale, this.currency);
    this.init();
    // The element's currency selector is the contest's currency too.
    this.onElementChange = (e) => {
      const c = e.detail?.input?.currency;
      if (c && c !== this.currency) {
        this.currency = c;
        this.computeOutcome();
      }
    };
    ctx.element.addEventListener('social-roi-change', this.onElementChange);
    this.timers = {};
    this.took = {};

    this.entryFiles = new EntryFiles(this, s.entryFiles, { heading: this.t.files, hint: this.t.filesHint, slot: 'entries', onChange: () => this.entriesChanged() });
    // Comments dropped in the Files tab are not the contest's: say so, and where to drop them.
    this.entryFiles.emptyHint = () => {
      const names = (ctx.shared.workspace?.reports(this.lang) || []).filter((r) => r.records.entries > 0).map((r) => r.name);
      return names.length ? h('p', { class: 'sr-notice', dataset: { hint: 'files-tab' }, text: this.t.inFilesTab(names.join(', ')) }) : null;
    };
    this.verifyFiles = new EntryFiles(this, s.verify.entryFiles, { heading: this.t.verifyFiles, hint: this.t.verifyFilesHint, slot: 'verify-entries', onChange: () => this.renderVerify() });
    this.nav = h('div', { class: 'sr-views sr-noprint', attrs: { role: 'group', 'aria-label': this.t.heading } });
    this.shared = h('div', { class: 'sr-contest-shared' });
    this.body = h('div', { class: 'sr-contest-body' });
    this.el = h('div', { class: 'sr-contest', dataset: { panel: 'contest' } },
      h('div', { class: 'sr-noprint' },
        h('h2', { class: 'sr-section-title', text: this.t.heading }),
        h('p', { class: 'sr-hint', text: this.t.intro })),
      this.nav, this.shared, this.body);
    this.buildShared();
    this.showView(s.view);
    // Follower lists that failed say why in this language: read them again.
    this.rereadFailedLists();
  }

  /** The state every view keeps in `ctx.store`, created on the first visit. */
  init() {
    const s = this.store;
    s.view ??= 'outcome';
    s.title ??= '';
    s.account ??= '';
    s.entryFiles ??= {};
    s.verify ??= { entryFiles: {}, cert: null, certName: null, certError: null };
    if (!s.input) {
      const days = this.core.exampleContestInput(this.lang, this.currency).followers.later.map((l) => ({ days: l.days }));
      s.input = { decimal_mark: this.mark, followers: { before: {}, at_close: {}, later: days } };
      s.lists = { before: [], at_close: [], later: days.map(() => []) };
      s.pendingLists = [];
    }
    if (s.lang && s.lang !== this.lang) s.input = this.core.canonicalContestInput(s.input, s.lang, this.lang);
    s.lang = this.lang;
    s.input.decimal_mark = this.mark;
    if (!s.rules) {
      const d = this.core.defaultDrawRules();
      s.rules = {
        per: d.per,
        winners: d.winners,
        alternates: d.alternates,
        include_replies: d.include_replies,
        min_mentions: d.min_mentions,
        keywords: d.keywords.join(', '),
        from_date: '',
        from_time: '',
        until_date: '',
        until_time: '',
        exclude: d.exclude.join('\n'),
        bonus: [],
        bonus_per_mention: d.bonus_per_mention,
        max_entries: d.max_entries ?? '',
      };
      s.seed = { kind: 'public', value: '', source: '' };
      s.cert = null;
      s.redraw = { who: '', reason: '' };
    }
  }

  get mark() {
    return this.lang === 'fr' ? 'comma' : 'point';
  }

  get colon() {
    return this.lang === 'fr' ? '\u00a0: ' : ': ';
  }

  destroy() {
    this.ctx.element.removeEventListener('social-roi-change', this.onElementChange);
    Object.values(this.timers).forEach(clearTimeout);
  }

  size(bytes, fmt) {
    const units = this.lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
    let v = bytes;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) { v /= 1024; u += 1; }
    return `${fmt.count(u === 0 ? v : Math.round(v * 10) / 10)} ${units[u]}`;
  }

  // -- files ------------------------------------------------------------------------------

  /**
   * A drop zone with a picker. Files dropped on it go to `slot`: the zone marks the drop and
   * lets it bubble to the element, whose drop handler hands the files to `addFiles`.
   */
  zone(slot, picker, label) {
    const z = h('div', {
      class: 'sr-zone',
      dataset: { zone: slot },
      on: {
        dragover: () => z.classList.add('sr-over'),
        dragleave: () => z.classList.remove('sr-over'),
        drop: () => { z.classList.remove('sr-over'); this.dropSlot = slot; },
      },
    },
    h('span', { text: picker.multiple ? this.t.dropFiles : this.t.dropFile }),
    h('button', { type: 'button', class: 'sr-btn', text: label, on: { click: () => picker.click() } }),
    picker);
    return z;
  }

  /** Files dropped on the element while this tab shows: to the slot dropped on, else by kind. */
  async addFiles(files) {
    const slot = this.dropSlot;
    this.dropSlot = null;
    const list = Array.from(files || []);
    if (slot) {
      await this.addToSlot(slot, list);
      return;
    }
    for (const file of list) {
      // eslint-disable-next-line no-await-in-loop
      const kind = await classify(file);
      if (kind === 'certificate') {
        // eslint-disable-next-line no-await-in-loop
        await this.readCertificate(file);
        this.showView('verify');
      } else if (kind === 'followers') {
        this.store.pendingLists.push(file);
        if (this.store.view !== 'outcome') this.showView('outcome');
        else this.renderFollowers();
      } else {
        // eslint-disable-next-line no-await-in-loop
        await (this.store.view === 'verify' ? this.verifyFiles : this.entryFiles).add([file]);
      }
    }
  }

  async addToSlot(slot, files) {
    if (slot === 'entries') await this.entryFiles.add(files);
    else if (slot === 'verify-entries') await this.verifyFiles.add(files);
    else if (slot === 'certificate') await this.readCertificate(files[0]);
    else await this.addLists(slot, files);
  }

  entriesChanged() {
    this.computeOutcome();
    // After a draw, the certificate stays; it says when the files no longer match it.
    if (this.store.view === 'draw' && this.store.cert) this.renderCertificateView();
    else this.scheduleDraw();
  }

  // -- the shared part: views, the contest's name and comment files ---------------------

  buildShared() {
    const t = this.t;
    replace(this.nav, ['outcome', 'draw', 'verify'].map((v) => h('button', {
      type: 'button',
      class: 'sr-view-btn',
      text: t.views[v],
      dataset: { view: v },
      attrs: { 'aria-pressed': String(this.store.view === v) },
      on: { click: () => this.showView(v) },
    })));
    this.commentsWarning = h('div', { attrs: { 'aria-live': 'polite' } });
    this.sharedFields = h('div', { class: 'sr-fields sr-noprint', style: { gridTemplateColumns: 'minmax(0, 480px)' } }, this.textField('title', t.title, t.titleHint));
    replace(this.entryFiles.extra,
      h('div', { class: 'sr-fields sr-wide-fields' },
        this.textField('account', t.account, t.accountHint),
        this.numberField('comments_shown', t.commentsShown, null, t.commentsShownHint)),
      this.commentsWarning);
    this.entryFiles.render();
    replace(this.shared, this.sharedFields, this.entryFiles.el);
  }

  showView(view) {
    this.store.view = view;
    for (const b of this.nav.querySelectorAll('[data-view]')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    this.shared.hidden = view === 'verify';
    if (view === 'outcome') this.buildOutcome();
    else if (view === 'draw') {
      this.buildDraw();
      this.computeOutcome();
    } else this.buildVerify();
  }

  /** A text field bound to `store[key]`. */
  textField(key, label, hint) {
    const id = uid('f');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('input', {
        id,
        type: 'text',
        autocomplete: 'off',
        value: this.store[key] || '',
        placeholder: hint || '',
        dataset: { field: key },
        on: { input: (e) => { this.store[key] = e.target.value; this.scheduleOutcome(); if (key !== 'title') this.scheduleDraw(); } },
      }));
  }

  /** A number field over the contest input at `path`: typed text kept, the core's message next to it. */
  numberField(path, label, unit, hint) {
    const id = uid('f');
    const msg = uid('m');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('span', { class: 'sr-input' },
        h('input', {
          id,
          type: 'text',
          inputMode: 'decimal',
          autocomplete: 'off',
          spellcheck: false,
          value: fieldText(this.getInput(path), this.mark),
          placeholder: hint || '',
          dataset: { field: path },
          attrs: { 'aria-describedby': msg },
          on: { input: (e) => { this.setInput(path, e.target.value); this.scheduleOutcome(); } },
        }),
        unit ? h('span', { class: 'sr-unit', attrs: { 'aria-hidden': 'true' }, text: unit }) : null),
      h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
  }

  getInput(path) {
    return path.split('.').reduce((o, k) => (o == null ? undefined : o[/^\d+$/.test(k) ? Number(k) : k]), this.store.input);
  }

  setInput(path, value) {
    const keys = path.split('.');
    let o = this.store.input;
    keys.slice(0, -1).forEach((k) => { o[k] ??= {}; o = o[k]; });
    o[keys[keys.length - 1]] = value;
  }

  // -- outcome ----------------------------------------------------------------------------

  buildOutcome() {
    const t = this.t;
    const money = this.fmt.currencySymbol();
    this.followersBox = h('div');
    this.outcomeForm = h('div', { class: 'sr-noprint', style: { display: 'grid', gap: '16px' } },
      h('fieldset', { class: 'sr-section', dataset: { section: 'costs' } },
        h('legend', { text: t.costs }),
        h('div', { class: 'sr-fields' },
          this.numberField('prize_value', t.prize, money),
          this.numberField('ad_spend', t.ads, money),
          this.numberField('hours', t.hours, 'h'),
          this.numberField('hourly_rate', t.rate, `${money}/h`),
          this.numberField('fees', t.fees, money))),
      h('fieldset', { class: 'sr-section', dataset: { section: 'participation' } },
        h('legend', { text: t.audience }),
        h('div', { class: 'sr-fields' },
          this.numberField('entries', t.entries, null, t.fromFile),
          this.numberField('participants', t.participants, null, t.fromFile),
          this.numberField('shares', t.shares),
          this.numberField('clicks', t.clicks),
          this.numberField('conversions', t.conversions),
          this.numberField('value_per_conversion', t.valuePer, money),
          this.numberField('revenue', t.revenue, money, t.revenueHint),
          this.numberField('margin_pct', t.margin, '%', t.marginHint))),
      h('fieldset', { class: 'sr-section', dataset: { section: 'followers' } },
        h('legend', { text: t.followers }),
        h('p', { class: 'sr-hint', text: t.followersHint }),
        this.followersBox),
      h('div', { class: 'sr-row-actions' },
        h('button', { type: 'button', class: 'sr-btn', text: t.example, dataset: { action: 'example' }, on: { click: () => this.fillExample() } }),
        h('button', { type: 'button', class: 'sr-btn', text: t.clear, dataset: { action: 'clear' }, on: { click: () => this.clearOutcome() } })));
    this.outcomeResults = h('section', { class: 'sr-results', attrs: { 'aria-live': 'polite', part: 'results' } });
    // The calculator's layout: the form, and the results beside it on wide screens.
    replace(this.body, h('div', { class: 'sr-roi' }, h('div', { class: 'sr-form-col' }, this.outcomeForm), this.outcomeResults));
    this.renderFollowers();
    this.computeOutcome();
  }

  fillExample() {
    const example = this.core.exampleContestInput(this.lang, this.currency);
    this.store.title ||= example.label;
    delete example.label;
    delete example.currency;
    delete example.account;
    example.decimal_mark = this.mark;
    this.store.input = example;
    this.store.lists = { before: [], at_close: [], later: example.followers.later.map(() => []) };
    this.buildShared();
    this.buildOutcome();
  }

  clearOutcome() {
    const days = this.store.input.followers.later.map(() => ({}));
    this.store.input = { decimal_mark: this.mark, followers: { before: {}, at_close: {}, later: days } };
    this.store.lists = { before: [], at_close: [], later: days.map(() => []) };
    this.store.pendingLists = [];
    this.buildShared();
    this.buildOutcome();
  }

  renderFollowers() {
    if (!this.followersBox) return;
    const t = this.t;
    const later = this.store.input.followers.later;
    const moments = [
      ['before', t.before, 'followers.before'],
      ['at_close', t.atClose, 'followers.at_close'],
      ...later.map((l, i) => [`later.${i}`, t.later(Number(l.days) > 0 ? l.days : null), `followers.later.${i}`]),
    ];
    const pending = this.store.pendingLists.map((file) => h('div', { class: 'sr-pending', attrs: { role: 'group' }, dataset: { pending: file.name } },
      h('span', { text: t.pending(file.name) }),
      moments.map(([slot, label]) => h('button', { type: 'button', class: 'sr-btn', text: label, dataset: { place: slot }, on: { click: () => this.placePending(file, slot) } })),
      h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${file.name}` }, on: { click: () => this.placePending(file, null) } })));
    replace(this.followersBox,
      pending,
      h('div', { class: 'sr-two' }, moments.map(([slot, label, path], i) => this.slotBox(slot, label, path, i >= 2 ? i - 2 : null))),
      h('div', { class: 'sr-row-actions' },
        h('button', { type: 'button', class: 'sr-btn', text: `+ ${t.addLater}`, dataset: { action: 'add-later' }, on: { click: () => this.addLater() } })));
  }

  slotBox(slot, label, path, laterIndex) {
    const t = this.t;
    const files = this.listsOf(slot);
    const picker = h('input', {
      type: 'file', multiple: true, accept: '.json,.txt,.csv', hidden: true, dataset: { control: `list-${slot}` },
      on: { change: (e) => { this.addLists(slot, e.target.files); e.target.value = ''; } },
    });
    return h('div', { class: 'sr-slot', dataset: { slot } },
      h('div', { class: 'sr-slot-head' },
        h('span', { text: label }),
        laterIndex != null
          ? h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.removeLater, attrs: { 'aria-label': t.removeLater }, on: { click: () => this.removeLater(laterIndex) } })
          : null),
      h('div', { class: 'sr-fields', style: { marginTop: 0 } },
        laterIndex != null ? this.numberField(`${path}.days`, t.days) : null,
        this.numberField(`${path}.count`, t.count)),
      this.zone(slot, picker, t.choose),
      files.map((f) => h('div', { class: 'sr-efile', dataset: { list: f.name } },
        h('div', { class: 'sr-efile-head' },
          h('span', { class: 'sr-efile-name', text: f.name }),
          h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${f.name}` }, on: { click: () => this.removeList(slot, f) } })),
        f.error
          ? h('span', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: f.error })
          : h('span', { class: 'sr-facts', dataset: { handles: f.list.handles.length }, text: [t.handles(f.list.handles.length), f.list.duplicates ? t.duplicates(f.list.duplicates) : null].filter(Boolean).join(' · ') }))));
  }

  listsOf(slot) {
    const l = this.store.lists;
    if (slot.startsWith('later.')) return l.later[Number(slot.slice(6))] ?? [];
    return l[slot];
  }

  async addLists(slot, files) {
    const target = this.listsOf(slot);
    for (const file of Array.from(files || [])) {
      // eslint-disable-next-line no-await-in-loop
      target.push(await this.readList(file));
    }
    this.renderFollowers();
    this.computeOutcome();
  }

  async readList(file) {
    const item = { name: file.name, file, list: null, error: null };
    try {
      item.list = this.core.readFollowers(file.name, await file.text(), this.lang);
    } catch (e) {
      item.error = e?.message || String(e);
    }
    return item;
  }

  async rereadFailedLists() {
    const l = this.store.lists;
    const all = [...l.before, ...l.at_close, ...l.later.flat()].filter((f) => f.error);
    for (const f of all) {
      // eslint-disable-next-line no-await-in-loop
      Object.assign(f, await this.readList(f.file));
    }
    if (all.length) this.renderFollowers();
  }

  removeList(slot, item) {
    const target = this.listsOf(slot);
    target.splice(target.indexOf(item), 1);
    this.renderFollowers();
    this.computeOutcome();
  }

  async placePending(file, slot) {
    this.store.pendingLists = this.store.pendingLists.filter((f) => f !== file);
    if (slot) await this.addLists(slot, [file]);
    else this.renderFollowers();
  }

  addLater() {
    this.store.input.followers.later.push({});
    this.store.lists.later.push([]);
    this.renderFollowers();
    this.computeOutcome();
  }

  removeLater(i) {
    this.store.input.followers.later.splice(i, 1);
    this.store.lists.later.splice(i, 1);
    this.renderFollowers();
    this.computeOutcome();
  }

  /** The lists of one moment as the core takes them: one list, several joined, or none. */
  joined(items) {
    const lists = items.filter((f) => f.list).map((f) => f.list);
    if (lists.length < 2) return lists[0] ?? null;
    return this.core.joinFollowerLists(lists);
  }

  contestInput() {
    const s = this.store;
    const f = s.input.followers;
    return {
      ...s.input,
      currency: this.currency,
      label: s.title,
      account: s.account,
      decimal_mark: this.mark,
      followers: {
        before: { ...f.before, list: this.joined(s.lists.before) },
        at_close: { ...f.at_close, list: this.joined(s.lists.at_close) },
        later: f.later.map((l, i) => ({ ...l, list: this.joined(s.lists.later[i] ?? []) })),
      },
    };
  }

  computeOutcome() {
    let report;
    try {
      report = this.core.computeContest(this.contestInput(), this.entryFiles.entries(), this.lang);
    } catch (e) {
      replace(this.commentsWarning, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e?.message || String(e) }));
      return;
    }
    this.report = report;
    this.fmt = new Format(this.locale, report.currency, report.minor_digits);
    // The comment file's completeness concerns the draw too: said beside the files.
    const missing = report.warnings.filter((w) => w.code === 'comments_missing');
    replace(this.commentsWarning, missing.map((w) => h('p', { class: 'sr-notice sr-warn', attrs: { role: 'alert' }, dataset: { warning: w.code }, text: w.message })));
    this.showFieldErrors(this.el, report.errors.map((e) => ({ ...e, field: e.field.replace(/\[(\d+)\]/g, '.$1') })), 'field');
    if (this.store.view === 'outcome' && this.outcomeResults) this.renderOutcome(report);
  }

  /** Puts each error next to its field (`data-<attr>` = its path), clearing the others. */
  showFieldErrors(root, errors, attr) {
    for (const f of root.querySelectorAll('.sr-field.sr-invalid')) {
      f.classList.remove('sr-invalid');
      f.querySelector('input, select, textarea')?.removeAttribute('aria-invalid');
      const m = f.querySelector('.sr-msg');
      if (m) m.textContent = '';
    }
    const unplaced = [];
    for (const err of errors) {
      const input = root.querySelector(`[data-${attr}="${CSS.escape(err.field)}"]`);
      const field = input?.closest('.sr-field');
      const msg = field?.querySelector('.sr-msg');
      if (!msg) { unplaced.push(err); continue; }
      field.classList.add('sr-invalid');
      input.setAttribute('aria-invalid', 'true');
      msg.textContent = msg.textContent ? `${msg.textContent} ${err.message}` : err.message;
    }
    return unplaced;
  }

  describe(fig) {
    const inputs = fig.inputs.map((i) => `${i.name} = ${this.fmt.value(i.value, i.unit)}`).join(' ; ');
    return inputs ? `${fig.formula}\n${inputs}` : fig.formula;
  }

  card(fig, extra = '') {
    if (!fig) return null;
    const has = fig.value != null;
    return h('article', { class: `sr-card ${extra}`, dataset: { id: fig.id }, title: this.describe(fig), attrs: { part: 'figure' } },
      h('h4', { class: 'sr-card-label', text: fig.label }),
      h('p', { class: `sr-card-value${has ? '' : ' sr-na'}`, text: has ? this.fmt.value(fig.value, fig.unit) : '—', dataset: has ? { value: fig.value } : {} }),
      has ? null : h('p', { class: 'sr-reason', text: fig.reason }),
      h('p', { class: 'sr-formula', text: fig.formula }),
      fig.inputs.length
        ? h('ul', { class: 'sr-inputs', attrs: { 'aria-label': this.t.inputsUsed } }, fig.inputs.map((i) => h('li', { text: `${i.name}${this.colon}${this.fmt.value(i.value, i.unit)}` })))
        : null);
  }

  renderOutcome(r) {
    const t = this.t;
    const byId = (id) => r.summary.find((f) => f.id === id);
    replace(this.outcomeResults,
      h('h2', { text: this.store.title ? `${t.results} — ${this.store.title}` : t.results }),
      h('p', { class: 'sr-hint', text: t.resultsHint }),
      r.errors.length
        ? h('div', { class: 'sr-errors', attrs: { role: 'alert' } },
          h('strong', { text: t.fixFirst(r.errors.length) }),
          h('ul', {}, r.errors.map((e) => {
            const input = this.el.querySelector(`[data-field="${CSS.escape(e.field.replace(/\[(\d+)\]/g, '.$1'))}"]`);
            const label = input?.closest('.sr-field')?.querySelector('.sr-lbl')?.textContent || e.field;
            return h('li', { text: `${label}${this.colon}${e.message}` });
          })))
        : null,
      r.warnings.length
        ? h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, r.warnings.map((w) => h('li', { dataset: { code: w.code }, text: w.message })))
        : null,
      this.card(byId('roi'), 'sr-headline'),
      h('h3', { text: t.summary }),
      h('div', { class: 'sr-cards' }, r.summary.filter((f) => f.id !== 'roi').map((f) => this.card(f))),
      h('h3', { text: t.audienceResults }),
      h('div', { class: 'sr-cards' }, r.audience.map((f) => this.card(f))),
      r.retention.length ? h('h3', { text: t.retention }) : null,
      r.retention.map((row) => h('div', { class: 'sr-cards', dataset: { days: row.days } }, this.card(row.kept), this.card(row.retention), this.card(row.cost_per_kept))),
      r.costs.length ? h('h3', { text: t.costLines }) : null,
      r.costs.length ? h('div', { class: 'sr-cards' }, r.costs.map((f) => this.card(f))) : null);
  }

  // -- draw -------------------------------------------------------------------------------

  rulesInput() {
    const r = this.store.rules;
    const when = (d, tm) => (d || tm ? [d, tm].filter(Boolean).join('T') : null);
    return {
      per: r.per,
      winners: r.winners,
      alternates: r.alternates,
      include_replies: r.include_replies,
      min_mentions: r.min_mentions,
      keywords: splitList(r.keywords),
      from: when(r.from_date, r.from_time),
      until: when(r.until_date, r.until_time),
      organiser: this.store.account || null,
      exclude: splitList(r.exclude),
      bonus: r.bonus,
      bonus_per_mention: r.bonus_per_mention,
      max_entries: r.max_entries,
    };
  }

  /**
   * Runs `fn` once typing pauses: after 40 ms, or twice as long as it last took, so that a
   * draw over 100 000 comments recomputes when the user stops typing, not at each key.
   */
  later(key, fn) {
    clearTimeout(this.timers[key]);
    const wait = Math.min(1000, Math.max(40, 2 * (this.took[key] || 0)));
    this.timers[key] = setTimeout(() => {
      const start = performance.now();
      fn();
      this.took[key] = performance.now() - start;
    }, wait);
  }

  scheduleOutcome() {
    this.later('outcome', () => this.computeOutcome());
  }

  scheduleDraw() {
    if (this.store.view === 'draw') this.later('draw', () => this.prepare());
  }

  buildDraw() {
    this.drawBox = h('div', { style: { display: 'grid', gap: '16px' } });
    replace(this.body, this.drawBox);
    if (this.store.cert) this.renderCertificateView();
    else this.buildRules();
  }

  ruleField(key, label, hint, { type = 'text', inputMode = 'numeric', unit = null } = {}) {
    const id = uid('r');
    const msg = uid('m');
    const r = this.store.rules;
    const input = h(type === 'textarea' ? 'textarea' : 'input', {
      id,
      type: type === 'textarea' ? undefined : type,
      class: type === 'textarea' ? 'sr-textarea' : '',
      inputMode: type === 'text' ? inputMode : undefined,
      autocomplete: 'off',
      spellcheck: false,
      value: fieldText(r[key], this.mark),
      placeholder: hint || '',
      dataset: { rule: key },
      attrs: { 'aria-describedby': msg },
      on: { input: (e) => { r[key] = e.target.value; this.scheduleDraw(); } },
    });
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      type === 'textarea' || type === 'date' || type === 'time' ? input : h('span', { class: 'sr-input' }, input, unit ? h('span', { class: 'sr-unit', text: unit }) : null),
      h('span', { class: 'sr-msg', id: msg, attrs: { role: 'alert' } }));
  }

  buildRules() {
    const t = this.t;
    const r = this.store.rules;
    const name = uid('per');
    const radio = (value, label) => h('label', { class: 'sr-radio' },
      h('input', { type: 'radio', name, value, checked: r.per === value, dataset: { rule: 'per' }, on: { change: () => { r.per = value; this.scheduleDraw(); } } }),
      h('span', { text: label }));
    this.bonusBox = h('div');
    const rules = h('fieldset', { class: 'sr-section sr-noprint', dataset: { section: 'rules' } },
      h('legend', { text: t.rules }),
      h('div', { role: 'radiogroup' }, h('span', { class: 'sr-lbl', text: t.per }), radio('person', t.perPerson), radio('comment', t.perComment)),
      h('div', { class: 'sr-fields' },
        this.ruleField('winners', t.winners),
        this.ruleField('alternates', t.alternates),
        this.ruleField('min_mentions', t.mentions)),
      h('p', { class: 'sr-hint', text: t.alternatesHint }),
      h('div', { class: 'sr-fields sr-wide-fields' }, this.ruleField('keywords', t.keywords, t.keywordsHint, { inputMode: 'text' })),
      h('label', { class: 'sr-check' },
        h('input', { type: 'checkbox', checked: r.include_replies, dataset: { rule: 'include_replies' }, on: { change: (e) => { r.include_replies = e.target.checked; this.scheduleDraw(); } } }),
        h('span', { text: t.replies })),
      h('div', { class: 'sr-two', style: { marginTop: '8px' } },
        h('div', { class: 'sr-datetime', dataset: { window: 'from' } }, this.ruleField('from_date', t.from, '', { type: 'date' }), this.ruleField('from_time', t.time, '', { type: 'time' })),
        h('div', { class: 'sr-datetime', dataset: { window: 'until' } }, this.ruleField('until_date', t.until, '', { type: 'date' }), this.ruleField('until_time', t.time, '', { type: 'time' }))),
      h('p', { class: 'sr-hint', text: t.timeHint }),
      h('div', { class: 'sr-two', style: { marginTop: '8px' } },
        this.ruleField('exclude', t.exclude, t.excludeHint, { type: 'textarea' }),
        h('div', {}, h('span', { class: 'sr-lbl', text: t.bonus }), h('p', { class: 'sr-hint', text: t.bonusHint }), this.bonusBox)),
      h('details', { style: { marginTop: '8px' } },
        h('summary', { text: t.more }),
        h('div', { class: 'sr-fields' },
          this.ruleField('bonus_per_mention', t.perMention),
          this.ruleField('max_entries', t.maxEntries))));
    this.renderBonus();
    this.prepared = h('section', { class: 'sr-section', dataset: { section: 'prepared' }, attrs: { 'aria-live': 'polite' } });
    this.seedBox = this.buildSeed();
    replace(this.drawBox, rules, this.prepared, this.seedBox);
    this.prepare();
  }

  renderBonus() {
    const t = this.t;
    const rows = this.store.rules.bonus;
    replace(this.bonusBox,
      rows.map((b, i) => h('div', { class: 'sr-bonus-row', dataset: { bonus: i } },
        this.bonusField(b, 'entrant', i, t.bonusWho, 'text'),
        this.bonusField(b, 'entries', i, t.bonusCount, 'numeric'),
        h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': t.remove }, on: { click: () => { rows.splice(i, 1); this.renderBonus(); this.scheduleDraw(); } } }))),
      h('button', { type: 'button', class: 'sr-btn', style: { marginTop: '6px' }, dataset: { action: 'add-bonus' }, text: `+ ${t.addBonus}`, on: { click: () => { rows.push({ entrant: '', entries: '' }); this.renderBonus(); this.bonusBox.querySelector('.sr-bonus-row:last-of-type input')?.focus(); } } }));
  }

  bonusField(b, key, i, label, inputMode) {
    const id = uid('b');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('span', { class: 'sr-input' }, h('input', { id, type: 'text', inputMode, autocomplete: 'off', value: fieldText(b[key], this.mark), dataset: { rule: `bonus[${i}].${key}` }, on: { input: (e) => { b[key] = e.target.value; this.scheduleDraw(); } } })),
      h('span', { class: 'sr-msg', attrs: { role: 'alert' } }));
  }

  buildSeed() {
    const t = this.t;
    const seed = this.store.seed;
    const name = uid('seed');
    this.publicFields = h('div', { class: 'sr-fields sr-wide-fields' },
      this.seedField('value', t.seedValue, t.seedValueHint),
      this.seedField('source', t.seedSource, t.seedSourceHint));
    this.generatedHint = h('p', { class: 'sr-hint', text: t.seedGeneratedHint });
    const sync = () => {
      this.publicFields.hidden = seed.kind !== 'public';
      this.generatedHint.hidden = seed.kind !== 'generated';
    };
    const radio = (value, label) => h('label', { class: 'sr-radio' },
      h('input', { type: 'radio', name, value, checked: seed.kind === value, dataset: { seed: 'kind' }, on: { change: () => { seed.kind = value; sync(); } } }),
      h('span', { text: label }));
    this.drawStatus = h('p', { class: 'sr-hint', attrs: { role: 'status' } });
    this.drawButton = h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'draw' }, text: t.draw, on: { click: () => this.draw() } });
    sync();
    return h('section', { class: 'sr-section sr-noprint', dataset: { section: 'seed' } },
      h('h3', { class: 'sr-section-title', text: t.seed }),
      h('div', { role: 'radiogroup' }, radio('public', t.seedPublic), radio('generated', t.seedGenerated)),
      this.publicFields,
      this.generatedHint,
      h('div', { class: 'sr-row-actions' }, this.drawButton, this.drawStatus));
  }

  seedField(key, label, hint) {
    const id = uid('s');
    return h('label', { class: 'sr-field', htmlFor: id },
      h('span', { class: 'sr-lbl', text: label }),
      h('input', { id, type: 'text', autocomplete: 'off', spellcheck: false, value: this.store.seed[key] || '', placeholder: hint, dataset: { seed: key }, on: { input: (e) => { this.store.seed[key] = e.target.value; } } }),
      h('span', { class: 'sr-msg', attrs: { role: 'alert' } }));
  }

  /** Before the seed: the fingerprint, who is in and who is out. */
  prepare() {
    if (!this.prepared || this.store.cert) return;
    const t = this.t;
    if (!this.entryFiles.ready) {
      this.preparation = null;
      replace(this.prepared, h('p', { class: 'sr-hint', text: t.noEntriesYet }));
      this.drawButton.disabled = true;
      return;
    }
    let p;
    try {
      p = this.core.prepareDraw(this.entryFiles.entries(), this.rulesInput(), this.lang);
    } catch (e) {
      replace(this.prepared, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e?.message || String(e) }));
      return;
    }
    this.preparation = p;
    const unplaced = this.showFieldErrors(this.drawBox, p.errors.map((e) => ({ ...e, field: e.field.replace(/^keywords\[\d+\]$/, 'keywords').replace(/^from$/, 'from_date').replace(/^until$/, 'until_date') })), 'rule');
    this.drawButton.disabled = !p.prepared;
    this.drawStatus.textContent = p.prepared ? '' : t.drawBlocked;
    if (!p.prepared) {
      replace(this.prepared, unplaced.map((e) => h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e.message })));
      return;
    }
    const pr = p.prepared;
    const copyStatus = h('span', { class: 'sr-status', attrs: { role: 'status' } });
    replace(this.prepared,
      h('h3', { class: 'sr-section-title', text: t.fingerprint }),
      h('p', { class: 'sr-hint', text: t.fingerprintHint }),
      h('p', { class: 'sr-fp', dataset: { fingerprint: pr.fingerprint }, text: pr.fingerprint }),
      h('div', { class: 'sr-row-actions' },
        h('button', { type: 'button', class: 'sr-btn', text: t.copy, on: { click: () => this.copy(pr.fingerprint, copyStatus) } }),
        h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'draw-file' }, text: t.drawFile, on: { click: () => download(t.drawFileName(today()), pr.draw_file, 'text/plain;charset=utf-8') } }),
        copyStatus),
      this.countsLine(pr.counts),
      pr.warnings.length ? h('ul', { class: 'sr-problems sr-warnings-list', dataset: { problems: 'warnings' } }, pr.warnings.map((w) => h('li', { dataset: { code: w.code }, text: w.message }))) : null,
      this.exclusionsBlock(pr.exclusions, this.entryFiles.sources()),
      this.peopleBlock(pr.people));
  }

  async copy(text, status) {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = this.t.copied;
    } catch {
      status.textContent = this.t.copyFailed;
    }
  }

  countsLine(c) {
    const fmtd = { entries: this.fmt.count(c.entries), eligible: this.fmt.count(c.eligible), excluded: this.fmt.count(c.excluded), people: this.fmt.count(c.people), tickets: this.fmt.count(c.tickets) };
    return h('ul', { class: 'sr-counts-line', dataset: { counts: JSON.stringify(c) } }, this.t.counts(fmtd).map((x) => h('li', { text: x })));
  }

  where(x, sources) {
    return this.t.line(sources.length > 1 ? sources[x.file] : null, x.line);
  }

  /** Every exclusion, summed up by reason, each reason's entries shown on demand. */
  exclusionsBlock(exclusions, sources) {
    const t = this.t;
    if (!exclusions.length) return h('p', { class: 'sr-hint', dataset: { exclusions: 0 }, text: t.noneExcluded });
    const groups = this.core.exclusionsByReason(exclusions, this.lang);
    return h('div', { dataset: { exclusions: exclusions.length } },
      h('h4', { text: t.excluded(exclusions.length) }),
      groups.map((g) => {
        const items = exclusions.filter((x) => x.reason === g.reason);
        const list = h('ul', { class: 'sr-entry-list' });
        let shown = 0;
        const more = h('button', { type: 'button', class: 'sr-btn', hidden: true });
        const fill = () => {
          list.append(...items.slice(shown, shown + LIST_CHUNK).map((x) => h('li', { dataset: { line: x.line } },
            h('span', { class: 'sr-where', text: `${this.where(x, sources)} · ` }),
            h('strong', { text: x.author || '—' }), ` — ${x.message}`)));
          shown = Math.min(items.length, shown + LIST_CHUNK);
          more.hidden = shown >= items.length;
          more.textContent = t.showMore(Math.min(LIST_CHUNK, items.length - shown));
        };
        more.addEventListener('click', fill);
        const d = h('details', { class: 'sr-reason-group', dataset: { reason: g.reason, count: g.count } },
          h('summary', {}, h('strong', { text: this.fmt.count(g.count) }), ` × ${g.label}`),
          list, more);
        d.addEventListener('toggle', () => { if (d.open && shown === 0) fill(); });
        return d;
      }));
  }

  peopleBlock(people) {
    const t = this.t;
    const list = h('ul', { class: 'sr-entry-list' });
    const d = h('details', { class: 'sr-reason-group', dataset: { people: people.length } },
      h('summary', { text: t.people(people.length) }), list);
    d.addEventListener('toggle', () => {
      if (d.open && !list.childElementCount) list.append(...people.slice(0, 5000).map((p) => h('li', {}, h('strong', { text: p.entrant }), ` — ${t.tickets(p.tickets)}`)));
    });
    return d;
  }

  draw() {
    const s = this.store;
    const seed = s.seed.kind === 'generated'
      ? { kind: 'generated', value: randomSeed(), source: null }
      : { kind: 'public', value: s.seed.value, source: s.seed.source || null };
    try {
      s.cert = this.core.drawWinners(this.entryFiles.entries(), this.rulesInput(), seed, { title: s.title || null, drawn_at: now() }, this.lang);
    } catch (e) {
      // The seed's messages go next to its fields; the others (a rule, the clock) below.
      const errors = e?.errors || [];
      const seedErrors = errors.filter((x) => x.field.startsWith('seed.')).map((x) => ({ ...x, field: x.field.slice(5) }));
      const unplaced = [...this.showFieldErrors(this.seedBox, seedErrors, 'seed'), ...errors.filter((x) => !x.field.startsWith('seed.'))];
      this.drawStatus.textContent = e?.errors ? unplaced.map((x) => x.message).join(' ') : e?.message || String(e);
      return;
    }
    s.redraw = { who: '', reason: '' };
    s.certSaved = false;
    unsaved.add(s);
    this.renderCertificateView();
    const heading = this.drawBox.querySelector('.sr-cert h3');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  renderCertificateView() {
    const t = this.t;
    const cert = this.store.cert;
    const date = (cert.drawings[0].drawn_at || today()).slice(0, 10);
    const confirmBox = h('div', { class: 'sr-row-actions', hidden: true },
      h('span', { class: 'sr-warn-text', text: t.newDrawConfirm }),
      h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'confirm-new-draw' }, text: t.confirm, on: { click: () => { this.store.cert = null; this.buildDraw(); } } }),
      h('button', { type: 'button', class: 'sr-btn', text: t.cancel, on: { click: () => { confirmBox.hidden = true; } } }));
    const stale = this.entryFiles.ready && this.entriesDiffer(cert);
    replace(this.drawBox,
      h('p', { class: 'sr-notice sr-noprint', text: t.locked }),
      stale ? h('p', { class: 'sr-notice sr-warn sr-noprint', attrs: { role: 'alert' }, dataset: { stale: 'true' }, text: t.stale }) : null,
      this.certificateDocument(cert, this.entryFiles.sources()),
      h('div', { class: 'sr-row-actions sr-noprint' },
        h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'download-certificate' }, text: t.downloadJson, on: { click: () => { download(t.certFileName(date), `${JSON.stringify(cert, null, 2)}\n`, 'application/json'); this.store.certSaved = true; } } }),
        h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'draw-file' }, text: t.drawFile, on: { click: () => download(t.drawFileName(date), cert.draw_file, 'text/plain;charset=utf-8') } }),
        h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'print' }, text: t.print, on: { click: () => window.print() } }),
        h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'verify-this' }, text: t.verifyThis, on: { click: () => this.verifyThis() } }),
        h('button', { type: 'button', class: 'sr-btn', dataset: { action: 'new-draw' }, text: t.newDraw, on: { click: () => { confirmBox.hidden = false; } } })),
      confirmBox,
      stale ? null : this.redrawForm(cert));
  }

  /** Whether the contest's files are no longer those the certificate was drawn from. */
  entriesDiffer(cert) {
    try {
      const v = this.core.verifyDraw(cert, this.entryFiles.entries(), this.lang);
      return !v.checks.find((c) => c.id === 'entries')?.ok;
    } catch {
      return true;
    }
  }

  /** Words for the rules a certificate records. */
  rulesText(r) {
    const t = this.t;
    const c = this.colon;
    const lines = [
      r.per === 'comment' ? t.perComment : t.perPerson,
      `${t.winners}${c}${r.winners} · ${t.alternates}${c}${r.alternates}`,
      r.include_replies ? t.replies : null,
      r.min_mentions ? `${t.mentions}${c}${r.min_mentions}` : null,
      r.keywords.length ? `${t.keywords}${c}${r.keywords.join(', ')}` : null,
      r.from ? `${t.from}${c}${this.when(r.from)}` : null,
      r.until ? `${t.until}${c}${this.when(r.until)}` : null,
      r.organiser ? `${t.account}${c}${r.organiser}` : null,
      r.exclude.length ? `${t.exclude}${c}${r.exclude.join(', ')}` : null,
      r.bonus.length ? `${t.bonus}${c}${r.bonus.map((b) => `${b.entrant} +${b.entries}`).join(', ')}` : null,
      r.bonus_per_mention ? `${t.perMention}${c}${r.bonus_per_mention}` : null,
      r.max_entries != null ? `${t.maxEntries}${c}${r.max_entries}` : null,
    ];
    return lines.filter(Boolean);
  }

  /** An ISO 8601 date or time as the certificate wrote it, in the user's words. */
  when(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(iso || '');
    if (!m) return iso || '';
    const [, y, mo, d, hh, mi, ss, off] = m;
    const at = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh || 0), Number(mi || 0), Number(ss || 0)));
    const opts = { timeZone: 'UTC', dateStyle: 'long' };
    if (hh) opts.timeStyle = ss ? 'medium' : 'short';
    const text = new Intl.DateTimeFormat(this.locale, opts).format(at);
    return off ? `${text} (UTC${off === 'Z' ? '' : off})` : text;
  }

  picks(list, kind) {
    const t = this.t;
    if (!list.length) return h('p', { class: 'sr-hint', text: t.none });
    return h('ol', { class: 'sr-picks', dataset: { picks: kind } }, list.map((p) => h('li', { dataset: { entrant: p.entrant, place: p.place } },
      h('span', { class: 'sr-place', text: `${p.place}.` }),
      h('span', { class: 'sr-who', text: p.entrant }),
      h('span', { class: 'sr-facts', text: `${t.tickets(p.tickets)} · ${t.rank} ${p.rank}` }),
      h('span', { class: 'sr-score', text: `${t.score} ${p.score}` }))));
  }

  /** The certificate as a document: on screen, and what the printer gets. */
  certificateDocument(cert, sources) {
    const t = this.t;
    const c = this.colon;
    const first = cert.drawings[0];
    const last = cert.drawings[cert.drawings.length - 1];
    const seedText = (d) => `${t.seedLine(d.seed.kind)}${c}${d.seed.value}${d.seed.source ? ` (${d.seed.source})` : ''}`;
    const drawing = (d) => h('section', { class: 'sr-drawing', dataset: { drawing: d.number } },
      h('h4', { text: t.drawing(d.number) }),
      h('p', { class: 'sr-facts', text: [d.drawn_at ? `${t.drawnAt} ${this.when(d.drawn_at)}` : null, seedText(d)].filter(Boolean).join(' · ') }),
      d.reason ? h('p', { class: 'sr-warn-text', dataset: { reason: d.reason }, text: t.redrawReason(d.disqualified.join(', '), d.reason) }) : null,
      h('strong', { text: t.winnersList }), this.picks(d.winners, 'winners'),
      h('strong', { text: t.alternatesList }), this.picks(d.alternates, 'alternates'));
    const printed = cert.exclusions.slice(0, LIST_CHUNK);
    return h('article', { class: 'sr-cert', dataset: { fingerprint: cert.fingerprint } },
      h('h3', { tabIndex: -1, text: t.certificate }),
      cert.title ? h('p', { class: 'sr-cert-title', style: { fontSize: '1.1rem', fontWeight: '650', margin: 0 }, text: cert.title }) : null,
      h('dl', { class: 'sr-kv' },
        first.drawn_at ? [h('dt', { text: t.drawnAt }), h('dd', { text: this.when(first.drawn_at) })] : null,
        h('dt', { text: t.fingerprintShort }), h('dd', { class: 'sr-mono', dataset: { certFingerprint: '' }, text: cert.fingerprint }),
        h('dt', { text: t.entriesHash }), h('dd', { class: 'sr-mono', text: cert.entries_sha256 }),
        h('dt', { text: t.seed }), h('dd', { class: 'sr-mono', dataset: { seed: last.seed.kind }, text: `${last.seed.value}${last.seed.source ? ` (${last.seed.source})` : ''}` }),
        h('dt', { text: t.software }), h('dd', { text: `${cert.software} · ${cert.format}` })),
      this.countsLine(cert.counts),
      h('h4', { text: t.rulesApplied }),
      h('ul', { class: 'sr-problems', dataset: { rules: '' } }, this.rulesText(cert.rules).map((x) => h('li', { text: x }))),
      cert.warnings.length ? h('ul', { class: 'sr-problems sr-warnings-list' }, cert.warnings.map((w) => h('li', { text: w.message }))) : null,
      cert.drawings.length > 1 ? h('h4', { text: t.history }) : null,
      cert.drawings.map(drawing),
      h('div', { class: 'sr-noprint' }, this.exclusionsBlock(cert.exclusions, sources)),
      h('div', { class: 'sr-print-only' },
        h('h4', { text: `${t.exclusionsTitle} (${cert.exclusions.length})` }),
        cert.exclusions.length
          ? h('table', { class: 'sr-print-table' }, h('tbody', {}, printed.map((x) => h('tr', {},
            h('td', { text: this.where(x, sources) }), h('td', { text: x.author || '—' }), h('td', { text: x.message })))))
          : h('p', { text: t.noneExcluded }),
        cert.exclusions.length > printed.length ? h('p', { text: t.printedMore(cert.exclusions.length - printed.length) }) : null),
      h('details', { class: 'sr-noprint' }, h('summary', { text: t.howTo }), h('ol', { class: 'sr-problems' }, t.howToSteps.map((x) => h('li', { text: x })))),
      h('div', { class: 'sr-print-only' }, h('h4', { text: t.howTo }), h('ol', {}, t.howToSteps.map((x) => h('li', { text: x })))));
  }

  redrawForm(cert) {
    const t = this.t;
    const s = this.store.redraw;
    const last = cert.drawings[cert.drawings.length - 1];
    const options = [...last.winners.map((p) => [p.entrant, t.winnerOption(p)]), ...last.alternates.map((p) => [p.entrant, t.alternateOption(p)])];
    if (!options.some(([v]) => v === s.who)) s.who = options[0]?.[0] ?? '';
    const whoId = uid('r');
    const whyId = uid('r');
    const status = h('p', { class: 'sr-warn-text', attrs: { role: 'alert' } });
    const form = h('section', { class: 'sr-section sr-noprint', dataset: { section: 'redraw' } },
      h('h3', { class: 'sr-section-title', text: t.redraw }),
      h('p', { class: 'sr-hint', text: t.redrawHint }),
      h('div', { class: 'sr-fields sr-wide-fields' },
        h('label', { class: 'sr-field', htmlFor: whoId },
          h('span', { class: 'sr-lbl', text: t.redrawWho }),
          h('select', { id: whoId, dataset: { redraw: 'disqualify' }, on: { change: (e) => { s.who = e.target.value; } } },
            options.map(([v, label]) => h('option', { value: v, text: label, selected: v === s.who }))),
          h('span', { class: 'sr-msg', attrs: { role: 'alert' } })),
        h('label', { class: 'sr-field', htmlFor: whyId },
          h('span', { class: 'sr-lbl', text: t.redrawWhy }),
          h('input', { id: whyId, type: 'text', autocomplete: 'off', value: s.reason, placeholder: t.redrawWhyHint, dataset: { redraw: 'reason' }, on: { input: (e) => { s.reason = e.target.value; } } }),
          h('span', { class: 'sr-msg', attrs: { role: 'alert' } }))),
      h('div', { class: 'sr-row-actions' },
        h('button', { type: 'button', class: 'sr-btn sr-primary', dataset: { action: 'redraw' }, text: t.redrawGo, disabled: !options.length, on: { click: () => this.redraw(form, status) } })),
      status);
    return form;
  }

  redraw(form, status) {
    const s = this.store.redraw;
    try {
      this.store.cert = this.core.redrawWinners(this.store.cert, this.entryFiles.entries(), { disqualify: [s.who], reason: s.reason, seed: null, drawn_at: now() }, this.lang);
    } catch (e) {
      // `redraw.reason`, `redraw.disqualify[0]` next to their fields; `certificate` below.
      const errors = (e?.errors || []).map((x) => ({ ...x, field: x.field.replace(/^redraw\./, '').replace(/\[\d+\]$/, '') }));
      const unplaced = this.showFieldErrors(form, errors, 'redraw');
      status.textContent = e?.errors ? unplaced.map((x) => x.message).join(' ') : e?.message || String(e);
      return;
    }
    this.store.redraw = { who: '', reason: '' };
    this.store.certSaved = false;
    this.renderCertificateView();
    this.drawBox.querySelector(`[data-drawing="${this.store.cert.drawings.length}"]`)?.scrollIntoView({ block: 'nearest' });
  }

  async verifyThis() {
    const v = this.store.verify;
    v.cert = this.store.cert;
    v.certName = this.t.fromDraw;
    v.certError = null;
    this.showView('verify');
    await this.verifyFiles.copyFrom(this.entryFiles);
  }

  // -- verify -----------------------------------------------------------------------------

  async readCertificate(file) {
    const v = this.store.verify;
    v.certFile = file;
    v.certName = file.name;
    try {
      v.cert = this.core.readCertificate(file.name, await file.text(), this.lang);
      v.certError = null;
    } catch (e) {
      v.cert = null;
      v.certError = e?.message || String(e);
    }
    this.renderVerify();
  }

  buildVerify() {
    const t = this.t;
    const picker = h('input', {
      type: 'file', accept: '.json', hidden: true, dataset: { control: 'certificate' },
      on: { change: (e) => { if (e.target.files[0]) this.readCertificate(e.target.files[0]); e.target.value = ''; } },
    });
    this.certCard = h('div');
    this.verdict = h('section', { class: 'sr-section', dataset: { section: 'verdict' }, attrs: { 'aria-live': 'polite' } });
    this.verifyFiles.render();
    replace(this.body,
      h('div', { class: 'sr-two' },
        h('section', { class: 'sr-section sr-noprint', dataset: { section: 'certificate' } },
          h('h3', { class: 'sr-section-title', text: t.certSlot }),
          h('p', { class: 'sr-hint', text: t.certSlotHint }),
          this.zone('certificate', picker, t.chooseOne),
          this.certCard),
        this.verifyFiles.el),
      this.verdict);
    // A certificate that failed says why in this language: read it again.
    const v = this.store.verify;
    if (v.certError && v.certFile) this.readCertificate(v.certFile);
    else this.renderVerify();
  }

  renderVerify() {
    if (this.store.view !== 'verify' || !this.verdict) return;
    const t = this.t;
    const v = this.store.verify;
    replace(this.certCard, v.certName
      ? h('article', { class: 'sr-efile', dataset: { file: v.certName } },
        h('div', { class: 'sr-efile-head' },
          h('span', { class: 'sr-efile-name', text: v.certName }),
          h('button', { type: 'button', class: 'sr-remove', text: '×', title: t.remove, attrs: { 'aria-label': `${t.remove} ${v.certName}` }, on: { click: () => { Object.assign(v, { cert: null, certName: null, certError: null, certFile: null }); this.renderVerify(); } } })),
        v.certError
          ? h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, dataset: { error: 'certificate' }, text: v.certError })
          : h('span', { class: 'sr-facts', text: [v.cert.title, `${t.fingerprintShort}${this.colon}${v.cert.fingerprint.slice(0, 16)}…`].filter(Boolean).join(' · ') }))
      : h('p', { class: 'sr-hint', text: t.noFile }));
    if (!v.cert) {
      replace(this.verdict, h('p', { class: 'sr-hint', text: t.verifyWait }));
      return;
    }
    if (!this.verifyFiles.ready) {
      replace(this.verdict, h('p', { class: 'sr-hint', text: this.verifyFiles.s.files.some((f) => f.state === 'reading') ? t.reading : t.verifyNeedEntries }));
      return;
    }
    let result;
    try {
      result = this.core.verifyDraw(v.cert, this.verifyFiles.entries(), this.lang);
    } catch (e) {
      replace(this.verdict, h('p', { class: 'sr-warn-text', attrs: { role: 'alert' }, text: e?.message || String(e) }));
      return;
    }
    const last = v.cert.drawings[v.cert.drawings.length - 1];
    replace(this.verdict,
      h('div', { class: `sr-verdict ${result.confirmed ? 'sr-ok' : 'sr-ko'}`, attrs: { role: 'status' }, dataset: { confirmed: String(result.confirmed) } },
        h('div', { style: { fontSize: '1.2rem' }, text: result.confirmed ? `✓ ${t.confirmed}` : `✗ ${t.refuted}` }),
        h('div', { dataset: { summary: '' }, text: result.summary })),
      h('h4', { text: t.checks }),
      h('ul', { class: 'sr-checks' }, result.checks.map((c) => h('li', { dataset: { check: c.id, ok: String(c.ok) } },
        h('span', { class: 'sr-mark', text: c.ok ? '✓' : '✗' }),
        h('strong', { text: `${c.label}${this.colon}` }), c.message))),
      result.confirmed ? [h('h4', { text: t.verifiedWinners }), this.picks(last.winners, 'winners')] : null);
  }
}
