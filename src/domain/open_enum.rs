//! Lists of values that a newer Clientele may extend: a status, an industry
//! rating, a criterion's measure. A value this build does not know is kept
//! as its text ([`OpenEnum::other`]), shown as that text, written back
//! unchanged, and counts as "not known" wherever a rule needs the value.
//! Without this, one new value from a newer build would make a whole record
//! (or the stored workspace) unreadable.
//!
//! Enums are declared with [`open_enum!`](crate::open_enum), which adds the
//! `Unlisted` variant and serde code that only calls the generic functions
//! here, so each enum costs a few lines of wasm rather than a visitor of its
//! own.
//!
//! The text of an unknown value is interned: stored once, for the life of the
//! page, and shared by every record holding it. That keeps these enums
//! `Copy` like plain ones. What is kept is bounded by the distinct unknown
//! texts actually read (a file is at most 10 MiB), not by how often they
//! occur.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

/// An enum whose file form is a plain string and which keeps strings it
/// does not know.
pub trait OpenEnum: Copy + PartialEq + 'static {
    /// Every known value with its name in files.
    const KNOWN: &'static [(Self, &'static str)];

    /// The value for text this build does not know.
    fn other(text: &'static str) -> Self;

    /// The text of a value this build does not know; `None` for a known one.
    fn unknown_text(self) -> Option<&'static str>;
}

/// Unknown texts read so far, each stored once.
static INTERNED: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());

/// The one stored copy of `text`, stored on first sight.
fn intern(text: &str) -> &'static str {
    // A panic elsewhere while the lock was held cannot leave the set half
    // changed (insert is the only change), so a poisoned lock is still good.
    let mut interned = INTERNED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(kept) = interned.get(text) {
        return kept;
    }
    let kept: &'static str = Box::leak(text.into());
    interned.insert(kept);
    kept
}

/// A value of a shape this build does not know (a newer build's answer or
/// span), kept as its JSON text. The text is stored once, so a value holding
/// it stays `Copy` like the known ones.
pub fn keep_unread(written: &serde_json::Value) -> &'static str {
    intern(&written.to_string())
}

/// Writes a value kept by [`keep_unread`] back as it was read.
pub fn write_unread<S: serde::Serializer>(text: &str, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    serde_json::from_str::<serde_json::Value>(text)
        .map_err(serde::ser::Error::custom)?
        .serialize(serializer)
}

/// The name of `value` in files: a known value's name, or an unknown
/// value's text exactly as it was read.
pub fn name_of<T: OpenEnum>(value: T) -> &'static str {
    value.unknown_text().unwrap_or_else(|| {
        T::KNOWN
            .iter()
            .find(|(known, _)| *known == value)
            .map_or("", |(_, name)| name)
    })
}

/// The value named `text` in a file; text this build does not know is kept.
pub fn from_name<T: OpenEnum>(text: &str) -> T {
    T::KNOWN
        .iter()
        .find(|(_, name)| *name == text)
        .map_or_else(|| T::other(intern(text)), |(known, _)| *known)
}

/// Reads an open enum from any string; anything but a string is refused,
/// as for a closed enum.
pub fn deserialize<'de, D: Deserializer<'de>, T: OpenEnum>(deserializer: D) -> Result<T, D::Error> {
    String::deserialize(deserializer).map(|text| from_name(&text))
}

/// Declares an enum written as a string in files, with an
/// `Unlisted(&'static str)` variant that keeps a value this build does not
/// know. Each known variant names its file text: `Customer = "customer"`.
/// Derives `Debug, Clone, Copy, PartialEq, Eq, Hash` and implements
/// [`OpenEnum`], `Serialize` and `Deserialize`; more derives (`Default`) may
/// be given.
#[macro_export]
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $text:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$variant_meta])* $variant, )*
            /// A value written by a newer Clientele, kept as its text: shown as
            /// it is, written back unchanged, and "not known" to every rule.
            Unlisted(&'static str),
        }

        impl $crate::domain::open_enum::OpenEnum for $name {
            const KNOWN: &'static [(Self, &'static str)] = &[$(($name::$variant, $text)),*];

            fn other(text: &'static str) -> Self {
                Self::Unlisted(text)
            }

            fn unknown_text(self) -> Option<&'static str> {
                match self {
                    Self::Unlisted(text) => Some(text),
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($crate::domain::open_enum::name_of(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::domain::open_enum::deserialize(deserializer)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    crate::open_enum! {
        /// A list with two known values.
        #[derive(Default)]
        enum Colour {
            /// Red.
            #[default]
            Red = "red",
            /// Dark blue.
            DarkBlue = "dark_blue",
        }
    }

    fn read(json: &str) -> Result<Colour, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn known_values_read_and_write_their_names() {
        assert_eq!(read(r#""dark_blue""#).unwrap(), Colour::DarkBlue);
        assert_eq!(
            serde_json::to_string(&Colour::DarkBlue).unwrap(),
            r#""dark_blue""#
        );
        assert_eq!(name_of(Colour::Red), "red");
        assert_eq!(Colour::default(), Colour::Red);
    }

    #[test]
    fn an_unknown_value_is_kept_exactly_and_written_back_unchanged() {
        for text in ["green", "Red", "", "dark blue", "żółty \"quoted\""] {
            let json = serde_json::to_string(text).unwrap();
            let colour = read(&json).unwrap();
            assert_eq!(colour, Colour::Unlisted(text), "{json}");
            assert_eq!(colour.unknown_text(), Some(text));
            assert_eq!(serde_json::to_string(&colour).unwrap(), json);
        }
        assert_eq!(Colour::Red.unknown_text(), None);
    }

    #[test]
    fn an_unknown_value_is_stored_once_however_often_it_is_read() {
        let (Colour::Unlisted(a), Colour::Unlisted(b)) =
            (read(r#""violet""#).unwrap(), read(r#""violet""#).unwrap())
        else {
            panic!("violet is not a known colour")
        };
        assert!(std::ptr::eq(a, b), "one stored copy");
    }

    #[test]
    fn an_unknown_value_is_read_inside_records_and_from_parsed_json() {
        #[derive(serde::Deserialize)]
        struct Row {
            colour: Colour,
            #[serde(flatten)]
            _rest: serde_json::Map<String, serde_json::Value>,
        }
        let row: Row = serde_json::from_str(r#"{"colour":"teal","size":3}"#).unwrap();
        assert_eq!(row.colour, Colour::Unlisted("teal"));
        let value = serde_json::json!("teal");
        assert_eq!(
            serde_json::from_value::<Colour>(value).unwrap(),
            Colour::Unlisted("teal")
        );
    }

    #[test]
    fn what_is_not_a_string_is_refused_as_before() {
        for json in ["3", "null", "true", r#"{"red":1}"#, r#"["red"]"#] {
            assert!(read(json).is_err(), "{json}");
        }
    }
}
