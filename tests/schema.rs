//! Every kind of file Clientele exports validates against the published
//! JSON Schema, `public/clientele.schema.json` (draft 2020-12), and so do the
//! example file beside it and the good fixtures. The bad fixtures must not
//! validate, except the few whose fault JSON Schema cannot express (listed
//! below with the reason), so the schema is known to say something.
//!
//! `UPDATE_EXAMPLE=1 cargo test --test schema` rewrites
//! `public/example.clientele.json` from the sample workspace (`tests/sample`).
#![cfg(not(target_arch = "wasm32"))]

mod sample;

use clientele::domain::currency::ExchangeRate;
use clientele::domain::icp::ChartColumn;
use clientele::domain::input::Span;
use clientele::domain::limits::{MAX_DECIMALS, MAX_DIGITS, MAX_NAME_CHARS};
use clientele::domain::profile::{LogEntry, LogKind, YesNoUnknown};
use clientele::domain::scoring::{
    Answer, CategoryField, Criterion, CriterionKind, Direction, HardRule, Measure, ProfileAnswer,
    Threshold, Tier,
};
use clientele::domain::share::{Export, FileKind, Records};
use clientele::domain::survey::{Survey, SurveyAnswer};
use clientele::domain::{ColumnId, CriterionId, Date, LogEntryId, Workspace};
use clientele::format::{decode_file, encode_export};
use jsonschema::Validator;
use rust_decimal::Decimal;
use sample::{money, now, sample_workspace};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The schema, compiled once, strictly as draft 2020-12.
static SCHEMA: LazyLock<Validator> = LazyLock::new(|| {
    let schema = schema_json();
    jsonschema::meta::validate(&schema).unwrap_or_else(|e| panic!("the schema itself: {e}"));
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("the schema: {e}"))
});

#[test]
fn every_type_and_field_of_the_schema_has_a_title_and_a_description() {
    fn walk(at: &str, schema: &Value, missing: &mut Vec<String>) {
        let Some(map) = schema.as_object() else {
            return;
        };
        let described = map.contains_key("title") && map.contains_key("description");
        // A bare reference takes its words from the type it names; `const`
        // and `type` alone only narrow a branch described above them.
        let bare = map
            .keys()
            .all(|k| k == "$ref" || k == "const" || k == "type");
        if !described && !bare {
            missing.push(at.to_owned());
        }
        for (key, value) in map {
            match key.as_str() {
                "properties" | "$defs" => {
                    for (name, sub) in value.as_object().unwrap() {
                        walk(&format!("{at}/{key}/{name}"), sub, missing);
                    }
                }
                "oneOf" | "anyOf" => {
                    for (i, sub) in value.as_array().unwrap().iter().enumerate() {
                        walk(&format!("{at}/{key}/{i}"), sub, missing);
                    }
                }
                _ => {}
            }
        }
    }
    let schema = schema_json();
    let mut missing = Vec::new();
    walk("#", &schema, &mut missing);
    assert!(missing.is_empty(), "no title or description: {missing:#?}");
    let defs = schema["$defs"].as_object().unwrap();
    for name in [
        "Profile",
        "Person",
        "Address",
        "Opportunity",
        "Competitor",
        "ActionStep",
        "LogEntry",
        "Financial",
        "Span",
        "Money",
        "Date",
        "Timestamp",
        "Uuid",
        "Worksheet",
        "ChartColumn",
        "ChartValues",
        "ScoringModel",
        "Criterion",
        "Workspace",
        "Records",
    ] {
        assert!(defs.contains_key(name), "no $defs/{name}");
    }
}

