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
    /// The conversion itself; it adds a note for each change the user
    /// must hear about (a model scored differently from now on).
    pub run: fn(Value, &mut Vec<MigrationNote>) -> Result<Value, String>,
}

/// A change a migration made, or chose not to make, that the user must
/// hear about: scores read differently from now on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrationNote {
    /// The model was the old default exactly and now is the new default.
    DefaultModelUpdated {
        /// The model's name.
        model: String,
    },
    /// The model was made from the old default and edited, so it was kept
    /// as it was; the new default is offered.
    EditedModelKept {
        /// The model's name.
        model: String,
    },
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
    Migration {
        to: 5,
        description: "Money means one thing each: a profile's `direct_costs` becomes \
                      `cost_to_serve` (beside the new `cost_to_win`), in its versions too. A \
                      model identical to the old default becomes the new default (Revenue reads \
                      the yearly spend with us, the company's own revenue is Company size, \
                      direct costs are no longer a criterion besides profitability), keeping \
                      its criteria's ids; an edited one is kept. Both are noted for the user.",
        run: costs_apart_and_default_model_updated,
    },
    Migration {
        to: 6,
        description: "The data is unchanged. Browser storage now keeps the profiles in chunks \
                      of their own beside the rest of the workspace (see `format::stored`), \
                      which Clientele before version 6 cannot read; the new number makes it \
                      leave such data alone as newer.",
        run: unchanged,
    },
];

/// 4 → 5: see the step's description.
fn costs_apart_and_default_model_updated(
    mut data: Value,
    notes: &mut Vec<MigrationNote>,
) -> Result<Value, String> {
    use crate::domain::scoring::{DefaultUpgrade, ScoringModel, upgrade_old_default};
    let object = data
        .as_object_mut()
        .ok_or(crate::t!(shell_data_not_an_object))?;
    let renamed = |fields: &mut serde_json::Map<String, Value>| {
        if let Some(costs) = fields.remove("direct_costs") {
            fields.insert("cost_to_serve".to_owned(), costs);
        }
    };
    if let Some(Value::Array(profiles)) = object.get_mut("profiles") {
        profiles
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .for_each(renamed);
    }
    if let Some(Value::Object(versions)) = object.get_mut("versions") {
        for version in versions.values_mut() {
            if let Some(Value::Object(fields)) = version.get_mut("fields") {
                renamed(fields);
            }
        }
    }
    if let Some(Value::Array(models)) = object.get_mut("models") {
        for written in models.iter_mut() {
            // A model that cannot be read is left for the record checks.
            let Ok(mut model) =
                <ScoringModel as crate::domain::json::FromJson>::from_json(written.clone())
            else {
                continue;
            };
            let name = model.name.clone();
            match upgrade_old_default(&mut model) {
                DefaultUpgrade::Updated => {
                    *written = crate::domain::json::to_value(&model);
                    notes.push(MigrationNote::DefaultModelUpdated { model: name });
                }
                DefaultUpgrade::Kept => notes.push(MigrationNote::EditedModelKept { model: name }),
                DefaultUpgrade::NotAffected => {}
            }
        }
    }
    Ok(data)
}

