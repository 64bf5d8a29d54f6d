use super::*;
use crate::domain::date::Birthday;
use crate::domain::profile::Person;
use crate::domain::share::Export;
use crate::domain::{Money, ProfileId, Timestamp};

fn now() -> Timestamp {
    "2026-11-22T06:43:03Z".parse().unwrap()
}

/// A workspace with two profiles, the second with a person.
fn coordinator() -> Workspace {
    let mut ws = Workspace::new(now());
    ws.add_profile("Acme", now()).unwrap();
    let beta = ws.add_profile("Beta", now()).unwrap();
    ws.profile_mut(beta).unwrap().people.push(Person {
        name: "Ewa Nowak".into(),
        email: Some("ewa@beta.pl".into()),
        birthday: Some(
            Birthday::new(3, 14, None, crate::domain::Date::new(2026, 11, 22).unwrap()).unwrap(),
        ),
        ..Person::default()
    });
    ws
}

/// What a colleague's browser holds after importing `from` into an empty
/// workspace.
fn colleague_of(from: &Workspace) -> Workspace {
    let file = incoming(Export::workspace(from));
    apply(&Workspace::new(now()), &file, &MergeChoices::default())
}

fn incoming(export: Export) -> Incoming {
    let (records, workspace) = match export.workspace {
        Some(mut ws) => {
            let records = Records {
                profiles: std::mem::take(&mut ws.profiles),
                worksheets: std::mem::take(&mut ws.worksheets),
                models: std::mem::take(&mut ws.models),
                surveys: std::mem::take(&mut ws.surveys),
                survey_answers: std::mem::take(&mut ws.survey_answers),
                sync_marks: std::mem::take(&mut ws.sync_marks),
            };
            (records, Some(ws))
        }
        None => (export.records, None),
    };
    Incoming {
        kind: export.kind,
        personal_data: export.personal_data,
        complete_profiles: Default::default(),
        unread: Default::default(),
        workspace,
        records,
    }
}

fn id_of(ws: &Workspace, name: &str) -> ProfileId {
    ws.profiles.iter().find(|p| p.name == name).unwrap().id
}

fn spend(ws: &mut Workspace, name: &str, amount: &str) {
    let id = id_of(ws, name);
    ws.profile_mut(id).unwrap().yearly_spend = Some(amount.parse::<Money>().unwrap());
}

#[test]
fn new_records_are_added_and_the_same_file_twice_changes_nothing() {
    let theirs = coordinator();
    let file = incoming(Export::workspace(&theirs));
    let mine = Workspace::new(now());
    let preview_once = preview(&mine, &file);
    assert_eq!(preview_once.count(Change::New), 2);
    let once = apply(&mine, &file, &MergeChoices::default());
    assert_eq!(once.profiles, theirs.profiles);

    let again = preview(&once, &file);
    assert_eq!(again.count(Change::Same), 2);
    assert!(again.changes_nothing());
    assert_eq!(apply(&once, &file, &MergeChoices::default()), once);
}

#[test]
fn a_record_changed_only_in_the_file_is_taken_with_its_fields_listed() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    spend(&mut rep, "Acme", "120000");
    let file = incoming(Export::workspace(&rep));

    let preview = preview(&coordinator, &file);
    let changed: Vec<_> = preview.with(Change::Theirs).collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].title, "Acme");
    assert_eq!(changed[0].fields[0].field, "Average yearly spend");
    assert_eq!(changed[0].fields[0].there, "120000");

    let merged = apply(&coordinator, &file, &MergeChoices::default());
    let acme = merged.profile(id_of(&merged, "Acme")).unwrap();
    assert_eq!(acme.yearly_spend, Some("120000".parse().unwrap()));
    assert_eq!(merged.profiles.len(), 2, "never duplicated");
}

#[test]
fn a_record_changed_only_here_is_kept() {
    let coordinator = coordinator();
    let rep = colleague_of(&coordinator);
    let mut mine = coordinator.clone();
    // The rep's browser has seen the coordinator's version, so its file
    // carries the mark of it.
    spend(&mut mine, "Acme", "5");
    let file = incoming(Export::workspace(&rep));
    assert_eq!(preview(&mine, &file).count(Change::Ours), 1);
    let merged = apply(&mine, &file, &MergeChoices::default());
    assert_eq!(merged.profiles, mine.profiles);
}

#[test]
fn a_record_changed_on_both_sides_is_a_conflict_kept_as_mine_unless_chosen() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    let mut mine = coordinator.clone();
    spend(&mut rep, "Acme", "200");
    spend(&mut mine, "Acme", "100");
    let file = incoming(Export::workspace(&rep));

    let preview = preview(&mine, &file);
    let conflict: Vec<_> = preview.with(Change::Conflict).collect();
    assert_eq!(conflict.len(), 1);
    assert_eq!(
        (
            conflict[0].fields[0].here.as_str(),
            conflict[0].fields[0].there.as_str()
        ),
        ("100", "200")
    );
    let acme = id_of(&mine, "Acme");

    let kept = apply(&mine, &file, &MergeChoices::default());
    assert_eq!(
        kept.profile(acme).unwrap().yearly_spend,
        Some("100".parse().unwrap())
    );
    // Having seen the file's version, the same file again changes nothing.
    assert!(super::preview(&kept, &file).changes_nothing());

    let mut choices = MergeChoices::default();
    choices
        .resolutions
        .insert(acme.as_uuid(), Resolution::TakeTheirs);
    let taken = apply(&mine, &file, &choices);
    assert_eq!(
        taken.profile(acme).unwrap().yearly_spend,
        Some("200".parse().unwrap())
    );
}

