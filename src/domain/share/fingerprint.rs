//! A short, stable summary of a record's content.

use serde::Serialize;

/// The fingerprint of a record: 16 hex digits of a 64-bit FNV-1a hash of
/// its JSON. Struct fields serialise in declaration order and maps in key
/// order, so equal records give equal fingerprints on every machine.
///
/// It only tells versions of one record apart (the id does the matching),
/// so a non-cryptographic hash is enough.
pub fn fingerprint<T: Serialize>(record: &T) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let json = serde_json::to_vec(record).expect("records always serialise");
    let hash = json.iter().fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(PRIME)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equal_content_gives_equal_fingerprints_and_any_change_a_new_one() {
        let a = json!({"id": "1", "name": "Acme"});
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        assert_ne!(
            fingerprint(&a),
            fingerprint(&json!({"id": "1", "name": "Acme."}))
        );
        assert_eq!(fingerprint(&a).len(), 16);
    }

    #[test]
    fn the_fingerprint_is_the_same_on_every_machine() {
        // A fixed value: changing the hash would turn every shared record
        // into a conflict, so this must never change.
        assert_eq!(fingerprint(&json!({"a": 1})), "9c3e82dd6fcae8b1");
    }
}
