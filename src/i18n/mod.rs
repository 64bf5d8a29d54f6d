//! The languages of the interface and every text it shows (#20).
//!
//! Texts live in two catalogue files, `en.txt` and `pl.txt` beside this
//! module (their rules are in `README.md` here); `build.rs` checks that
//! both hold the same keys, plural forms and placeholders, and turns the
//! keys into [`Key`], so a text that does not exist does not compile.
//! Screens write `t!(key)` or `t!(key, name = value)`, and `tn!(key, n)`
//! for a count with its noun.
//!
//! The language is chosen once for the page ([`set_language`]); the app
//! draws its screens again when the user switches. This module is the
//! lowest layer: it names nothing else in the crate.

use std::cell::{Cell, OnceCell};
use std::fmt::{Display, Write as _};

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));

/// Ends each text in [`ENGLISH`] and [`POLISH`] (the unit separator, which
/// no text holds).
const SEPARATOR: char = '\u{1f}';

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Polish.
    Polish,
}

/// Which form of a noun a count takes: Polish has three ("1 profil",
/// "2 profile", "5 profili"), English two ("1 profile", "5 profiles").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// One.
    One,
    /// Polish: 2-4, 22-24, 32-34… but not 12-14.
    Few,
    /// Everything else (English: every count but one).
    Many,
}

/// A space that keeps a number on one line: Polish groups thousands with
/// it ("1 250 000,50").
pub const NO_BREAK_SPACE: char = '\u{a0}';

impl Language {
    /// Every language, in the order the switch offers them.
    pub const ALL: [Language; 2] = [Language::Polish, Language::English];

    /// The language's code, for `<html lang>` and files.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Polish => "pl",
        }
    }

    /// The language with `code` (`pl`, `pl-PL`, `en-GB`…), if it is one
    /// of ours.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the browser's preferred languages (`navigator.languages`)
    /// that is one of ours; English when none is.
    pub fn preferred<'a>(browser: impl IntoIterator<Item = &'a str>) -> Self {
        browser
            .into_iter()
            .find_map(Self::from_code)
            .unwrap_or_default()
    }

    /// The language's own name, as its switch shows it (never translated).
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Polish => "Polski",
        }
    }

    /// Which form a count of `n` takes.
    pub fn plural(self, n: u64) -> Plural {
        match self {
            Language::English if n == 1 => Plural::One,
            Language::English => Plural::Many,
            Language::Polish => match (n % 10, n % 100) {
                _ if n == 1 => Plural::One,
                (2..=4, tens) if !(12..=14).contains(&tens) => Plural::Few,
                _ => Plural::Many,
            },
        }
    }

    /// The separators of a number: thousands, then decimals.
    pub fn separators(self) -> (char, char) {
        match self {
            Language::English => (',', '.'),
            Language::Polish => (NO_BREAK_SPACE, ','),
        }
    }

    /// A whole number for reading, its thousands grouped: "1,250" in
    /// English, "1 250" in Polish.
    pub fn integer(self, n: u64) -> String {
        let digits = n.to_string();
        let (thousands, _) = self.separators();
        let mut shown = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                shown.push(thousands);
            }
            shown.push(digit);
        }
        shown
    }

    fn texts(self) -> &'static str {
        match self {
            Language::English => ENGLISH,
            Language::Polish => POLISH,
        }
    }
}

thread_local! {
    static CURRENT: Cell<Language> = const { Cell::new(Language::English) };
    /// Each language's texts split into slots, the first time it is used.
    static TABLES: [OnceCell<Box<[&'static str]>>; 2] = const { [OnceCell::new(), OnceCell::new()] };
}

/// The language texts are shown in now.
pub fn language() -> Language {
    CURRENT.with(Cell::get)
}

/// Shows texts in `language` from now on (the page draws itself again).
pub fn set_language(language: Language) {
    CURRENT.with(|current| current.set(language));
}

fn slot(index: usize) -> &'static str {
    slot_in(language(), index)
}

fn slot_in(language: Language, index: usize) -> &'static str {
    TABLES.with(|tables| {
        let table = tables[language as usize].get_or_init(|| {
            let slots: Box<[&'static str]> = language.texts().split_terminator(SEPARATOR).collect();
            debug_assert_eq!(slots.len(), SLOTS);
            slots
        });
        table[index]
    })
}

/// The text of `key` in the current language (its "one" form, for a
/// plural).
pub fn text(key: Key) -> &'static str {
    slot(key as usize)
}

/// The text of `key` in `language`, whatever the page shows: for reading
/// back what either language wrote (a spreadsheet's headers).
pub fn text_in(language: Language, key: Key) -> &'static str {
    slot_in(language, key as usize)
}

/// `template` with each `{name}` replaced by the value at the same place
/// in `values` as `name` in `names`; `{{` and `}}` are braces. A
/// placeholder without a value stays as written, so a mistake shows on
/// screen rather than losing words. (Names and values come apart so that
/// a call passes its names as one constant: less code at each of the
/// thousand places that fill a text.)
pub fn fill(template: &str, names: &[&str], values: &[&dyn Display]) -> String {
    fill_with(template, names, values, None)
}

