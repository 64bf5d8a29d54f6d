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

/// Reads a record's fields out of its JSON object, one by one.
///
/// A field that cannot be read leaves its type's default in the record
/// and is remembered; [`Reader::finish`] then refuses the record with the
/// first such fault. Reading on after a fault, rather than returning at
/// once, keeps the code for each record small: a return after every field
/// would need its own code to drop the fields read before it.
pub struct Reader {
    map: Map<String, Value>,
    fault: Option<Error>,
}

impl Reader {
    /// A reader of the object `value`, for the record `what`.
    pub fn new(value: Value, what: &'static str) -> Result<Self, Error> {
        match value {
            Value::Object(map) => Ok(Self { map, fault: None }),
            other => Err(invalid(&other, what)),
        }
    }

    /// A reader of the fields in `map`.
    pub fn of(map: Map<String, Value>) -> Self {
        Self { map, fault: None }
    }

    /// `read`'s value, or the default after remembering its fault.
    fn keep<T: Default>(&mut self, read: Result<T, Error>) -> T {
        self.keep_else(read, T::default)
    }

    /// `read`'s value, or `placeholder()` after remembering its fault.
    fn keep_else<T>(&mut self, read: Result<T, Error>, placeholder: fn() -> T) -> T {
        read.unwrap_or_else(|fault| {
            self.fault.get_or_insert(fault);
            placeholder()
        })
    }

    /// The field `key`, or `T`'s default when there is none.
    pub fn field<T: DeserializeOwned + Default>(&mut self, key: &str) -> T {
        match self.map.remove(key) {
            Some(value) => self.keep(serde_json::from_value(value)),
            None => T::default(),
        }
    }

    /// The field `key`, or `default()` when there is none.
    pub fn field_or<T: DeserializeOwned + Default>(&mut self, key: &str, default: fn() -> T) -> T {
        match self.map.remove(key) {
            Some(value) => self.keep(serde_json::from_value(value)),
            None => default(),
        }
    }

    /// The field `key`, which must be there.
    pub fn required<T: DeserializeOwned + Default>(&mut self, key: &'static str) -> T {
        let read = self.take(key).and_then(serde_json::from_value);
        self.keep(read)
    }

    /// The field `key` taken out, or the fault that it is missing.
    fn take(&mut self, key: &'static str) -> Result<Value, Error> {
        self.map
            .remove(key)
            .ok_or_else(|| Error::missing_field(key))
    }

    /// The field `key`, which must be there, of a type without a default:
    /// `placeholder()` stands in for it in a record that is then refused.
    pub fn required_else<T: DeserializeOwned>(
        &mut self,
        key: &'static str,
        placeholder: fn() -> T,
    ) -> T {
        let read = self.take(key).and_then(serde_json::from_value);
        self.keep_else(read, placeholder)
    }

    /// The decimal written as text in the field `key`, which must be there
    /// (see [`super::decimal::as_text`]).
    pub fn decimal_text(&mut self, key: &'static str) -> rust_decimal::Decimal {
        let read = self
            .take(key)
            .and_then(super::decimal::as_text::deserialize);
        self.keep(read)
    }

    /// The record (or list or option of records) in the field `key`, or
    /// `T`'s default when there is none.
    pub fn record<T: FromJson + Default>(&mut self, key: &str) -> T {
        match self.map.remove(key) {
            Some(value) => self.keep(T::from_json(value)),
            None => T::default(),
        }
    }

    /// The records (a list of them, say) in the field `key`, which must be
    /// there.
    pub fn required_record<T: FromJson + Default>(&mut self, key: &'static str) -> T {
        let read = self.take(key).and_then(T::from_json);
        self.keep(read)
    }

    /// Every field not read yet, kept for a round trip.
    pub fn rest(&mut self) -> Map<String, Value> {
        std::mem::take(&mut self.map)
    }

    /// `record`, unless a field could not be read.
    pub fn finish<T>(self, record: T) -> Result<T, Error> {
        match self.fault {
            Some(fault) => Err(fault),
            None => Ok(record),
        }
    }
}

/// Makes a record type readable from JSON: [`FromJson`], and serde's
/// `Deserialize` through it (for tests and any reader that wants serde).
///
/// List every field, in an order where `rest` comes last; a field is read
/// as written after its name:
/// - nothing: optional, its type's default when missing;
/// - `required`: refused as missing when missing;
/// - `required_else(f)`: the same, for a type without a default: `f()`
///   stands in for it in a record that is refused;
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
                let mut reader = $crate::domain::json::Reader::new(value, concat!("struct ", stringify!($ty)))?;
                let record = Self {
                    $($field: $crate::json_record!(@read reader, stringify!($field) $(, $mode $(($arg))?)?),)*
                };
                reader.finish(record)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <serde_json::Value as serde::Deserialize>::deserialize(deserializer)?;
                <Self as $crate::domain::json::FromJson>::from_json(value).map_err(serde::de::Error::custom)
            }
        }
    };
    (@read $reader:ident, $key:expr) => { $reader.field($key) };
    (@read $reader:ident, $key:expr, required) => { $reader.required($key) };
    (@read $reader:ident, $key:expr, or($default:expr)) => { $reader.field_or($key, $default) };
    (@read $reader:ident, $key:expr, required_else($placeholder:expr)) => { $reader.required_else($key, $placeholder) };
    (@read $reader:ident, $key:expr, text) => { $reader.decimal_text($key) };
    (@read $reader:ident, $key:expr, record) => { $reader.record($key) };
    (@read $reader:ident, $key:expr, skip) => { Default::default() };
    (@read $reader:ident, $key:expr, rest) => { $reader.rest() };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Profile;
    use crate::domain::time::Timestamp;

    #[test]
    fn records_are_read_by_serdes_rules_and_the_first_fault_is_reported() {
        use crate::domain::profile::Opportunity;
        let read = |text: &str| from_str::<Opportunity>(text).map_err(|e| e.to_string());
        let id = "5a3e0000-0000-4000-8000-000000000001";
        let o = read(&format!(r#"{{"id":"{id}","value":null,"later":[1]}}"#)).unwrap();
        assert_eq!(
            (o.title.as_str(), o.value),
            ("", None),
            "defaults; null is None"
        );
        assert_eq!(o.unknown_fields["later"], serde_json::json!([1]), "kept");
        assert_eq!(
            read(r#"{"title":"Wi-Fi"}"#).unwrap_err(),
            "missing field `id`"
        );
        assert_eq!(
            read(&format!(r#"{{"id":"{id}","title":5,"stage":true}}"#)).unwrap_err(),
            "invalid type: integer `5`, expected a string",
            "the first fault, in the record's order"
        );
        assert_eq!(
            read("[]").unwrap_err(),
            "invalid type: sequence, expected struct Opportunity"
        );
        assert_eq!(
            read(&format!(r#"{{"id":"{id}","title":null}}"#)).unwrap_err(),
            "invalid type: null, expected a string"
        );
    }

    #[test]
    fn gives_what_serde_json_to_value_gives() {
        let profile = Profile::new(
            "Bałtycka \"Stal\" <b>".into(),
            Timestamp::from_millis(1_767_322_000_123),
        );
        assert_eq!(to_value(&profile), serde_json::to_value(&profile).unwrap());
    }
}
