//! Migrations of saved data from older schema versions.
//!
//! Contract:
//! - [`MIGRATIONS`] is ordered; entry `i` takes `data` from version `i + 1`
//!   to version `i + 2`, so the list always ends at
//!   [`SCHEMA_VERSION`](super::SCHEMA_VERSION).
//! - A step receives the `data` object of the envelope as JSON and returns it
//!   in the next version's shape. It never reads the clock or anything outside
//!   the data, so the same file always migrates the same way.
//! - A step that cannot convert something returns an error; the whole load is
//!   then refused and nothing stored is changed.
//! - Steps are never edited once released: a fix is a new step.
//!
//! Version 1 is the first schema.

use super::FormatError;
use serde_json::Value;

/// One step from `to - 1` to `to`.
pub struct Migration {
    /// The version this step produces.
    pub to: u32,
    /// One line saying what changes, for people reading the code and the README.
    pub description: &'static str,
    /// The conversion itself.
    pub run: fn(Value) -> Result<Value, String>,
}

/// All migrations, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 2,
        description: "Profiles' answers are written as the plain value (4, true) instead of an \
                      object with one key ({\"rating\": 4}, {\"yes_no\": true}), to store more \
                      profiles in the browser's space.",
        run: answers_as_plain_values,
    },
    Migration {
        to: 3,
        description: "The data is unchanged. Browser storage now keeps the workspace packed \
                      (see `format::packed`), which Clientele before version 3 cannot read; \
                      the new number makes it leave such data alone as newer.",
        run: unchanged,
    },
    Migration {
        to: 4,
        description: "Sync marks (per record, the fingerprint of the version last agreed with \
                      a colleague) become versions: each record's clock names the agreed \
                      fingerprint as a legacy replica `~<fingerprint>`, and also its current \
                      fingerprint when it changed since, so that the first exchange after the \
                      update still tells an older version from a newer one.",
        run: versions_from_sync_marks,
    },
];

/// 3 → 4: `sync_marks` becomes `versions` (see the step's description and
/// [`crate::domain::share::history`]). A record that cannot be read gets
/// no version; the record checks report it.
fn versions_from_sync_marks(mut data: Value) -> Result<Value, String> {
    use crate::domain::share::fingerprint;
    use serde_json::{Map, json};
    fn print<T: serde::de::DeserializeOwned + serde::Serialize>(record: &Value) -> Option<String> {
        serde_json::from_value::<T>(record.clone())
            .ok()
            .map(|r| fingerprint(&r))
    }
    let object = data.as_object_mut().ok_or("`data` is not an object")?;
    let marks: Map<String, Value> = match object.remove("sync_marks") {
        Some(Value::Object(marks)) => marks,
        _ => Map::new(),
    };
    type Print = fn(&Value) -> Option<String>;
    let kinds: [(&str, Print); 5] = [
        ("profiles", print::<crate::domain::Profile>),
        ("worksheets", print::<crate::domain::icp::Worksheet>),
        ("models", print::<crate::domain::scoring::ScoringModel>),
        ("surveys", print::<crate::domain::survey::Survey>),
        (
            "survey_answers",
            print::<crate::domain::survey::SurveyAnswer>,
        ),
    ];
    let mut versions = Map::new();
    for (field, print) in kinds {
        for record in object
            .get(field)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (Some(id), Some(current)) =
                (record.get("id").and_then(Value::as_str), print(record))
            else {
                continue;
            };
            let agreed = marks
                .get(id)
                .and_then(Value::as_str)
                .unwrap_or(&current)
                .to_owned();
            let mut clock = Map::new();
            clock.insert(format!("~{agreed}"), json!(1));
            if current != agreed {
                clock.insert(format!("~{current}"), json!(1));
            }
            versions.insert(id.to_owned(), json!({ "clock": clock }));
        }
    }
    if !versions.is_empty() {
        object.insert("versions".to_owned(), Value::Object(versions));
    }
    Ok(data)
}

/// 2 → 3: the data's shape did not change, only how storage keeps it.
fn unchanged(data: Value) -> Result<Value, String> {
    Ok(data)
}

/// 1 → 2: `{"rating": 4}` becomes `4` and `{"yes_no": true}` becomes `true`
/// in every profile's `answers`. Anything else is left as it is, for the
/// record checks to report.
fn answers_as_plain_values(mut data: Value) -> Result<Value, String> {
    let profiles = data
        .get_mut("profiles")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten();
    for profile in profiles {
        let answers = profile
            .get_mut("answers")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|answers| answers.values_mut());
        for answer in answers {
            if let Some(one) = answer.as_object()
                && one.len() == 1
                && let Some(plain) = one.get("rating").or_else(|| one.get("yes_no"))
            {
                *answer = plain.clone();
            }
        }
    }
    Ok(data)
}

