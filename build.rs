//! Builds the text catalogues (`src/i18n/en.txt`, `src/i18n/pl.txt`) into
//! the program, and refuses to build when they disagree: a key missing in
//! one language, a plural without all its forms, or a placeholder only one
//! language fills. The rules of the files are in `src/i18n/README.md`.
//!
//! It writes `catalogue.rs` into Cargo's `OUT_DIR`: the `Key` enum, one
//! variant a text (compile-time checked keys), and each language's texts
//! joined into one string, in key order.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The forms of a plural text, in slot order.
const FORMS: [&str; 3] = ["one", "few", "many"];

/// One text of a catalogue: a single form, or a plural's forms by name.
#[derive(Default)]
struct Entry {
    plain: Option<String>,
    forms: BTreeMap<String, String>,
    line: usize,
}

struct Catalogue {
    /// Keys in the order of the file.
    order: Vec<String>,
    entries: BTreeMap<String, Entry>,
}

fn main() {
    let dir = Path::new("src/i18n");
    println!("cargo::rerun-if-changed=src/i18n");
    let english = read(&dir.join("en.txt"));
    let polish = read(&dir.join("pl.txt"));
    let mut problems = Vec::new();
    check(&english, &polish, &mut problems);
    if !problems.is_empty() {
        panic!("the text catalogues disagree:\n  {}", problems.join("\n  "));
    }
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("catalogue.rs");
    fs::write(out, generate(&english, &polish)).expect("write catalogue.rs");
}

fn read(path: &Path) -> Catalogue {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut catalogue = Catalogue {
        order: Vec::new(),
        entries: BTreeMap::new(),
    };
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, value) = line
            .split_once(" = ")
            .or_else(|| line.strip_suffix(" =").map(|name| (name, "")))
            .unwrap_or_else(|| panic!("{}:{number}: expected `key = text`", path.display()));
        let (key, form) = match name.split_once('[') {
            Some((key, form)) => (key, form.strip_suffix(']')),
            None => (name, None),
        };
        let valid = key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            panic!(
                "{}:{number}: `{key}` is not a key (a-z, 0-9, _)",
                path.display()
            );
        }
        let value = unescape(value);
        if !catalogue.entries.contains_key(key) {
            catalogue.order.push(key.to_owned());
        }
        let entry = catalogue.entries.entry(key.to_owned()).or_default();
        let duplicate = match form {
            Some(form) if FORMS.contains(&form) => {
                entry.forms.insert(form.to_owned(), value).is_some() || entry.plain.is_some()
            }
            Some(_) => panic!(
                "{}:{number}: a plural form is [one], [few] or [many]",
                path.display()
            ),
            None => entry.plain.replace(value).is_some() || !entry.forms.is_empty(),
        };
        if duplicate {
            panic!("{}:{number}: `{name}` is written twice", path.display());
        }
        if entry.line == 0 {
            entry.line = number;
        }
    }
    catalogue
}

/// Ends each text in the program (the unit separator).
const SEPARATOR: char = '\u{1f}';

/// `\n` is a line break in a text; a text never holds the separator.
fn unescape(value: &str) -> String {
    assert!(!value.contains(SEPARATOR), "a text holds U+001F");
    value.replace("\\n", "\n")
}

/// The placeholders `{name}` of a text; `{{` and `}}` are braces.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text.replace("{{", "").replace("}}", "");
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        found.insert(after[..end].to_owned());
        rest = after[end + 1..].to_owned();
    }
    found
}

fn all_placeholders(entry: &Entry) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for text in entry.plain.iter().chain(entry.forms.values()) {
        found.extend(placeholders(text));
    }
    found
}

fn check(english: &Catalogue, polish: &Catalogue, problems: &mut Vec<String>) {
    for (language, this, other) in [("pl.txt", english, polish), ("en.txt", polish, english)] {
        for key in &this.order {
            if !other.entries.contains_key(key) {
                problems.push(format!("`{key}` is missing in {language}"));
            }
        }
    }
    for key in &english.order {
        let en = &english.entries[key];
        let Some(pl) = polish.entries.get(key) else {
            continue;
        };
        if en.plain.is_some() != pl.plain.is_some() {
            problems.push(format!("`{key}` is a plural in one language only"));
            continue;
        }
        if en.plain.is_none() {
            for (language, entry, needed) in [
                ("en.txt", en, &["one", "many"][..]),
                ("pl.txt", pl, &["one", "few", "many"][..]),
            ] {
                for form in needed {
                    if !entry.forms.contains_key(*form) {
                        problems.push(format!("`{key}[{form}]` is missing in {language}"));
                    }
                }
            }
        }
        let (en_names, pl_names) = (all_placeholders(en), all_placeholders(pl));
        if en_names != pl_names {
            problems.push(format!(
                "`{key}` fills {en_names:?} in English but {pl_names:?} in Polish"
            ));
        }
        for name in en_names.iter().chain(&pl_names) {
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !valid {
                problems.push(format!(
                    "`{key}` has a placeholder `{{{name}}}` that is not a name"
                ));
            }
        }
    }
}

/// The slots of one entry: its text, or its three forms (English's "few"
/// is its "many").
fn slots(entry: &Entry) -> Vec<&str> {
    match &entry.plain {
        Some(text) => vec![text],
        None => {
            let many = entry.forms.get("many").map_or("", String::as_str);
            FORMS
                .iter()
                .map(|form| entry.forms.get(*form).map_or(many, String::as_str))
                .collect()
        }
    }
}

fn generate(english: &Catalogue, polish: &Catalogue) -> String {
    let mut code = String::from(
        "/// A text of the interface: one a sentence, label or plural, in every\n\
         /// language (`src/i18n/en.txt`, `src/i18n/pl.txt`).\n\
         #[allow(non_camel_case_types)]\n\
         #[derive(Clone, Copy, PartialEq, Eq)]\n\
         #[repr(u16)]\n\
         pub enum Key {\n",
    );
    let mut en_text = Vec::new();
    let mut pl_text = Vec::new();
    for key in &english.order {
        let _ = writeln!(code, "    {key} = {},", en_text.len());
        en_text.extend(slots(&english.entries[key]));
        pl_text.extend(slots(&polish.entries[key]));
    }
    let _ = writeln!(
        code,
        "}}\n\n/// English texts, in slot order, each ended by U+001F.\n\
         pub(super) const ENGLISH: &str = {:?};\n\n\
         /// Polish texts, in slot order, each ended by U+001F.\n\
         pub(super) const POLISH: &str = {:?};\n\n\
         /// How many slots each language has.\n\
         pub(super) const SLOTS: usize = {};",
        joined(&en_text),
        joined(&pl_text),
        en_text.len()
    );
    code
}

fn joined(texts: &[&str]) -> String {
    let mut all = String::new();
    for text in texts {
        all.push_str(text);
        all.push(SEPARATOR);
    }
    all
}
