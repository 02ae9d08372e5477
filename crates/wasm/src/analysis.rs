//! The Analysis tab's calls: `analyze` on the [`Workspace`] the Files tab filled (the dropped
//! files stay in Rust memory; only the report crosses), its exports (`postsCsv`, the per-post
//! CSV as text ready to save, and `exportDocument`, the JSON export), the default options
//! with every preset and choice (`analysisDefaults`), and the Facebook share-count calculator
//! (`shareCount`).

use super::{from_js, to_js, Workspace};
use social_roi::{
    analyze, analyze_summary, export_document, posts_csv, prepare_analysis, AnalysisOptions, Lang,
    ShareCountInput,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Workspace {
    /// Analyses every file read so far with `options` (the options JSON docs/analysis.md documents;
    /// `null` or `undefined` for the defaults), in `lang`. Options that cannot be used are
    /// listed in the report's `errors` and the rest is computed; a wrong shape (an unknown
    /// key, text where a number goes) throws `{kind: "input", message}`.
    ///
    /// `with_posts: false` leaves `engagement.posts` (one row per post) empty: the page never
    /// needs them (its exports are `postsCsv` and `exportDocument`), and crossing tens of
    /// thousands of rows into JavaScript takes longer than the analysis itself; the core does
    /// not build them either ([`analyze_summary`]). Every figure is the same either way.
    pub fn analyze(
        &self,
        options: JsValue,
        lang: &str,
        with_posts: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let options = analysis_options(&options)?;
        let lang = Lang::from_tag(lang);
        let report = if with_posts == Some(false) {
            analyze_summary(self.inner(), &options, lang)
        } else {
            analyze(self.inner(), &options, lang)
        };
        to_js(&report)
    }

    /// Reads ahead of the first analysis in `lang`: about `budget` bytes of the files' texts
    /// more (their sentiments, kept), so that `analyze` reads only what is left; `true` once
    /// every text is read. The page calls it a slice at a time while nothing else waits.
    #[wasm_bindgen(js_name = readAhead)]
    pub fn read_ahead(&self, lang: &str, budget: u32) -> bool {
        self.inner()
            .read_ahead(Lang::from_tag(lang), budget as usize)
    }

    /// Computes and keeps what `analyze` with `options` in `lang` will need
    /// (`social_roi::prepare_analysis`); the page calls it once `readAhead` is done. Throws as
    /// `analyze` does.
    #[wasm_bindgen(js_name = prepareAnalysis)]
    pub fn prepare_analysis(&self, options: JsValue, lang: &str) -> Result<(), JsValue> {
        let options = analysis_options(&options)?;
        prepare_analysis(self.inner(), &options, Lang::from_tag(lang));
        Ok(())
    }

    /// The per-post CSV of the analysis with `options`, in `lang` (what `social-roi analyze
    /// --csv` prints): text to save as it is, with its byte-order mark, `;` and decimal commas
    /// in French, `,` in English, text that reads as a formula guarded, the file and line of
    /// each post last. Throws as `analyze` does.
    #[wasm_bindgen(js_name = postsCsv)]
    pub fn posts_csv(&self, options: JsValue, lang: &str) -> Result<String, JsValue> {
        let options = analysis_options(&options)?;
        let lang = Lang::from_tag(lang);
        Ok(posts_csv(&analyze(self.inner(), &options, lang), lang))
    }

    /// The JSON export: `{files, totals, analysis, options}`, the shape of `social-roi analyze
    /// --json` (each file with its id, the analysis with every post) and the options as the
    /// core read them; the page saves `JSON.stringify(document, null, 2)`. Throws as `analyze`
    /// does.
    #[wasm_bindgen(js_name = exportDocument)]
    pub fn export_document(&self, options: JsValue, lang: &str) -> Result<JsValue, JsValue> {
        let options = analysis_options(&options)?;
        to_js(&export_document(
            self.inner(),
            &options,
            Lang::from_tag(lang),
        ))
    }
}

/// The analysis options from JavaScript; `null` or `undefined` for the defaults.
fn analysis_options(options: &JsValue) -> Result<AnalysisOptions, JsValue> {
    if options.is_null() || options.is_undefined() {
        Ok(AnalysisOptions::default())
    } else {
        from_js(options, "the analysis options")
    }
}

/// The default options, every preset (label, explanation, sources, rule) and the names of
/// every interaction, denominator, aggregation, network and weekday, in `lang`.
#[wasm_bindgen(js_name = analysisDefaults)]
pub fn analysis_defaults(lang: &str) -> Result<JsValue, JsValue> {
    to_js(&social_roi::analysis_defaults(Lang::from_tag(lang)))
}

/// Facebook's share count from its parts, or the missing part from the count and the other
/// two: `input` is `{share_count, shares, likes_on_shares, comments_on_shares, decimal_mark}`,
/// each a number, typed text or blank.
#[wasm_bindgen(js_name = shareCount)]
pub fn share_count(input: JsValue, lang: &str) -> Result<JsValue, JsValue> {
    let input: ShareCountInput = from_js(&input, "the share count")?;
    to_js(&social_roi::share_count(&input, Lang::from_tag(lang)))
}
