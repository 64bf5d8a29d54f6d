//! The text catalogues (`src/i18n/en.txt`, `src/i18n/pl.txt`) against
//! each other and against the code (#20):
//! - both languages hold the same keys, plural forms and placeholders
//!   (`build.rs` refuses to build otherwise; this test says it in a list);
//! - every `t!`/`tn!` names a key of the kind it is (`tn!` for plurals)
//!   and fills exactly the key's placeholders;
//! - screens (`src/app`) and `src/messages.rs` show no literal sentence of
//!   their own: every text a person reads comes from the catalogues.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// One key of a catalogue: its forms (`""` for a text without forms) and
/// their texts.
type Catalogue = BTreeMap<String, BTreeMap<String, String>>;

fn catalogue(language: &str) -> Catalogue {
    let path = format!("src/i18n/{language}.txt");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut keys = Catalogue::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, value) = line
            .split_once(" = ")
            .or_else(|| line.strip_suffix(" =").map(|n| (n, "")))
            .unwrap_or_else(|| panic!("{path}: `{line}` is not `key = text`"));
        let (key, form) = match name.split_once('[') {
            Some((key, form)) => (key, form.trim_end_matches(']')),
            None => (name, ""),
        };
        keys.entry(key.to_owned())
            .or_default()
            .insert(form.to_owned(), value.to_owned());
    }
    keys
}

fn placeholders(forms: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for text in forms.values() {
        let text = text.replace("{{", "").replace("}}", "");
        let mut rest = text.as_str();
        while let Some(start) = rest.find('{') {
            let Some(end) = rest[start..].find('}') else {
                break;
            };
            names.insert(rest[start + 1..start + end].to_owned());
            rest = &rest[start + end + 1..];
        }
    }
    names
}

#[test]
fn both_languages_hold_every_key_with_its_forms_and_placeholders() {
    let (english, polish) = (catalogue("en"), catalogue("pl"));
    let mut problems = Vec::new();
    for (key, en) in &english {
        let Some(pl) = polish.get(key) else {
            problems.push(format!("`{key}` is missing in Polish"));
            continue;
        };
        let plural = !en.contains_key("");
        let needed: &[&str] = if plural {
            &["one", "few", "many"]
        } else {
            &[""]
        };
        for form in needed {
            if !pl.contains_key(*form) {
                problems.push(format!("`{key}[{form}]` is missing in Polish"));
            }
        }
        if plural && !(en.contains_key("one") && en.contains_key("many")) {
            problems.push(format!("`{key}` needs [one] and [many] in English"));
        }
        if placeholders(en) != placeholders(pl) {
            problems.push(format!(
                "`{key}` fills different placeholders in the two languages"
            ));
        }
        for (form, text) in pl {
            // English writes no "few": its "many" stands for it.
            let english_form = if form == "few" { "many" } else { form.as_str() };
            if text.trim().is_empty() != en.get(english_form).is_none_or(|t| t.trim().is_empty()) {
                problems.push(format!("`{key}` is empty in one language only"));
            }
        }
    }
    for key in polish.keys().filter(|k| !english.contains_key(*k)) {
        problems.push(format!("`{key}` is missing in English"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The Rust sources under `path`, without their test modules.
fn sources(path: &Path, found: &mut Vec<(PathBuf, String)>) {
    if path.is_file() {
        let text = fs::read_to_string(path).expect("a source file");
        let code = match text.find("#[cfg(test)]") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        found.push((path.to_owned(), code));
        return;
    }
    let mut entries: Vec<_> = fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if entry.is_dir() && name != "tests" || name.ends_with(".rs") && name != "tests.rs" {
            sources(&entry, found);
        }
    }
}

/// One piece of Rust source: a string literal with its text, or code.
enum Token<'a> {
    Text { at: usize, value: String },
    Code(&'a str),
}

/// Splits source into string literals and the code between them, dropping
/// comments (a `//` inside a string is not one).
fn tokens(source: &str) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let (mut i, mut code_from) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                found.push(Token::Code(&source[code_from..i]));
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                code_from = i;
            }
            b'\'' => {
                // A char literal ('"', '\'') or a lifetime.
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 4;
                } else if bytes.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            b'"' | b'r' if starts_string(bytes, i) => {
                found.push(Token::Code(&source[code_from..i]));
                let (value, end) = string_at(source, i);
                found.push(Token::Text { at: i, value });
                i = end;
                code_from = i;
            }
            _ => i += 1,
        }
    }
    found.push(Token::Code(&source[code_from.min(source.len())..]));
    found
}

fn starts_string(bytes: &[u8], i: usize) -> bool {
    if bytes[i] == b'"' {
        return true;
    }
    // r"…" or r#"…"#, not the end of an identifier like `for"`.
    let before_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
    let mut j = i + 1;
    while bytes.get(j) == Some(&b'#') {
        j += 1;
    }
    before_ok && bytes.get(j) == Some(&b'"')
}

/// The text of the literal starting at `i`, and where it ends.
fn string_at(source: &str, i: usize) -> (String, usize) {
    let bytes = source.as_bytes();
    if bytes[i] == b'r' {
        let hashes = bytes[i + 1..].iter().take_while(|b| **b == b'#').count();
        let start = i + 1 + hashes + 1;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = source[start..].find(&close).expect("a closed raw string") + start;
        return (source[start..end].to_owned(), end + close.len());
    }
    let mut value = String::new();
    let mut j = i + 1;
    while j < bytes.len() && bytes[j] != b'"' {
        if bytes[j] == b'\\' {
            j += 2;
            value.push(' ');
            continue;
        }
        let c = source[j..].chars().next().expect("a character");
        value.push(c);
        j += c.len_utf8();
    }
    (value, j + 1)
}

