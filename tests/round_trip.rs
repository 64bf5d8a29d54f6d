//! Properties over generated workspaces (1,024 cases each): whatever a
//! workspace holds, exporting it and importing the file gives the same
//! workspace and the same bytes when exported again, importing it again
//! changes nothing, the ranking is the same after a save and a load, and
//! what an older schema version wrote migrates to the same workspace.
#![cfg(not(target_arch = "wasm32"))]

use clientele::domain::input::Span;
use clientele::domain::profile::{Person, Status, YesNoUnknown};
use clientele::domain::scoring::{Answer, Basis, CriterionKind, default_model, rank};
use clientele::domain::share::Export;
use clientele::domain::share::merge::{ImportMode, MergeChoices, apply, preview};
use clientele::domain::{Date, Money, Timestamp, Workspace};
use clientele::format::{
    decode_file, decode_workspace, encode_export, encode_stored, encode_workspace,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn now() -> Timestamp {
    "2026-11-22T09:00:00Z".parse().unwrap()
}

/// Amounts as people keep them: up to 12 whole digits and 2 decimals.
fn money() -> impl Strategy<Value = Money> {
    (0i64..1_000_000_000_000, 0u32..100)
        .prop_map(|(whole, cents)| format!("{whole}.{cents:02}").parse().unwrap())
}

/// Any text, including quotes, markup, emoji and right-to-left marks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "\\PC{0,30}",
        Just("<script>alert(1)</script>".to_owned()),
        Just("Zażółć \u{202e}gęślą\u{202c} \"jaźń\" 🙂".to_owned()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9 &.,-]{0,40}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("a name", |s| !s.is_empty())
}

prop_compose! {
    fn profile_fields()(
        name in name(),
        status in prop_oneof![Just(Status::Prospect), Just(Status::Customer), Just(Status::FormerCustomer)],
        industry in text(),
        employees in proptest::option::of((0u32..5000, 0u32..5000)),
        monthly in proptest::option::of(money()),
        revenue in proptest::option::of(money()),
        since in proptest::option::of((1990i32..2026, 1u32..13, 1u32..29)),
        people in proptest::collection::vec((text(), text()), 0..3),
        purchases in proptest::collection::vec(text(), 0..3),
    ) -> (String, Status, String, Option<(u32, u32)>, Option<Money>, Option<Money>, Option<(i32, u32, u32)>, Vec<(String, String)>, Vec<String>) {
        (name, status, industry, employees, monthly, revenue, since, people, purchases)
    }
}

fn workspace() -> impl Strategy<Value = Workspace> {
    (
        text(),
        proptest::collection::vec(profile_fields(), 0..6),
        1u32..400,
    )
        .prop_map(|(ws_name, profiles, review)| {
            let mut ws = Workspace::new(now());
            ws.name = ws_name;
            ws.settings.review_every_days = review;
            for (name, status, industry, employees, monthly, revenue, since, people, purchases) in
                profiles
            {
                let id = ws.add_profile(&name, now()).unwrap();
                let p = ws.profile_mut(id).unwrap();
                p.status = status;
                p.industry = industry;
                p.employees = employees.map(|(a, b)| {
                    if a == b {
                        Span::Exact { value: a }
                    } else {
                        Span::Range {
                            low: a.min(b),
                            high: a.max(b),
                        }
                    }
                });
                p.monthly_spend = monthly;
                p.revenue = revenue.map(|value| Span::Exact { value });
                p.customer_since = since.and_then(|(y, m, d)| Date::new(y, m, d));
                p.purchases = purchases;
                p.people = people
                    .into_iter()
                    .map(|(name, notes)| Person {
                        name,
                        notes,
                        ..Person::default()
                    })
                    .collect();
            }
            ws
        })
}

