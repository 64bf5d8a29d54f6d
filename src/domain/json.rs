//! Records and JSON values: writing a record as a value through the one
//! serializer the app already carries, and reading records from values.
//!
//! Reading: a record type is read by [`FromJson`], made by [`json_record!`]
//! from the list of its fields. Serde's derived readers compile a state
//! machine for every record type, and one more pass over a buffer for the
//! fields a record keeps unread (`unknown_fields`); with some twenty record
//! types that was the largest part of the download. A record here is read
//! from the JSON object it owns: each field is taken out of the object by
//! name and read by its type's own reader (shared by every record with a
//! field of that type), and what is left is the record's unknown fields.
//! The rules are serde's: a field with a default may be missing, a field
//! without one is refused as missing, `null` is only an `Option`'s `None`,
//! and the error messages are serde's own.

use serde::Serialize;
use serde::de::{DeserializeOwned, Error as _, Unexpected};
use serde_json::{Error, Map, Value};

/// `record` as a JSON value, the same as `serde_json::to_value`.
///
/// It writes the record as text and reads that back: every record type
/// then needs only the text serializer, which files and storage use anyway,
/// instead of a second copy of its serialization code for values (some
/// 8 KB of gzipped wasm). The extra parse costs microseconds per record.
pub fn to_value<T: Serialize + ?Sized>(record: &T) -> Value {
    let text = serde_json::to_string(record).expect("records always serialise");
    serde_json::from_str(&text).expect("serde_json reads what it writes")
}

/// A type read from a JSON value it owns.
pub trait FromJson: Sized {
    /// Reads `value`, or says why it cannot, in serde's words.
    fn from_json(value: Value) -> Result<Self, Error>;
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Array(items) => items.into_iter().map(T::from_json).collect(),
            other => Err(invalid(&other, "a sequence")),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: Value) -> Result<Self, Error> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

/// Reads a `T` from `text`, as `serde_json::from_str` does.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, Error> {
    T::from_json(serde_json::from_str(text)?)
}

/// The object `value` is, to read the record `what` from.
pub fn object(value: Value, what: &'static str) -> Result<Map<String, Value>, Error> {
    match value {
        Value::Object(map) => Ok(map),
        other => Err(invalid(&other, what)),
    }
}

/// The error for `value` where `expected` was expected.
fn invalid(value: &Value, expected: &str) -> Error {
    let unexpected = match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(_) => Unexpected::Other("number"),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    };
    Error::invalid_type(unexpected, &expected)
}

/// The field `key` of `map`, or `T`'s default when there is none.
pub fn field<T: DeserializeOwned + Default>(
    map: &mut Map<String, Value>,
    key: &str,
) -> Result<T, Error> {
    map.remove(key)
        .map_or_else(|| Ok(T::default()), serde_json::from_value)
}

/// The field `key` of `map`, or `default()` when there is none.
pub fn field_or<T: DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &str,
    default: fn() -> T,
) -> Result<T, Error> {
    map.remove(key)
        .map_or_else(|| Ok(default()), serde_json::from_value)
}

/// The field `key` of `map`, which must be there.
pub fn required<T: DeserializeOwned>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<T, Error> {
    serde_json::from_value(map.remove(key).ok_or_else(|| Error::missing_field(key))?)
}

/// The decimal written as text in the field `key` of `map`, which must be
/// there (see [`super::decimal::as_text`]).
pub fn decimal_text(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<rust_decimal::Decimal, Error> {
    super::decimal::as_text::deserialize(map.remove(key).ok_or_else(|| Error::missing_field(key))?)
}

/// The record (or list or option of records) in the field `key` of `map`,
/// or `T`'s default when there is none.
pub fn record<T: FromJson + Default>(map: &mut Map<String, Value>, key: &str) -> Result<T, Error> {
    map.remove(key)
        .map_or_else(|| Ok(T::default()), T::from_json)
}

/// Makes a record type readable from JSON: [`FromJson`], and serde's
/// `Deserialize` through it (for tests and any reader that wants serde).
///
/// List every field, in an order where `rest` comes last; a field is read
/// as written after its name:
/// - nothing: optional, its type's default when missing;
/// - `required`: refused as missing when missing;
/// - `or(f)`: `f()` when missing;
/// - `text`: a decimal written as text, required;
/// - `record`: a record, or a list or option of records, optional;
/// - `skip`: not read, its default;
/// - `rest`: every field not read before, kept for a round trip.
#[macro_export]
macro_rules! json_record {
    ($ty:ident { $($field:ident $(: $mode:ident $(($arg:expr))?)?),* $(,)? }) => {
        impl $crate::domain::json::FromJson for $ty {
            fn from_json(value: serde_json::Value) -> Result<Self, serde_json::Error> {
                let mut map = $crate::domain::json::object(value, concat!("struct ", stringify!($ty)))?;
                let map = &mut map;
                Ok(Self {
                    $($field: $crate::json_record!(@read map, stringify!($field) $(, $mode $(($arg))?)?),)*
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::domain::json::FromJson>::from_json(value).map_err(serde::de::Error::custom)
            }
        }
    };
    (@read $map:ident, $key:expr) => { $crate::domain::json::field($map, $key)? };
    (@read $map:ident, $key:expr, required) => { $crate::domain::json::required($map, $key)? };
    (@read $map:ident, $key:expr, or($default:expr)) => { $crate::domain::json::field_or($map, $key, $default)? };
    (@read $map:ident, $key:expr, text) => { $crate::domain::json::decimal_text($map, $key)? };
    (@read $map:ident, $key:expr, record) => { $crate::domain::json::record($map, $key)? };
    (@read $map:ident, $key:expr, skip) => { Default::default() };
    (@read $map:ident, $key:expr, rest) => { std::mem::take($map) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Profile;
    use crate::domain::time::Timestamp;

    #[test]
    fn gives_what_serde_json_to_value_gives() {
        let profile = Profile::new(
            "Bałtycka \"Stal\" <b>".into(),
            Timestamp::from_millis(1_767_322_000_123),
        );
        assert_eq!(to_value(&profile), serde_json::to_value(&profile).unwrap());
    }
}
