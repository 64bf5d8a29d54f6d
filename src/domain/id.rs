//! Stable record identifiers. Every record gets its UUID when it is created and
//! keeps it for life: merges, links between records and exports rely on it.

use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;

/// Declares a typed UUID so that the id of one kind of record cannot be passed
/// where another kind is expected.
macro_rules! record_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(Uuid);

        // The same order as the UUIDs' bytes, compared as one number: ids
        // key the maps that scoring looks up thousands of times, and the
        // byte-by-byte comparison was a sixth of the ranking's time.
        impl Ord for $name {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.0.as_u128().cmp(&other.0.as_u128())
            }
        }

        impl PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }

        impl $name {
            /// A new random (version 4) id.
            pub fn new() -> Self {
                Self(Uuid::new_v4())
            }

            /// The id with this UUID (read from a link or a file).
            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            /// The underlying UUID.
            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

record_id!(
    /// Identifies one workspace: the whole set of records a team keeps.
    WorkspaceId
);
record_id!(
    /// Identifies a customer profile.
    ProfileId
);
record_id!(
    /// Identifies a person on a profile.
    PersonId
);
record_id!(
    /// Identifies an address on a profile.
    AddressId
);
record_id!(
    /// Identifies an opportunity on a profile.
    OpportunityId
);
record_id!(
    /// Identifies a competitor entry on a profile.
    CompetitorId
);
record_id!(
    /// Identifies a step of a profile's action plan.
    StepId
);
record_id!(
    /// Identifies an entry of a profile's update log.
    LogEntryId
);
record_id!(
    /// Identifies a goal of a profile's key account plan.
    GoalId
);
record_id!(
    /// Identifies an Ideal Customer Profile worksheet.
    WorksheetId
);
record_id!(
    /// Identifies a column (one customer) of an ICP worksheet.
    ColumnId
);
record_id!(
    /// Identifies a scoring model.
    ModelId
);
record_id!(
    /// Identifies a criterion of a scoring model.
    CriterionId
);

record_id!(
    /// Identifies a criteria survey (round 1 or 2).
    SurveyId
);
record_id!(
    /// Identifies one rep's answer to a survey.
    SurveyAnswerId
);

record_id!(
    /// Identifies a customer rated in a round-2 answer.
    RatedCustomerId
);

record_id!(
    /// Identifies a field the team added to every profile.
    CustomFieldId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_distinct_version_4_uuids() {
        let (a, b) = (WorkspaceId::new(), WorkspaceId::new());
        assert_ne!(a, b);
        assert_eq!(a.as_uuid().get_version_num(), 4);
    }

    #[test]
    fn an_id_is_written_as_a_plain_uuid_string_and_read_back() {
        let id = WorkspaceId::new();
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, format!("\"{id}\""));
        assert_eq!(serde_json::from_str::<WorkspaceId>(&json).unwrap(), id);
    }

    #[test]
    fn ids_sort_as_their_uuids_do() {
        // Maps keyed by ids are written in this order: files must not change.
        let mut ids: Vec<ProfileId> = (0..200).map(|_| ProfileId::new()).collect();
        ids.push(ProfileId::from_uuid(Uuid::nil()));
        ids.push(ProfileId::from_uuid(Uuid::max()));
        let mut by_uuid = ids.clone();
        crate::domain::sorting::sort_by_key_with(&mut by_uuid, ProfileId::as_uuid);
        ids.sort();
        assert_eq!(ids, by_uuid);
    }

    #[test]
    fn a_malformed_id_is_refused() {
        assert!(serde_json::from_str::<WorkspaceId>("\"not-a-uuid\"").is_err());
    }
}