/// A workspace with the default model and every profile rated and with
/// spend, so that scores differ.
fn scored_workspace() -> impl Strategy<Value = Workspace> {
    (
        workspace(),
        proptest::collection::vec((1u8..=5, any::<bool>()), 6),
    )
        .prop_map(|(mut ws, ratings)| {
            let model = default_model(now());
            let rated: Vec<_> = model
                .criteria
                .iter()
                .filter(|c| matches!(c.kind, CriterionKind::Rating { .. }))
                .map(|c| c.id)
                .collect();
            ws.add_model(model);
            for (i, profile) in ws.profiles.iter_mut().enumerate() {
                let (rating, referred) = ratings[i % ratings.len()];
                for id in &rated {
                    profile.answers.insert(*id, Answer::Rating(rating));
                }
                profile.referred = if referred {
                    YesNoUnknown::Yes
                } else {
                    YesNoUnknown::No
                };
            }
            ws
        })
}

/// `text`, written with the current schema, as schema version 1 wrote
/// it: answers as objects with one key (`{"rating": 4}`, `{"yes_no": true}`).
fn as_version_1(text: &str) -> String {
    let mut file: Value = serde_json::from_str(text).unwrap();
    file["schema_version"] = json!(1);
    // `get_mut`, not indexing: indexing would add `"profiles": null`.
    let profiles = file["data"]
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
            let older = match &*answer {
                Value::Bool(yes) => json!({ "yes_no": yes }),
                rating => json!({ "rating": rating }),
            };
            *answer = older;
        }
    }
    file.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn what_is_stored_reads_back_identical(ws in workspace()) {
        prop_assert_eq!(decode_workspace(&encode_stored(&ws, now())).unwrap(), ws);
    }

    #[test]
    fn an_exported_workspace_imported_elsewhere_is_the_same_and_a_second_import_changes_nothing(ws in workspace()) {
        let text = encode_export(&Export::workspace(&ws), now());
        let file = decode_file(&text).unwrap();
        // Text that looks like markup is only noted; nothing is skipped.
        prop_assert!(file.problems.iter().all(|p| matches!(p.fault, clientele::format::RecordFault::Repaired(_))));
        let replace = MergeChoices { mode: ImportMode::Replace, ..MergeChoices::default() };
        let elsewhere = apply(&Workspace::new(now()), std::slice::from_ref(&file.incoming), &replace);
        prop_assert_eq!(&elsewhere.profiles, &ws.profiles);
        prop_assert_eq!(&elsewhere.settings, &ws.settings);
        prop_assert_eq!(&elsewhere.name, &ws.name);
        prop_assert!(preview(&elsewhere, std::slice::from_ref(&file.incoming), &MergeChoices::default()).changes_nothing());
        prop_assert_eq!(apply(&elsewhere, std::slice::from_ref(&file.incoming), &MergeChoices::default()), elsewhere);
    }

    #[test]
    fn export_import_export_gives_identical_bytes(ws in workspace()) {
        let first = encode_export(&Export::workspace(&ws), now());
        let read = decode_workspace(&first).unwrap();
        prop_assert_eq!(encode_export(&Export::workspace(&read), now()), first);
    }

    #[test]
    fn what_schema_version_1_stored_migrates_to_the_same_workspace(ws in scored_workspace()) {
        let current = encode_workspace(&ws, now());
        let older = as_version_1(&current);
        prop_assert_ne!(&older, &current);
        let mut migrated = decode_workspace(&older).unwrap();
        // The migration gives every record a version besides.
        prop_assert_eq!(migrated.versions.len(), ws.profiles.len() + ws.worksheets.len() + ws.models.len() + ws.surveys.len() + ws.survey_answers.len());
        migrated.versions.clear();
        prop_assert_eq!(migrated, ws);
    }

    #[test]
    fn the_ranking_is_the_same_after_a_save_and_a_load(ws in scored_workspace()) {
        let today = Date::new(2026, 11, 22).unwrap();
        let model = ws.model().unwrap();
        let before = rank(model, &ws.profiles, &Basis::one_currency(today));
        let loaded = decode_workspace(&encode_stored(&ws, now())).unwrap();
        let after = rank(
            loaded.model().unwrap(),
            &loaded.profiles,
            &Basis::one_currency(today),
        );
        prop_assert_eq!(after, before);
    }
}