/// Runs every step from version `from` to the end of `steps`.
pub fn migrate(mut data: Value, from: u32, steps: &[Migration]) -> Result<Value, FormatError> {
    let start = from.saturating_sub(1) as usize;
    for step in steps.iter().skip(start) {
        data = (step.run)(data).map_err(|detail| FormatError::MigrationFailed {
            from: step.to - 1,
            detail,
        })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::SCHEMA_VERSION;
    use serde_json::json;

    #[test]
    fn the_list_is_ordered_and_ends_at_the_current_version() {
        for (i, step) in MIGRATIONS.iter().enumerate() {
            assert_eq!(step.to as usize, i + 2, "step {i} is out of order");
            assert!(
                !step.description.trim().is_empty(),
                "step {i} needs a description"
            );
        }
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }

    fn rename_title(mut data: Value) -> Result<Value, String> {
        let title = data["title"].take();
        data["name"] = title;
        data.as_object_mut().ok_or("not an object")?.remove("title");
        Ok(data)
    }

    fn add_tags(mut data: Value) -> Result<Value, String> {
        data["tags"] = json!([]);
        Ok(data)
    }

    fn refuse(_: Value) -> Result<Value, String> {
        Err("cannot convert".into())
    }

    const EXAMPLE: &[Migration] = &[
        Migration {
            to: 2,
            description: "rename title to name",
            run: rename_title,
        },
        Migration {
            to: 3,
            description: "add an empty tag list",
            run: add_tags,
        },
    ];

    #[test]
    fn version_1_answers_become_plain_values_and_anything_else_stays() {
        let v1 = json!({"profiles": [
            {"answers": {"a": {"rating": 4}, "b": {"yes_no": false}, "c": {"stars": 3}}},
            {"name": "no answers"}
        ], "worksheets": []});
        assert_eq!(
            migrate(v1, 1, MIGRATIONS).unwrap(),
            json!({"profiles": [
                {"answers": {"a": 4, "b": false, "c": {"stars": 3}}},
                {"name": "no answers"}
            ], "worksheets": []})
        );
        let no_profiles = json!({"name": "Acme"});
        assert_eq!(
            migrate(no_profiles.clone(), 1, MIGRATIONS).unwrap(),
            no_profiles
        );
    }

    #[test]
    fn data_is_migrated_step_by_step_from_its_own_version() {
        let v1 = json!({"title": "Acme"});
        assert_eq!(
            migrate(v1, 1, EXAMPLE).unwrap(),
            json!({"name": "Acme", "tags": []})
        );
        let v2 = json!({"name": "Acme"});
        assert_eq!(
            migrate(v2, 2, EXAMPLE).unwrap(),
            json!({"name": "Acme", "tags": []})
        );
        let v3 = json!({"name": "Acme", "tags": ["x"]});
        assert_eq!(migrate(v3.clone(), 3, EXAMPLE).unwrap(), v3);
    }

    #[test]
    fn a_failing_step_names_the_version_it_started_from() {
        let steps = &[Migration {
            to: 2,
            description: "always fails",
            run: refuse,
        }];
        assert_eq!(
            migrate(json!({}), 1, steps),
            Err(FormatError::MigrationFailed {
                from: 1,
                detail: "cannot convert".into()
            })
        );
    }

    #[test]
    fn sync_marks_become_versions_that_still_tell_older_from_newer() {
        use crate::domain::Profile;
        use crate::domain::share::fingerprint;
        let now = "2026-11-22T09:00:00Z".parse().unwrap();
        let agreed = Profile::new("Acme".into(), now);
        let mut changed = agreed.clone();
        changed.industry = "Retail".into();
        let untouched = Profile::new("Beta".into(), now);
        let (a, b) = (agreed.id.to_string(), untouched.id.to_string());
        let data = json!({
            "profiles": [changed, untouched],
            "sync_marks": { a.clone(): fingerprint(&agreed) },
        });
        let out = versions_from_sync_marks(data).unwrap();
        assert!(out.get("sync_marks").is_none());
        let clock = |id: &str| out["versions"][id]["clock"].as_object().unwrap().clone();
        // Changed since the agreed version: the agreed one and its own.
        let acme = clock(&a);
        assert_eq!(acme.len(), 2);
        assert!(acme.contains_key(&format!("~{}", fingerprint(&agreed))));
        assert!(acme.contains_key(&format!("~{}", fingerprint(&changed))));
        // Never exchanged: its own content only.
        assert_eq!(clock(&b).len(), 1);
        assert!(clock(&b).contains_key(&format!("~{}", fingerprint(&untouched))));
    }
}
