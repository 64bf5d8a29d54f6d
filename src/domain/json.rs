//! A record as a JSON value, through the one serializer the app already
//! carries.

use serde::Serialize;
use serde_json::Value;

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
