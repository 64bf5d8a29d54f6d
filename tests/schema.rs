//! Every kind of file Clientele exports validates against the published
//! JSON Schema, `public/clientele.schema.json`, and so does the example
//! file beside it. Bad files must not validate, so the schema says
//! something.
//!
//! `UPDATE_EXAMPLE=1 cargo test --test schema` rewrites
//! `public/example.clientele.json` from the sample workspace below.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
mod sample;

use boon::{Compiler, Schemas};
use clientele::domain::share::{Export, FileKind};
use clientele::domain::survey::{Survey, SurveyAnswer};
use clientele::format::{decode_file, encode_export};
use sample::{now, sample_workspace};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The schema, compiled.
fn schema() -> (Schemas, boon::SchemaIndex) {
    let path = root().join("public/clientele.schema.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let mut schemas = Schemas::new();
    let mut compiler = Compiler::new();
    let url = "file:///clientele.schema.json";
    compiler.add_resource(url, value).unwrap();
    let index = compiler
        .compile(url, &mut schemas)
        .unwrap_or_else(|e| panic!("{e:#}"));
    (schemas, index)
}

fn assert_valid(what: &str, text: &str) {
    let (schemas, index) = schema();
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
    if let Err(e) = schemas.validate(&value, index) {
        panic!("{what} does not match the schema: {e:#}");
    }
}

fn is_valid(text: &str) -> bool {
    let (schemas, index) = schema();
    match serde_json::from_str::<Value>(text) {
        Ok(value) => schemas.validate(&value, index).is_ok(),
        Err(_) => false,
    }
}

#[test]
fn every_kind_of_exported_file_matches_the_schema() {
    let mut ws = sample_workspace();
    let survey_id = ws.add_survey(Survey::round_one(
        "Q4 criteria".into(),
        "Anna".into(),
        ws.id,
        ws.model(),
        &["Industry".into()],
        now(),
    ));
    let survey = ws.survey(survey_id).unwrap().clone();
    let mut answer = SurveyAnswer::new(&survey, "Ben".into(), ws.id);
    answer.toggle_vote(&survey, survey.criteria[0].id).unwrap();
    let answer_id = answer.id;
    ws.survey_answers.push(answer);
    let top: Vec<_> = survey.criteria.iter().take(5).map(|c| c.id).collect();
    let round_two = ws.add_survey(survey.round_two(&top, now()));
    ws.sync_marks
        .insert(ws.profiles[0].id.as_uuid(), "0123456789abcdef".into());

    let exports = [
        Export::workspace(&ws),
        Export::workspace(&ws).without_personal_data(),
        Export::profiles(&ws, &[ws.profiles[0].id]),
        Export::profiles(&ws, &ws.profiles.iter().map(|p| p.id).collect::<Vec<_>>())
            .without_personal_data(),
        Export::model(&ws, ws.active_model.unwrap()).unwrap(),
        Export::worksheet(&ws, ws.worksheets[0].id).unwrap(),
        Export::survey(&ws, survey_id).unwrap(),
        Export::survey(&ws, round_two).unwrap(),
        Export::survey_answer(&ws, answer_id).unwrap(),
    ];
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
    for export in exports {
        let text = encode_export(&export, now());
        assert_valid(&format!("a {:?} file", export.kind), &text);
        // And the app reads its own file without a complaint.
        assert!(decode_file(&text).unwrap().problems.is_empty());
    }
}

#[test]
fn the_example_file_and_the_good_fixtures_match_the_schema() {
    let example = root().join("public/example.clientele.json");
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        let text = encode_export(&Export::workspace(&sample_workspace()), now());
        let pretty =
            serde_json::to_string_pretty(&serde_json::from_str::<Value>(&text).unwrap()).unwrap();
        std::fs::write(&example, pretty + "\n").unwrap();
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/good"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(example);
    for path in files {
        let text = String::from_utf8(std::fs::read(&path).unwrap()).unwrap();
        assert_valid(&path.display().to_string(), &text);
    }
    let text = std::fs::read_to_string(root().join("public/example.clientele.json")).unwrap();
    let file = decode_file(&text).unwrap();
    assert!(file.problems.is_empty());
    assert!(
        file.incoming.records.profiles.len() >= 3,
        "the example shows real profiles"
    );
}

#[test]
fn files_the_app_refuses_do_not_match_the_schema_either() {
    let bad = root().join("tests/fixtures/bad");
    for name in [
        "money-as-json-number",
        "money-29-digits",
        "money-5-decimals",
        "money-with-comma",
        "other-program-format",
        "newer-version",
        "profile-without-id",
        "status-unknown",
        "website-javascript",
        "unknown-kind",
        "data-is-array",
    ] {
        let text = std::fs::read_to_string(bad.join(format!("{name}.json"))).unwrap();
        assert!(!is_valid(&text), "{name} should not validate");
    }
}