/// Whether a literal reads as words for people: a capitalised word, or
/// two words with a space between them.
fn reads_as_text(value: &str) -> bool {
    let words: Vec<&str> = value
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    let capitalised = words.iter().any(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    });
    let sentence = value.contains(' ') && words.len() >= 2 && !value.contains(['-', '_', '/']);
    capitalised || sentence
}

/// Literals that are not text for people, by what the code just before
/// them does with them: attribute values that are names, ids and
/// addresses; keys of the keyboard; messages for developers.
const NOT_TEXT_BEFORE: &[&str] = &[
    "class=",
    "id=",
    "for=",
    "href=",
    "type=",
    "name=",
    "autocomplete=",
    "inputmode=",
    "role=",
    "accept=",
    "pattern=",
    "rel=",
    "style=",
    "aria-describedby=",
    "aria-controls=",
    "aria-labelledby=",
    "aria-live=",
    "aria-current=",
    "aria-invalid=",
    "aria-sort=",
    "aria-expanded=",
    "aria-haspopup=",
    "spellcheck=",
    "lang=",
    "enterkeyhint=",
    "expect(",
    "panic!(",
    "unreachable!(",
    "debug_assert!(",
    "assert!(",
    "set_attribute(",
    "get_element_by_id(",
    "query_selector(",
    "query_selector_all(",
    "key() ==",
    "class(",
    "add_event_listener_with_callback(",
    "remove_attribute(",
    "set_property(",
];

/// Literals that are the same in every language: the product's name and
/// each language's own name on the switch, keys of the keyboard, fonts.
const NOT_TEXT: &[&str] = &[
    "Clientele",
    "English",
    "Polski",
    "Enter",
    "Escape",
    "ArrowUp",
    "ArrowDown",
    "ArrowLeft",
    "ArrowRight",
    "Home",
    "End",
    "Tab",
    "Delete",
    "Backspace",
    "PageUp",
    "PageDown",
];

#[test]
fn screens_show_no_sentence_outside_the_catalogue() {
    let mut files = Vec::new();
    sources(Path::new("src/app"), &mut files);
    sources(Path::new("src/messages.rs"), &mut files);
    let mut found = Vec::new();
    for (path, source) in &files {
        let mut previous_code = "";
        for token in tokens(source) {
            match token {
                Token::Code(code) => previous_code = code,
                Token::Text { at, value } => {
                    let before = previous_code.trim_end();
                    let excused = NOT_TEXT_BEFORE.iter().any(|b| before.ends_with(b))
                        || NOT_TEXT.contains(&value.trim());
                    if reads_as_text(&value) && !excused {
                        let line = source[..at].lines().count().max(1);
                        found.push(format!("{}:{line}: \"{value}\"", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "{} texts on screen are not in the catalogue (src/i18n/en.txt):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_text_the_code_asks_for_exists_and_gets_its_placeholders() {
    let english = catalogue("en");
    let mut files = Vec::new();
    sources(Path::new("src"), &mut files);
    let mut problems = Vec::new();
    let mut calls = 0;
    // The macros' own definitions and docs are in src/i18n.
    files.retain(|(path, _)| !path.starts_with("src/i18n"));
    for (path, source) in &files {
        for (macro_name, plural) in [("t!(", false), ("tn!(", true)] {
            for (at, _) in source.match_indices(macro_name) {
                let before = source[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                // A call shown in a comment or doc comment is not one.
                let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
                if source[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let args = call_arguments(&source[at + macro_name.len()..]);
                let Some(key) = args.first() else { continue };
                if !key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                {
                    continue; // the macro's own definition
                }
                calls += 1;
                let line = source[..at].lines().count();
                let place = format!("{}:{line}", path.display());
                let Some(forms) = english.get(key.as_str()) else {
                    problems.push(format!("{place}: `{key}` is not in the catalogue"));
                    continue;
                };
                if plural == forms.contains_key("") {
                    let wanted = if plural { "t!" } else { "tn!" };
                    problems.push(format!("{place}: `{key}` is read with {wanted}"));
                }
                let skip = if plural { 2 } else { 1 };
                let given: BTreeSet<String> = args
                    .iter()
                    .skip(skip)
                    .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_owned()))
                    .collect();
                let mut wanted = placeholders(forms);
                if plural {
                    wanted.remove("n");
                }
                if given != wanted {
                    problems.push(format!(
                        "{place}: `{key}` fills {wanted:?}, the code gives {given:?}"
                    ));
                }
            }
        }
    }
    assert!(calls > 0, "no text is read through t! or tn!");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The top-level arguments of a macro call, from just after its `(`.
fn call_arguments(rest: &str) -> Vec<String> {
    let mut args = vec![String::new()];
    let mut depth = 0;
    let mut in_string = false;
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        if in_string {
            args.last_mut().expect("an argument").push(c);
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                args.push(String::new());
                continue;
            }
            _ => {}
        }
        args.last_mut().expect("an argument").push(c);
    }
    args.into_iter()
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .collect()
}