#[test]
fn a_round_trip_through_a_colleague_brings_their_change_back_without_conflict() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    spend(&mut rep, "Beta", "42");
    let back = apply(
        &coordinator,
        &incoming(Export::workspace(&rep)),
        &MergeChoices::default(),
    );
    // The rep changes it again and sends it once more.
    let mut rep = apply(
        &rep,
        &incoming(Export::workspace(&back)),
        &MergeChoices::default(),
    );
    spend(&mut rep, "Beta", "43");
    let file = incoming(Export::workspace(&rep));
    assert_eq!(preview(&back, &file).count(Change::Theirs), 1);
}

#[test]
fn a_file_without_personal_data_never_erases_it_here() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    spend(&mut rep, "Beta", "9");
    let file = incoming(Export::workspace(&rep).without_personal_data());
    let merged = apply(&coordinator, &file, &MergeChoices::default());
    let beta = merged.profile(id_of(&merged, "Beta")).unwrap();
    assert_eq!(beta.yearly_spend, Some("9".parse().unwrap()));
    assert!(beta.people[0].birthday.is_some());
    assert_eq!(beta.people[0].email.as_deref(), Some("ewa@beta.pl"));
}

#[test]
fn files_imported_together_keep_the_personal_data_of_the_ones_that_have_it() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    let beta = id_of(&rep, "Beta");
    rep.profile_mut(beta).unwrap().people[0].email = Some("ewa.nowak@beta.pl".into());
    spend(&mut rep, "Acme", "5");
    // One file with everything, one with Acme alone and no personal data.
    let full = incoming(Export::workspace(&rep));
    let mut acme_only = incoming(Export::workspace(&rep).without_personal_data());
    acme_only.records.profiles.retain(|p| p.name == "Acme");

    let both = Incoming::combine(vec![full.clone(), acme_only.clone()]);
    assert_eq!(
        both.personal_data,
        PersonalData::LeftOut,
        "the preview says so"
    );
    let merged = apply(&coordinator, &both, &MergeChoices::default());
    let beta_here = merged.profile(beta).unwrap();
    assert_eq!(
        beta_here.people[0].email.as_deref(),
        Some("ewa.nowak@beta.pl")
    );
    assert!(beta_here.people[0].birthday.is_some());
    let acme = merged.profile(id_of(&merged, "Acme")).unwrap();
    assert_eq!(acme.yearly_spend, Some("5".parse().unwrap()));

    // The last file holding a profile decides: Beta without personal data
    // after the full file keeps what is here.
    let mut beta_left_out = incoming(Export::workspace(&rep).without_personal_data());
    beta_left_out.records.profiles.retain(|p| p.id == beta);
    let both = Incoming::combine(vec![full, beta_left_out]);
    let merged = apply(&coordinator, &both, &MergeChoices::default());
    assert_eq!(
        merged.profile(beta).unwrap().people[0].email.as_deref(),
        Some("ewa@beta.pl")
    );
}

#[test]
fn replacing_keeps_the_records_here_whose_copy_in_the_file_could_not_be_read() {
    let here = coordinator();
    let beta = id_of(&here, "Beta");
    let mut file = incoming(Export::workspace(&here));
    // The file's Beta was damaged: it was left out when the file was read.
    file.records.profiles.retain(|p| p.id != beta);
    file.unread.insert(beta.as_uuid());
    assert_eq!(preview(&here, &file).only_here, 0, "Beta is in the file");
    let choices = MergeChoices {
        mode: ImportMode::Replace,
        ..MergeChoices::default()
    };
    let replaced = apply(&here, &file, &choices);
    assert_eq!(replaced.profile(beta), here.profile(beta), "kept as it was");
    assert_eq!(replaced.profiles.len(), 2);
}

#[test]
fn replacing_with_a_workspace_file_takes_its_records_and_settings_under_this_identity() {
    let theirs = {
        let mut ws = coordinator();
        ws.name = "Their team".into();
        ws.settings.review_every_days = 30;
        ws
    };
    let mut mine = Workspace::new(now());
    mine.add_profile("Only here", now()).unwrap();
    mine.revision = 7;
    let file = incoming(Export::workspace(&theirs));
    assert_eq!(preview(&mine, &file).only_here, 1);

    let choices = MergeChoices {
        mode: ImportMode::Replace,
        ..MergeChoices::default()
    };
    let replaced = apply(&mine, &file, &choices);
    assert_eq!(replaced.id, mine.id);
    assert_eq!(replaced.revision, 7);
    assert_eq!(replaced.name, "Their team");
    assert_eq!(replaced.settings.review_every_days, 30);
    assert_eq!(replaced.profiles, theirs.profiles);
}

#[test]
fn a_record_listed_twice_is_added_once() {
    let theirs = coordinator();
    let mut file = incoming(Export::profiles(&theirs, &[theirs.profiles[0].id]));
    let twice = file.records.profiles[0].clone();
    file.records.profiles.push(twice);
    let merged = apply(&Workspace::new(now()), &file, &MergeChoices::default());
    assert_eq!(merged.profiles.len(), 1);
}

#[test]
fn files_combined_take_each_record_from_the_last_file_that_has_it() {
    let theirs = coordinator();
    let mut newer = theirs.clone();
    spend(&mut newer, "Acme", "7");
    let acme = id_of(&theirs, "Acme");
    let combined = Incoming::combine(vec![
        incoming(Export::profiles(&theirs, &[acme])),
        incoming(Export::profiles(&newer, &[acme])),
    ]);
    assert_eq!(combined.records.profiles.len(), 1);
    assert_eq!(
        combined.records.profiles[0].yearly_spend,
        Some("7".parse().unwrap())
    );
}