/// 3 → 4: `sync_marks` becomes `versions` (see the step's description and
/// [`crate::domain::share::history`]). A record that cannot be read gets
/// no version; the record checks report it.
fn versions_from_sync_marks(
    mut data: Value,
    _notes: &mut Vec<MigrationNote>,
) -> Result<Value, String> {
    use crate::domain::share::fingerprint;
    use serde_json::{Map, json};
    fn print<T: crate::domain::json::FromJson + serde::Serialize>(
        record: &Value,
    ) -> Option<String> {
        T::from_json(record.clone()).ok().map(|r| fingerprint(&r))
    }
    let object = data
        .as_object_mut()
        .ok_or(crate::t!(shell_data_not_an_object))?;
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
fn unchanged(data: Value, _notes: &mut Vec<MigrationNote>) -> Result<Value, String> {
    Ok(data)
}

/// 1 → 2: `{"rating": 4}` becomes `4` and `{"yes_no": true}` becomes `true`
/// in every profile's `answers`. Anything else is left as it is, for the
/// record checks to report.
fn answers_as_plain_values(
    mut data: Value,
    _notes: &mut Vec<MigrationNote>,
) -> Result<Value, String> {
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

/// Runs every step from version `from` to the end of `steps`, adding to
/// `notes` what the user must hear about.
pub fn migrate(
    mut data: Value,
    from: u32,
    steps: &[Migration],
    notes: &mut Vec<MigrationNote>,
) -> Result<Value, FormatError> {
    let start = from.saturating_sub(1) as usize;
    for step in steps.iter().skip(start) {
        data = (step.run)(data, notes).map_err(|detail| FormatError::MigrationFailed {
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

    fn rename_title(mut data: Value, _: &mut Vec<MigrationNote>) -> Result<Value, String> {
        let title = data["title"].take();
        data["name"] = title;
        data.as_object_mut().ok_or("not an object")?.remove("title");
        Ok(data)
    }

    fn add_tags(mut data: Value, _: &mut Vec<MigrationNote>) -> Result<Value, String> {
        data["tags"] = json!([]);
        Ok(data)
    }

    fn refuse(_: Value, _: &mut Vec<MigrationNote>) -> Result<Value, String> {
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
            migrate(v1, 1, MIGRATIONS, &mut Vec::new()).unwrap(),
            json!({"profiles": [
                {"answers": {"a": 4, "b": false, "c": {"stars": 3}}},
                {"name": "no answers"}
            ], "worksheets": []})
        );
        let no_profiles = json!({"name": "Acme"});
        assert_eq!(
            migrate(no_profiles.clone(), 1, MIGRATIONS, &mut Vec::new()).unwrap(),
            no_profiles
        );
    }

    #[test]
    fn data_is_migrated_step_by_step_from_its_own_version() {
        let v1 = json!({"title": "Acme"});
        assert_eq!(
            migrate(v1, 1, EXAMPLE, &mut Vec::new()).unwrap(),
            json!({"name": "Acme", "tags": []})
        );
        let v2 = json!({"name": "Acme"});
        assert_eq!(
            migrate(v2, 2, EXAMPLE, &mut Vec::new()).unwrap(),
            json!({"name": "Acme", "tags": []})
        );
        let v3 = json!({"name": "Acme", "tags": ["x"]});
        assert_eq!(
            migrate(v3.clone(), 3, EXAMPLE, &mut Vec::new()).unwrap(),
            v3
        );
    }

    #[test]
    fn a_failing_step_names_the_version_it_started_from() {
        let steps = &[Migration {
            to: 2,
            description: "always fails",
            run: refuse,
        }];
        assert_eq!(
            migrate(json!({}), 1, steps, &mut Vec::new()),
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
        let out = versions_from_sync_marks(data, &mut Vec::new()).unwrap();
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

    /// A schema-4 workspace holding `models` and a profile with direct costs.
    fn v4_with_models(models: Vec<Value>) -> Value {
        json!({
            "profiles": [{"id": "0b8f3a52-3b7e-4a0e-9f55-2f4f0c4b9d99", "name": "Acme",
                          "yearly_spend": "50000", "direct_costs": "30000"}],
            "models": models,
            "versions": {"0b8f3a52-3b7e-4a0e-9f55-2f4f0c4b9d99":
                {"clock": {"a": 2}, "fields": {"direct_costs": "a:2", "name": "a:1"}}}
        })
    }

    /// The default model as schema 4 wrote it.
    fn old_default() -> crate::domain::scoring::ScoringModel {
        use crate::domain::scoring::{DefaultUpgrade, default_model, upgrade_old_default};
        let mut model = default_model(crate::domain::Timestamp::from_millis(0));
        // Rebuilt from the test's own copy of the old first three criteria.
        let old: Vec<crate::domain::scoring::Criterion> = serde_json::from_value(json!([
            {"id": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f01", "name": "Revenue",
             "description": "The company's average annual revenue.",
             "kind": {"kind": "number", "measure": "yearly_revenue", "thresholds": [
                {"at_least": "1000000", "points": "25"}, {"at_least": "5000000", "points": "50"},
                {"at_least": "20000000", "points": "75"}, {"at_least": "100000000", "points": "100"}]},
             "direction": "adds_value", "weight": "8"},
            {"id": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f02", "name": "Direct costs",
             "description": "What it costs us a year to serve and to win them.",
             "kind": {"kind": "number", "measure": "direct_costs", "thresholds": [
                {"at_least": "1000", "points": "25"}, {"at_least": "5000", "points": "50"},
                {"at_least": "20000", "points": "75"}, {"at_least": "50000", "points": "100"}]},
             "direction": "takes_away", "weight": "8"},
            {"id": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f03", "name": "Profitability",
             "description": "Yearly spend with us minus direct costs.",
             "kind": {"kind": "number", "measure": "profitability", "thresholds": [
                {"at_least": "0", "points": "25"}, {"at_least": "5000", "points": "50"},
                {"at_least": "20000", "points": "75"}, {"at_least": "50000", "points": "100"}]},
             "direction": "adds_value", "weight": "15"}
        ]))
        .unwrap();
        model.criteria.splice(0..3, old);
        assert_eq!(
            upgrade_old_default(&mut model.clone()),
            DefaultUpgrade::Updated
        );
        model
    }

    #[test]
    fn direct_costs_become_cost_to_serve_and_the_old_default_model_the_new_one() {
        let old = old_default();
        let kept_ids: Vec<_> = old.criteria.iter().map(|c| c.id).collect();
        let mut notes = Vec::new();
        let out = migrate(
            v4_with_models(vec![serde_json::to_value(&old).unwrap()]),
            4,
            MIGRATIONS,
            &mut notes,
        )
        .unwrap();
        let profile = &out["profiles"][0];
        assert_eq!(
            (
                profile["cost_to_serve"].as_str(),
                profile.get("direct_costs")
            ),
            (Some("30000"), None)
        );
        let fields = &out["versions"]["0b8f3a52-3b7e-4a0e-9f55-2f4f0c4b9d99"]["fields"];
        assert_eq!(
            fields["cost_to_serve"], "a:2",
            "the edit that wrote it travels with it"
        );
        let model: crate::domain::scoring::ScoringModel =
            serde_json::from_value(out["models"][0].clone()).unwrap();
        let names: Vec<_> = model
            .criteria
            .iter()
            .take(3)
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["Revenue", "Profitability", "Company size"]);
        // Company size is the old Revenue (the same field), Profitability
        // keeps its id, the other ten are the same criteria.
        assert_eq!(model.criteria[2].id, kept_ids[0]);
        assert_eq!(model.criteria[1].id, kept_ids[2]);
        assert_eq!(
            model.criteria[3..].iter().map(|c| c.id).collect::<Vec<_>>(),
            kept_ids[3..]
        );
        assert!(
            !kept_ids.contains(&model.criteria[0].id),
            "spend with us is a new criterion"
        );
        assert_eq!(
            notes,
            [MigrationNote::DefaultModelUpdated {
                model: old.name.clone()
            }]
        );
        // The same file always migrates the same way.
        let again = migrate(
            v4_with_models(vec![serde_json::to_value(&old).unwrap()]),
            4,
            MIGRATIONS,
            &mut Vec::new(),
        )
        .unwrap();
        assert_eq!(again, out);
    }

    #[test]
    fn an_edited_model_is_kept_as_it_was_and_noted_and_others_are_left_alone() {
        let mut edited = old_default();
        edited.name = "Ours".into();
        edited.criteria[4].weight = rust_decimal::Decimal::from(20);
        let mut own = old_default();
        own.name = "Survey model".into();
        own.criteria.drain(0..3);
        let written = vec![
            serde_json::to_value(&edited).unwrap(),
            serde_json::to_value(&own).unwrap(),
        ];
        let mut notes = Vec::new();
        let out = migrate(v4_with_models(written.clone()), 4, MIGRATIONS, &mut notes).unwrap();
        assert_eq!(out["models"], Value::Array(written), "neither is re-scored");
        assert_eq!(
            notes,
            [MigrationNote::EditedModelKept {
                model: "Ours".into()
            }]
        );
    }
}