/// The schema as JSON.
fn schema_json() -> Value {
    let path = root().join("public/clientele.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_schema_states_the_limits_the_app_applies() {
    let schema = schema_json();
    let defs = &schema["$defs"];
    // Every name a file holds is limited like the forms and the import check.
    for (def, field) in [
        ("Profile", "name"),
        ("Worksheet", "name"),
        ("ScoringModel", "name"),
        ("Survey", "title"),
        ("SurveyAnswer", "respondent"),
        ("ChartColumn", "label"),
        ("CustomField", "name"),
    ] {
        assert_eq!(
            defs[def]["properties"][field]["maxLength"],
            json!(MAX_NAME_CHARS),
            "{def}.{field}"
        );
    }
    // No other text has a length limit the app does not know of.
    fn max_lengths(schema: &Value, found: &mut Vec<Value>) {
        match schema {
            Value::Object(map) => {
                found.extend(map.get("maxLength").cloned());
                map.values().for_each(|v| max_lengths(v, found));
            }
            Value::Array(list) => list.iter().for_each(|v| max_lengths(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    max_lengths(&schema, &mut found);
    assert_eq!(found, vec![json!(MAX_NAME_CHARS); 7]);
    // Decimals: at most MAX_DIGITS digits, MAX_DECIMALS of them after the
    // point, written out as the alternatives the schema's pattern lists.
    let unsigned = (0..=MAX_DECIMALS)
        .map(|decimals| {
            let whole = format!("(?:0+|0*[1-9][0-9]{{0,{}}})", MAX_DIGITS - 1 - decimals);
            match decimals {
                0 => whole,
                n => format!("{whole}\\.[0-9]{{{n}}}"),
            }
        })
        .collect::<Vec<_>>()
        .join("|");
    assert_eq!(
        defs["Decimal"]["pattern"],
        json!(format!("^-?(?:{unsigned})$"))
    );
    assert_eq!(
        defs["Weight"]["pattern"],
        json!(format!("^(?:{unsigned})$"))
    );
}

/// The schema's complaints about `text` (one for text that is not JSON).
fn schema_errors(text: &str) -> Vec<String> {
    match serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) {
        Ok(value) => SCHEMA
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect(),
        Err(e) => vec![format!("not JSON: {e}")],
    }
}

fn assert_valid(what: &str, text: &str) {
    let errors = schema_errors(text);
    assert!(
        errors.is_empty(),
        "{what} does not match the schema:\n{}",
        errors.join("\n")
    );
}

/// A decimal from text.
fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

/// The sample workspace with every field, variant and kind of record that
/// a file can carry filled in on top: an exact revenue and employee count,
/// yes / no answers, a log entry without a date, a model using every kind
/// of criterion and both hard rules, both rounds of a survey with answers,
/// sync marks, and fields from a newer version on every kind of record.
fn everything() -> (Workspace, Vec<Export>) {
    let mut ws = sample_workspace();
    let later = || json!({ "added_later": ["kept", 1] });
    ws.settings.reporting_currency = "PLN".into();
    ws.settings.replace_rates(vec![ExchangeRate {
        currency: "EUR".into(),
        rate: dec("4.2817"),
        date: Date::new(2026, 12, 1).unwrap(),
        unknown_fields: Default::default(),
    }]);

    // A model with every kind of criterion and rule.
    let mut model = ws.models[0].duplicate(now());
    model.name = "Every kind of criterion".into();
    let yes_no = CriterionId::new();
    let extra = [
        (
            yes_no,
            CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: None,
            },
            Direction::AddsValue,
        ),
        (
            CriterionId::new(),
            CriterionKind::YesNo {
                unknown_fields: Default::default(),
                from_profile: Some(ProfileAnswer::Testimonial),
            },
            Direction::AddsValue,
        ),
        (
            CriterionId::new(),
            CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::Industry,
                values: vec!["Manufacturing".into(), "Law".into()],
            },
            Direction::AddsValue,
        ),
        (
            CriterionId::new(),
            CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::Employees,
                thresholds: vec![
                    Threshold {
                        unknown_fields: Default::default(),
                        at_least: dec("0.0001"),
                        points: dec("12.5"),
                    },
                    Threshold {
                        unknown_fields: Default::default(),
                        at_least: dec("-250"),
                        points: dec("0"),
                    },
                ],
            },
            Direction::TakesAway,
        ),
        // Criteria that read the fields of the team's own.
        (
            CriterionId::new(),
            CriterionKind::Category {
                unknown_fields: Default::default(),
                field: CategoryField::custom(ws.settings.custom_fields[0].id),
                values: vec!["Gold".into()],
            },
            Direction::AddsValue,
        ),
        (
            CriterionId::new(),
            CriterionKind::Number {
                unknown_fields: Default::default(),
                measure: Measure::custom(ws.settings.custom_fields[0].id),
                thresholds: Vec::new(),
            },
            Direction::AddsValue,
        ),
    ];
    for (i, (id, kind, direction)) in extra.into_iter().enumerate() {
        model.criteria.push(Criterion {
            unknown_fields: Default::default(),
            id,
            name: format!("Extra {i}"),
            description: String::new(),
            kind,
            direction,
            weight: dec("0.25"),
        });
    }
    model.hard_rules = vec![
        HardRule::UnprofitableAtMost(Tier::C),
        HardRule::WeakFinancesAtMost(Tier::D),
    ];
    model.unknown_fields.insert("later".into(), later());
    ws.models.push(model);

    // The bank: exact values, a yes / no answer, a log entry without a date.
    let bank = &mut ws.profiles[2];
    bank.status = clientele::domain::profile::Status::FormerCustomer;
    bank.employees = Some(Span::Exact { value: u32::MAX });
    bank.revenue = Some(Span::Exact {
        value: money(&"9".repeat(28)),
    });
    bank.yearly_spend = Some(money("-1250.0001"));
    bank.referred = YesNoUnknown::No;
    bank.answers.insert(yes_no, Answer::YesNo(true));
    bank.log.push(LogEntry {
        unknown_fields: Default::default(),
        id: LogEntryId::new(),
        date: None,
        kind: LogKind::OwnershipChange,
        text: "Bought by a larger group; date not announced.".into(),
    });
    bank.unknown_fields.insert("later".into(), later());

    // A worksheet column with every value, a revenue range among them.
    let sheet = &mut ws.worksheets[0];
    let mut column = ChartColumn::empty("ACME-like".into());
    column.id = ColumnId::new();
    column.values.revenue = Some(Span::Range {
        low: money("1000000"),
        high: money("5000000.50"),
    });
    column.values.business_type = "Online".into();
    column.values.yearly_spend = Some(money("120000"));
    sheet.columns.push(column);
    sheet.unknown_fields.insert("later".into(), later());
    ws.unknown_fields.insert("later".into(), later());

    // Both rounds of a survey, with an answer to each.
    let survey_id = ws.add_survey(Survey::round_one(
        "Q4 criteria".into(),
        "Anna".into(),
        ws.id,
        ws.model(),
        &["Response time".into()],
        now(),
    ));
    let round_one = ws.survey(survey_id).unwrap().clone();
    let mut vote = SurveyAnswer::new(&round_one, "Ben".into(), ws.id);
    vote.toggle_vote(&round_one, round_one.criteria[0].id)
        .unwrap();
    let vote_id = vote.id;
    ws.survey_answers.push(vote);
    // The coordinator's own criterion is asked as a number that takes
    // value away; the model's keep their kinds.
    let own = round_one.criteria.last().unwrap().id;
    assert!(ws.set_criterion_kind(
        survey_id,
        own,
        "number:cost_to_serve",
        clientele::domain::scoring::Direction::TakesAway
    ));
    let round_one = ws.survey(survey_id).unwrap().clone();
    let mut top: Vec<_> = round_one.criteria.iter().take(4).map(|c| c.id).collect();
    top.push(own);
    let round_two_id = ws.add_survey(round_one.round_two(&top, "PLN", now()));
    let round_two = ws.survey(round_two_id).unwrap().clone();
    let mut rating = SurveyAnswer::new(&round_two, "Ben".into(), ws.id);
    rating.unknown_fields.insert("later".into(), later());
    for (i, customer) in rating.customers.iter_mut().enumerate() {
        customer.name = format!("Customer {}", i + 1);
        customer.why = format!("Reason {}", i + 1);
        for criterion in &round_two.criteria {
            customer.ratings.insert(criterion.id, 1 + (i as u8 % 5));
        }
        customer.ratings.remove(&own);
        customer.values.insert(own, format!("{}000.5", i + 1));
    }
    let rating_id = rating.id;
    ws.survey_answers.push(rating);
    ws.surveys[0].unknown_fields.insert("later".into(), later());
    // Versions as the app keeps them, a legacy replica from schema 3
    // among them, and a deleted profile.
    clientele::domain::share::settle(&mut ws, &Workspace::new(now()), now());
    let first = ws.profiles[0].id.as_uuid();
    ws.versions
        .get_mut(&first)
        .unwrap()
        .clock
        .bump("~0123456789abcdef");
    let before = ws.clone();
    let gone = ws.add_profile("Gone Ltd", now()).unwrap();
    clientele::domain::share::settle(&mut ws, &before, now());
    let before = ws.clone();
    ws.remove_profile(gone, clientele::domain::Date::new(2026, 11, 22).unwrap());
    clientele::domain::share::settle(&mut ws, &before, now());
    assert_eq!(ws.deleted.len(), 1);

    let all_profiles: Vec<_> = ws.profiles.iter().map(|p| p.id).collect();
    let model_and_sheet = Records {
        models: ws.models.clone(),
        worksheets: ws.worksheets.clone(),
        ..Records::default()
    };
    let exports = vec![
        Export::workspace(&ws),
        Export::workspace(&ws).without_personal_data(),
        Export::profiles(&ws, &[ws.profiles[0].id]),
        Export::profiles(&ws, &[ws.profiles[2].id]).without_personal_data(),
        Export::profiles(&ws, &all_profiles),
        Export::profiles(&ws, &all_profiles).without_personal_data(),
        Export::model(&ws, ws.active_model.unwrap()).unwrap(),
        Export::model(&ws, ws.models[1].id).unwrap(),
        Export::records(
            &ws,
            FileKind::Model,
            Records {
                models: vec![ws.models[1].clone()],
                ..Records::default()
            },
            "a model",
        ),
        Export::worksheet(&ws, ws.worksheets[0].id, Date::new(2026, 11, 22).unwrap()).unwrap(),
        Export::records(
            &ws,
            FileKind::Worksheet,
            Records {
                worksheets: ws.worksheets.clone(),
                ..Records::default()
            },
            "a worksheet",
        ),
        // Several kinds of record at once, as a combined import would hold.
        Export::records(&ws, FileKind::Profiles, model_and_sheet, "records"),
        Export::survey(&ws, survey_id).unwrap(),
        Export::survey(&ws, round_two_id).unwrap(),
        Export::survey_answer(&ws, vote_id).unwrap(),
        Export::survey_answer(&ws, rating_id).unwrap(),
    ];
    (ws, exports)
}

#[test]
fn every_kind_of_exported_file_matches_the_schema() {
    let (_, exports) = everything();
    let kinds: Vec<FileKind> = exports.iter().map(|e| e.kind).collect();
    for kind in [
        FileKind::Workspace,
        FileKind::Profile,
        FileKind::Profiles,
        FileKind::Model,
        FileKind::Worksheet,
        FileKind::Survey,
        FileKind::SurveyAnswer,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} file checked");
    }
    for (i, export) in exports.iter().enumerate() {
        let text = encode_export(export, now());
        let what = format!("export {i} (a {:?} file)", export.kind);
        assert_valid(&what, &text);
        // And the app reads its own file without a complaint.
        let file = decode_file(&text).unwrap();
        assert!(file.problems.is_empty(), "{what}: {:?}", file.problems);
    }
}

