//! The Analysis tab's calls: `analyze` on the [`Workspace`] the Files tab filled (the dropped
//! files stay in Rust memory; only the report crosses), the default options with every preset
//! and choice (`analysisDefaults`), and the Facebook share-count calculator (`shareCount`).

use super::{from_js, to_js, Workspace};
use social_roi::{analyze, AnalysisOptions, Lang, ShareCountInput};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Workspace {
    /// Analyses every file read so far with `options` (the options JSON the README documents;
    /// `null` or `undefined` for the defaults), in `lang`. Options that cannot be used are
    /// listed in the report's `errors` and the rest is computed; a wrong shape (an unknown
    /// key, text where a number goes) throws `{kind: "input", message}`.
    ///
    /// `with_posts: false` leaves `engagement.posts` (one row per post, for the CSV) empty:
    /// the page asks for them only to export, since crossing tens of thousands of rows into
    /// JavaScript takes longer than the analysis itself. Every figure is the same either way.
    pub fn analyze(
        &self,
        options: JsValue,
        lang: &str,
        with_posts: Option<bool>,
    ) -> Result<JsValue, JsValue> {
        let options: AnalysisOptions = if options.is_null() || options.is_undefined() {
            AnalysisOptions::default()
        } else {
            from_js(&options, "the analysis options")?
        };
        let mut report = analyze(self.dataset(), &options, Lang::from_tag(lang));
        if with_posts == Some(false) {
            report.engagement.posts = Vec::new();
        }
        to_js(&report)
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
