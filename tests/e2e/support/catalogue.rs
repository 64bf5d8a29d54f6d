//! The app's texts as its catalogues write them (`src/i18n/*.txt`), so a
//! test in Polish finds a control by the label a Polish user reads, and
//! follows the catalogue when a wording changes.

use std::collections::HashMap;
use std::sync::OnceLock;

fn parse(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| {
            let (key, value) = line
                .split_once(" = ")
                .or_else(|| line.strip_suffix(" =").map(|k| (k, "")))?;
            Some((key.to_owned(), value.replace("\\n", "\n")))
        })
        .collect()
}

/// The Polish text of `key` (a plural's form as `key[few]`), with its
/// placeholders as written; see [`pl_with`] to fill them.
pub fn pl(key: &str) -> String {
    static POLISH: OnceLock<HashMap<String, String>> = OnceLock::new();
    let texts = POLISH.get_or_init(|| parse(include_str!("../../../src/i18n/pl.txt")));
    texts
        .get(key)
        .unwrap_or_else(|| panic!("`{key}` is not in src/i18n/pl.txt"))
        .clone()
}

/// The Polish text of `key` with each `{name}` replaced by its value.
pub fn pl_with(key: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(pl(key), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}