#[test]
fn the_whole_workspace_file_really_holds_every_field() {
    // So that "every field validates" is not true of a file without them.
    let (ws, _) = everything();
    let text = encode_export(&Export::workspace(&ws), now());
    let value: Value = serde_json::from_str(&text).unwrap();
    let profile = &value["data"]["profiles"][0];
    for field in [
        "status",
        "website",
        "industry",
        "business_type",
        "employees",
        "revenue",
        "currency",
        "location",
        "region",
        "customer_since",
        "addresses",
        "hq_phone",
        "hq_email",
        "people",
        "purchases",
        "monthly_spend",
        "cost_to_serve",
        "cost_to_win",
        "referred",
        "referral_count",
        "testimonial",
        "loyalty_notes",
        "needs",
        "financial",
        "opportunities",
        "competitors",
        "action_plan",
        "log",
        "purchases_per_year",
        "answers",
        "custom",
        "last_reviewed",
    ] {
        assert!(
            profile.get(field).is_some(),
            "the first profile lacks {field}"
        );
    }
    let person = &profile["people"][0];
    for field in [
        "name",
        "title",
        "role",
        "key_executive",
        "influence",
        "email",
        "phone",
        "birthday",
        "notes",
    ] {
        assert!(
            person.get(field).is_some(),
            "the first person lacks {field}"
        );
    }
    assert_eq!(profile["monthly_spend"], "18500.00", "money is a string");
    assert_eq!(profile["employees"]["kind"], "range");
    let bank = &value["data"]["profiles"][2];
    assert_eq!(bank["employees"]["kind"], "exact");
    assert_eq!(bank["log"][0]["date"], Value::Null);
    assert!(
        bank["answers"]
            .as_object()
            .unwrap()
            .values()
            .any(Value::is_boolean),
        "a yes / no answer is written as true or false"
    );
    assert_eq!(value["data"]["later"]["added_later"][0], "kept");
    let settings = &value["data"]["settings"];
    assert_eq!(settings["reporting_currency"], "PLN");
    assert_eq!(
        settings["exchange_rates"][0],
        json!({"currency": "EUR", "rate": "4.2817", "date": "2026-12-01"}),
        "a rate is a string"
    );
    let kinds: Vec<&str> = value["data"]["models"][1]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"]["kind"].as_str().unwrap())
        .collect();
    for kind in ["rating", "yes_no", "number", "category"] {
        assert!(kinds.contains(&kind), "no {kind} criterion");
    }
}