/// [`fill`], with `{n}` standing for `count` when given.
fn fill_with(
    template: &str,
    names: &[&str],
    values: &[&dyn Display],
    count: Option<&str>,
) -> String {
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let brace = rest.as_bytes()[at];
        let after = &rest[at + 1..];
        if after.as_bytes().first() == Some(&brace) {
            out.push(brace as char);
            rest = &after[1..];
            continue;
        }
        let end = match (brace, after.find('}')) {
            (b'{', Some(end)) => end,
            _ => {
                out.push(brace as char);
                rest = after;
                continue;
            }
        };
        let name = &after[..end];
        let value = names
            .iter()
            .position(|n| *n == name)
            .and_then(|i| values.get(i));
        match (value, count) {
            (Some(value), _) => {
                let _ = write!(out, "{value}");
            }
            (None, Some(count)) if name == "n" => out.push_str(count),
            (None, _) => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The form of plural `key` that a count of `n` takes in the current
/// language, with `{n}` as the language writes numbers and the other
/// placeholders filled from `names` and `values` (see [`fill`]).
pub fn plural(key: Key, n: u64, names: &[&str], values: &[&dyn Display]) -> String {
    let language = language();
    let form = language.plural(n) as usize;
    let count = language.integer(n);
    fill_with(slot(key as usize + form), names, values, Some(&count))
}

/// The text of a key, in the current language: `t!(key)` is a
/// `&'static str`; `t!(key, name = value, …)` a `String` with each
/// `{name}` filled.
#[macro_export]
macro_rules! t {
    ($key:ident) => {
        $crate::i18n::text($crate::i18n::Key::$key)
    };
    ($key:ident, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::text($crate::i18n::Key::$key),
            &[$(stringify!($name)),+],
            &[$(&$value as &dyn ::core::fmt::Display),+],
        )
    };
}

/// A count with its noun, in the form the count takes: `tn!(key, n)`, or
/// `tn!(key, n, name = value, …)` for more placeholders. The catalogue
/// writes the forms as `key[one]`, `key[few]` (Polish) and `key[many]`.
#[macro_export]
macro_rules! tn {
    ($key:ident, $n:expr $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::plural(
            $crate::i18n::Key::$key,
            ($n) as u64,
            &[$(stringify!($name)),*],
            &[$(&$value as &dyn ::core::fmt::Display),*],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_braces_kept() {
        let name = "Acme";
        assert_eq!(
            fill(
                "{name} has {count} {{notes}}",
                &["name", "count"],
                &[&name, &3]
            ),
            "Acme has 3 {notes}"
        );
        assert_eq!(fill("{missing} stays", &[], &[]), "{missing} stays");
        assert_eq!(fill("a } and { alone", &[], &[]), "a } and { alone");
    }

    #[test]
    fn polish_counts_take_one_of_three_forms() {
        let pl = Language::Polish;
        for (n, form) in [
            (0, Plural::Many),
            (1, Plural::One),
            (2, Plural::Few),
            (4, Plural::Few),
            (5, Plural::Many),
            (12, Plural::Many),
            (14, Plural::Many),
            (21, Plural::Many),
            (22, Plural::Few),
            (104, Plural::Few),
            (112, Plural::Many),
        ] {
            assert_eq!(pl.plural(n), form, "{n}");
        }
        assert_eq!(Language::English.plural(1), Plural::One);
        assert_eq!(Language::English.plural(2), Plural::Many);
        assert_eq!(Language::English.plural(0), Plural::Many);
    }

    #[test]
    fn whole_numbers_are_grouped_as_each_language_groups_them() {
        assert_eq!(Language::English.integer(1_250_000), "1,250,000");
        assert_eq!(Language::Polish.integer(1_250_000), "1\u{a0}250\u{a0}000");
        assert_eq!(Language::Polish.integer(999), "999");
        assert_eq!(Language::English.integer(0), "0");
    }

    #[test]
    fn the_browser_language_chooses_the_first_language() {
        assert_eq!(Language::preferred(["pl-PL", "en"]), Language::Polish);
        assert_eq!(Language::preferred(["de", "en-GB"]), Language::English);
        assert_eq!(Language::preferred(["de"]), Language::English);
    }

    #[test]
    fn texts_follow_the_chosen_language() {
        set_language(Language::Polish);
        assert_eq!(t!(shell_language_switch), "Język");
        assert_eq!(tn!(shared_profile_count, 5), "5 profili");
        assert_eq!(tn!(shared_profile_count, 22), "22 profile");
        set_language(Language::English);
        assert_eq!(t!(shell_language_switch), "Language");
        assert_eq!(tn!(shared_profile_count, 1), "1 profile");
        assert_eq!(tn!(shared_profile_count, 1250), "1,250 profiles");
    }

    #[test]
    fn a_text_can_be_read_in_either_language_whatever_is_shown() {
        assert_eq!(language(), Language::English);
        assert_eq!(
            text_in(Language::Polish, Key::shell_language_switch),
            "Język"
        );
        assert_eq!(
            text_in(Language::English, Key::shell_language_switch),
            "Language"
        );
        assert_eq!(language(), Language::English, "the page's language stays");
    }
}
