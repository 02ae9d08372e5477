//! The small word lists the rules and the language guess read (negations, boosters,
//! dampeners, `but`, each language's common words, the stop words): a word's [`Class`] says
//! every list it is in, found with its valence in the lexicon's one table
//! ([`super::lexicon::entry`]).

use crate::i18n::Lang;

/// The lists a word is in, one bit each.
pub(super) type Class = u16;

/// A word French texts use often (the language guess).
pub(super) const FRENCH: Class = 1;
/// A word English texts use often.
pub(super) const ENGLISH: Class = 1 << 1;
/// Too common to say what a comment is about.
pub(super) const STOP: Class = 1 << 2;
const NEGATOR: [Class; 2] = [1 << 3, 1 << 4];
const BOOSTER: [Class; 2] = [1 << 5, 1 << 6];
const DAMPENER: [Class; 2] = [1 << 7, 1 << 8];
const BUT: [Class; 2] = [1 << 9, 1 << 10];

fn of_lang(bits: [Class; 2], lang: Lang) -> Class {
    match lang {
        Lang::En => bits[0],
        Lang::Fr => bits[1],
    }
}

/// A negation in `lang` (`not`, `ne`, `pas`…).
pub(super) fn negator(lang: Lang) -> Class {
    of_lang(NEGATOR, lang)
}

/// A booster in `lang` (`very`, `très`…).
pub(super) fn booster(lang: Lang) -> Class {
    of_lang(BOOSTER, lang)
}

/// A dampener in `lang` (`slightly`, `peu`…).
pub(super) fn dampener(lang: Lang) -> Class {
    of_lang(DAMPENER, lang)
}

/// A `but` in `lang` (`but`, `mais`, `contre` of `par contre`…).
pub(super) fn but(lang: Lang) -> Class {
    of_lang(BUT, lang)
}

/// Every list with its bit: what [`super::lexicon`]'s one table of words is built from, so
/// that one lookup of a word says its lists and its valence.
pub(super) fn lists() -> [(&'static [&'static str], Class); 11] {
    [
        (FRENCH_WORDS, FRENCH),
        (ENGLISH_WORDS, ENGLISH),
        (STOP_WORDS, STOP),
        (NEGATORS_EN, NEGATOR[0]),
        (NEGATORS_FR, NEGATOR[1]),
        (BOOSTERS_EN, BOOSTER[0]),
        (BOOSTERS_FR, BOOSTER[1]),
        (DAMPENERS_EN, DAMPENER[0]),
        (DAMPENERS_FR, DAMPENER[1]),
        (BUT_EN, BUT[0]),
        (BUT_FR, BUT[1]),
    ]
}

/// Words that say a text is French.
const FRENCH_WORDS: &[&str] = &[
    "le", "la", "les", "un", "une", "des", "du", "de", "et", "est", "je", "tu", "il", "elle",
    "nous", "vous", "ils", "ce", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "son", "sa",
    "pour", "pas", "que", "qui", "avec", "sur", "dans", "mais", "ou", "tres", "trop", "c'", "j'",
    "n'", "l'", "d'", "qu'", "merci", "vraiment", "toujours", "encore", "rien", "aucun", "bonjour",
    "ca", "chez", "au", "aux", "ne", "on", "suis", "sont", "fait", "quel", "quelle",
];
/// Words that say a text is English.
const ENGLISH_WORDS: &[&str] = &[
    "the", "a", "an", "and", "is", "are", "was", "were", "i", "you", "he", "she", "we", "they",
    "it", "this", "that", "my", "your", "our", "their", "to", "of", "for", "not", "with", "on",
    "in", "but", "or", "very", "so", "thanks", "thank", "really", "always", "still", "nothing",
    "any", "hello", "just", "what", "why", "how", "do", "does", "did", "don't", "it's", "i'm",
    "be", "at", "have", "has", "will", "can", "no", "yes", "me",
];
/// Words too common to say what a comment is about, beyond the language markers above.
const STOP_WORDS: &[&str] = &[
    "est",
    "sont",
    "etait",
    "ete",
    "avoir",
    "avez",
    "avons",
    "ont",
    "ai",
    "as",
    "vos",
    "votre",
    "leur",
    "leurs",
    "nos",
    "notre",
    "tout",
    "tous",
    "toute",
    "toutes",
    "plus",
    "moins",
    "comme",
    "quand",
    "aussi",
    "alors",
    "donc",
    "car",
    "parce",
    "deja",
    "apres",
    "avant",
    "depuis",
    "cela",
    "ceci",
    "celui",
    "celle",
    "fois",
    "meme",
    "autre",
    "peu",
    "bien",
    "non",
    "oui",
    "moi",
    "toi",
    "lui",
    "eux",
    "leur",
    "faire",
    "fais",
    "font",
    "etre",
    "sans",
    "sous",
    "vers",
    "entre",
    "chaque",
    "ici",
    "vais",
    "va",
    "vont",
    "peut",
    "peux",
    "veux",
    "veut",
    "dit",
    "the",
    "and",
    "this",
    "that",
    "with",
    "from",
    "have",
    "has",
    "had",
    "was",
    "were",
    "are",
    "been",
    "they",
    "them",
    "their",
    "there",
    "here",
    "what",
    "when",
    "where",
    "which",
    "who",
    "your",
    "you",
    "our",
    "all",
    "any",
    "can",
    "could",
    "would",
    "should",
    "will",
    "just",
    "than",
    "then",
    "too",
    "also",
    "only",
    "even",
    "about",
    "after",
    "before",
    "again",
    "get",
    "got",
    "one",
    "two",
    "out",
    "off",
    "now",
    "its",
    "it's",
    "i'm",
    "i've",
    "you're",
    "don't",
    "didn't",
    "doesn't",
    "can't",
    "won't",
    "isn't",
    "very",
    "really",
    "still",
    "more",
    "most",
    "trop",
    "tres",
    "vraiment",
    "toujours",
    "encore",
    "rien",
    "jamais",
    "pas",
    "tellement",
];
const NEGATORS_EN: &[&str] = &[
    "not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "without", "hardly",
    "cannot", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "wont",
    "aint", "shouldnt", "wouldnt", "couldnt", "havent", "hasnt", "hadnt",
];
const NEGATORS_FR: &[&str] = &[
    "ne", "n'", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guere",
];
const BOOSTERS_EN: &[&str] = &[
    "very",
    "really",
    "so",
    "extremely",
    "super",
    "totally",
    "absolutely",
    "completely",
    "incredibly",
    "too",
    "truly",
    "highly",
    "such",
    "utterly",
    "seriously",
    "especially",
    "insanely",
    "damn",
    "soo",
    "sooo",
    "way",
];
const BOOSTERS_FR: &[&str] = &[
    "tres",
    "trop",
    "vraiment",
    "tellement",
    "super",
    "hyper",
    "grave",
    "carrement",
    "vachement",
    "extremement",
    "completement",
    "totalement",
    "absolument",
    "si",
    "archi",
    "ultra",
    "mega",
    "franchement",
    "particulierement",
    "bien",
];
const DAMPENERS_EN: &[&str] = &[
    "slightly", "somewhat", "kinda", "fairly", "rather", "partly", "barely", "almost", "bit",
];
const DAMPENERS_FR: &[&str] = &[
    "peu",
    "assez",
    "plutot",
    "legerement",
    "moyennement",
    "presque",
];
const BUT_EN: &[&str] = &["but", "however", "though", "although", "yet"];
const BUT_FR: &[&str] = &[
    "mais",
    "cependant",
    "pourtant",
    "toutefois",
    "neanmoins",
    "contre",
    "revanche",
];