#[test]
fn the_example_file_is_the_sample_workspace_and_it_and_the_good_fixtures_match_the_schema() {
    let example = root().join("public/example.clientele.json");
    let text = encode_export(&Export::workspace(&sample_workspace()), now());
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(&example, indented(&text)).unwrap();
    }
    let written: Value = serde_json::from_str(&text).unwrap();
    let text = std::fs::read_to_string(&example).unwrap();
    let on_disk: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        (&on_disk["kind"], &on_disk["data"]),
        (&written["kind"], &written["data"]),
        "public/example.clientele.json is out of date: run UPDATE_EXAMPLE=1 cargo test --test schema"
    );
    let file = decode_file(&text).unwrap();
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    assert!(file.incoming.records.profiles.len() >= 2);
    assert!(!file.incoming.records.worksheets.is_empty());
    assert!(!file.incoming.records.models.is_empty());

    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/good"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert!(!files.is_empty());
    files.push(example);
    for path in files {
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        assert_valid(&path.display().to_string(), &text);
    }
}

/// Compact JSON laid out two spaces a level, keys in the order Clientele
/// writes them (serde_json's `Value` would sort them).
fn indented(compact: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.push(chars.next().unwrap()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                out.push(c);
                if chars.peek().is_some_and(|n| *n == '}' || *n == ']') {
                    out.push(chars.next().unwrap());
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth -= 1;
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out.push('\n');
    out
}

/// The schema describes what this version writes, so its lists of values
/// are closed. A newer build's file, which Clientele reads and keeps
/// (`tests/format_fixtures.rs`), is beyond it; its unknown fields are not.
#[test]
fn a_value_of_a_newer_build_is_beyond_this_versions_schema_but_its_fields_are_not() {
    let path = root().join("tests/fixtures/newer/workspace-from-a-newer-build.json");
    let text = std::fs::read_to_string(path).unwrap();
    let errors = schema_errors(&text);
    assert!(
        errors.iter().any(|e| e.contains("key_account")),
        "an unknown status: {errors:?}"
    );
    // The same file without a value the schema does not list matches it:
    // unknown fields at every level are allowed.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    let data = &mut value["data"];
    let profile = &mut data["profiles"][0];
    profile["status"] = json!("customer");
    profile["referred"] = json!("yes");
    profile["people"][0]["role"] = json!("champion");
    profile["financial"]["rating"] = json!("strong");
    profile["log"][0]["kind"] = json!("other");
    profile["employees"] = json!({"kind": "range", "low": 200, "high": 400});
    profile["answers"]
        .as_object_mut()
        .unwrap()
        .remove("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f05");
    let values = &mut data["worksheets"][0]["columns"];
    values[0]["values"]["referred"] = json!("no");
    values[1]["values"]["testimonial"] = json!("yes");
    let criteria = &mut data["models"][0]["criteria"];
    criteria[1]["kind"]["from_profile"] = json!("referred");
    criteria[2]["kind"]["measure"] = json!("yearly_spend");
    criteria[3]["kind"]["field"] = json!("region");
    criteria[3]["direction"] = json!("adds_value");
    criteria.as_array_mut().unwrap().pop();
    let rules = &mut data["models"][0]["hard_rules"];
    rules.as_array_mut().unwrap().pop();
    rules.as_array_mut().unwrap().pop();
    data["surveys"][0]["round"] = json!("customers");
    assert_valid("the newer file with known values", &value.to_string());
}

/// Bad fixtures that still match the schema, and why: JSON Schema cannot
/// compare two values or tell a real day from an impossible one, and text
/// that looks like markup is legal text (the app keeps it and shows it as
/// text).
const BEYOND_THE_SCHEMA: &[(&str, &str)] = &[
    ("date-30-february", "the calendar"),
    ("impossible-date", "the calendar"),
    ("timestamp-31-april", "the calendar"),
    ("birthday-31-april", "the calendar"),
    ("employees-range-reversed", "comparing low and high"),
    ("revenue-range-reversed", "comparing low and high"),
    ("worksheet-range-reversed", "comparing low and high"),
    ("model-tiers-out-of-order", "comparing the tiers"),
    ("same-profile-twice", "ids unique across records"),
    ("person-id-twice", "ids unique within a list"),
    ("script-in-name", "markup is text"),
    ("event-handler-in-notes", "markup is text"),
    ("markup-in-worksheet-name", "markup is text"),
    ("markup-in-unknown-field", "markup is text"),
    ("markup-in-person-notes", "markup is text"),
];

#[test]
fn bad_files_do_not_match_the_schema_unless_their_fault_is_beyond_it() {
    let dir = root().join("tests/fixtures/bad");
    let mut checked = 0;
    let mut names: Vec<String> = Vec::new();
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let errors = schema_errors(&text);
        match BEYOND_THE_SCHEMA.iter().find(|(n, _)| *n == name) {
            Some((_, why)) if !errors.is_empty() => wrong.push(format!(
                "{name} is listed as beyond the schema ({why}) but does not match it: {errors:?}"
            )),
            None if errors.is_empty() => wrong.push(format!("{name} should not match the schema")),
            _ => {}
        }
        names.push(name);
        checked += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(checked >= 40, "only {checked} bad files");
    for (name, _) in BEYOND_THE_SCHEMA {
        assert!(names.iter().any(|n| n == name), "no bad fixture {name}");
    }
}

#[test]
fn the_schema_refuses_lossy_or_malformed_money_and_accepts_what_clientele_writes() {
    let with_spend = |spend: Value| {
        json!({
            "format": "clientele", "schema_version": 1, "kind": "profile",
            "data": {"profiles": [{
                "id": "0b8f3a52-3b7e-4a0e-9f55-2f4f0c4b9d19",
                "created_at": "2026-11-01T09:00:00.000Z",
                "name": "Acme",
                "monthly_spend": spend,
            }]}
        })
        .to_string()
    };
    let nines = "9".repeat(28);
    for good in [
        json!("0"),
        json!("-0.5"),
        json!("12500.50"),
        json!("0.0001"),
        json!(nines),
        json!(format!("{}.9999", &nines[4..])),
        json!(format!("{}1", "0".repeat(40))),
    ] {
        assert!(
            schema_errors(&with_spend(good.clone())).is_empty(),
            "{good}"
        );
        // The app agrees.
        let file = decode_file(&with_spend(good.clone())).unwrap();
        assert!(file.problems.is_empty(), "{good}");
    }
    for bad in [
        json!(1234.5),
        json!(12),
        json!(""),
        json!("1e5"),
        json!("12,50"),
        json!("1 000"),
        json!("+1"),
        json!("1."),
        json!(".5"),
        json!("0.00001"),
        json!(format!("9{nines}")),
        json!(format!("{nines}.1")),
        json!(format!("{}.99999", &nines[4..])),
        json!("١٢٣"),
    ] {
        assert!(!schema_errors(&with_spend(bad.clone())).is_empty(), "{bad}");
        // The app refuses it too: the profile is not imported.
        let file = decode_file(&with_spend(bad.clone())).unwrap();
        assert!(file.incoming.records.profiles.is_empty(), "{bad}");
    }
}
