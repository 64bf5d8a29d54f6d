use super::*;
use crate::domain::date::Birthday;
use crate::domain::profile::Person;
use crate::domain::share::{Export, settle};
use crate::domain::{Date, ProfileId, Timestamp};

fn now() -> Timestamp {
    "2026-11-22T06:43:03Z".parse().unwrap()
}

fn today() -> Date {
    Date::new(2026, 11, 22).unwrap()
}

/// Makes a change as a person would in the app: the change, then the
/// versions brought up to date as the app does after every change.
fn edit(ws: &mut Workspace, change: impl FnOnce(&mut Workspace)) {
    let before = ws.clone();
    change(ws);
    settle(ws, &before, now());
}

/// A coordinator's workspace with two profiles, the second with a person.
fn coordinator() -> Workspace {
    let mut ws = Workspace::new(now());
    edit(&mut ws, |ws| {
        ws.add_profile("Acme", now()).unwrap();
        let beta = ws.add_profile("Beta", now()).unwrap();
        ws.profile_mut(beta).unwrap().people.push(Person {
            name: "Ewa Nowak".into(),
            email: Some("ewa@beta.pl".into()),
            birthday: Some(Birthday::new(3, 14, None, today()).unwrap()),
            ..Person::default()
        });
    });
    ws
}

/// What a colleague's browser holds after importing `from` into an empty
/// workspace of their own.
fn colleague_of(from: &Workspace) -> Workspace {
    import(&Workspace::new(now()), &from_workspace(from))
}

/// A whole-workspace file of `ws`, as read back.
fn from_workspace(ws: &Workspace) -> Incoming {
    incoming(Export::workspace(ws))
}

fn incoming(export: Export) -> Incoming {
    let (records, workspace) = match export.workspace {
        Some(mut ws) => {
            let records = Records {
                profiles: std::mem::take(&mut ws.profiles).to_vec(),
                worksheets: std::mem::take(&mut ws.worksheets),
                models: std::mem::take(&mut ws.models),
                surveys: std::mem::take(&mut ws.surveys),
                survey_answers: std::mem::take(&mut ws.survey_answers),
                versions: std::mem::take(&mut ws.versions),
                deleted: std::mem::take(&mut ws.deleted),
                custom_fields: Vec::new(),
            };
            (records, Some(ws))
        }
        None => (export.records, None),
    };
    Incoming {
        kind: export.kind,
        personal_data: export.personal_data,
        unread: Default::default(),
        workspace,
        records,
        local_edit: false,
    }
}

/// Imports one file with the default choices.
fn import(here: &Workspace, file: &Incoming) -> Workspace {
    apply(here, std::slice::from_ref(file), &MergeChoices::default())
}

fn look(here: &Workspace, file: &Incoming) -> MergePreview {
    preview(here, std::slice::from_ref(file), &MergeChoices::default())
}

fn id_of(ws: &Workspace, name: &str) -> ProfileId {
    ws.profiles.iter().find(|p| p.name == name).unwrap().id
}

fn profile(ws: &Workspace, id: ProfileId) -> &Profile {
    ws.profile(id).unwrap()
}

fn set_industry(ws: &mut Workspace, id: ProfileId, industry: &str) {
    edit(ws, |ws| {
        ws.profile_mut(id).unwrap().industry = industry.into()
    });
}

fn set_region(ws: &mut Workspace, id: ProfileId, region: &str) {
    edit(ws, |ws| ws.profile_mut(id).unwrap().region = region.into());
}

fn only(preview: &MergePreview, change: Change) -> Vec<&RecordChange> {
    preview.with(change).collect()
}

#[test]
fn new_records_are_added_and_the_same_file_twice_changes_nothing() {
    let theirs = coordinator();
    let file = from_workspace(&theirs);
    let mine = Workspace::new(now());
    assert_eq!(look(&mine, &file).count(Change::New), 2);
    let once = import(&mine, &file);
    assert_eq!(once.profiles, theirs.profiles);
    let again = look(&once, &file);
    assert!(again.changes_nothing());
    assert_eq!(again.count(Change::Same), 2);
    assert_eq!(import(&once, &file), once);
}

#[test]
fn a_record_changed_only_in_the_file_is_taken_with_its_fields_listed() {
    let here = coordinator();
    let mut rep = colleague_of(&here);
    let acme = id_of(&rep, "Acme");
    set_industry(&mut rep, acme, "IT services");
    let file = from_workspace(&rep);
    let preview = look(&here, &file);
    let taken = only(&preview, Change::Theirs);
    assert_eq!(taken.len(), 1);
    assert_eq!(taken[0].fields[0].field, "Industry");
    assert_eq!(taken[0].fields[0].there, "IT services");
    assert_eq!(profile(&import(&here, &file), acme).industry, "IT services");
}

#[test]
fn a_record_changed_only_here_is_kept() {
    let mut here = coordinator();
    let rep = colleague_of(&here);
    let acme = id_of(&here, "Acme");
    set_industry(&mut here, acme, "Retail");
    let file = from_workspace(&rep);
    assert_eq!(look(&here, &file).count(Change::Ours), 1);
    assert_eq!(profile(&import(&here, &file), acme).industry, "Retail");
}

/// Issue 16, 1: C sends P to A and B, both edit it; C takes A's file, then
/// B's. B's version was made from the one before A's edit: a change on both
/// sides, never "changed in the file".
#[test]
fn three_people_one_field_the_second_file_is_a_conflict_and_the_first_edit_stays() {
    let c = coordinator();
    let (mut a, mut b) = (colleague_of(&c), colleague_of(&c));
    let acme = id_of(&c, "Acme");
    set_industry(&mut a, acme, "Banking");
    set_industry(&mut b, acme, "Retail");
    let c = import(&c, &from_workspace(&a));
    assert_eq!(profile(&c, acme).industry, "Banking");
    let from_b = from_workspace(&b);
    let preview = look(&c, &from_b);
    let conflicts = only(&preview, Change::Conflict);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].conflict, Some(ConflictKind::Fields));
    assert_eq!(conflicts[0].fields[0].here, "Banking");
    assert_eq!(conflicts[0].fields[0].there, "Retail");
    assert_eq!(preview.count(Change::Theirs), 0);
    // Kept as here by default; the file's when chosen.
    assert_eq!(profile(&import(&c, &from_b), acme).industry, "Banking");
    let choices = MergeChoices {
        resolutions: [((0, acme.as_uuid()), Resolution::TakeTheirs)].into(),
        ..MergeChoices::default()
    };
    let taken = apply(&c, std::slice::from_ref(&from_b), &choices);
    assert_eq!(profile(&taken, acme).industry, "Retail");
}

#[test]
fn three_people_different_fields_both_changes_are_kept_without_asking() {
    let c = coordinator();
    let (mut a, mut b) = (colleague_of(&c), colleague_of(&c));
    let acme = id_of(&c, "Acme");
    set_industry(&mut a, acme, "Banking");
    set_region(&mut b, acme, "Pomerania");
    let c = import(&c, &from_workspace(&a));
    let from_b = from_workspace(&b);
    let preview = look(&c, &from_b);
    let merged = only(&preview, Change::Merged);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged[0].fields.len(), 1, "only the region comes from B");
    let c = import(&c, &from_b);
    assert_eq!(profile(&c, acme).industry, "Banking");
    assert_eq!(profile(&c, acme).region, "Pomerania");
    // The merged version reaches A and B as newer than theirs: no conflict.
    for rep in [&a, &b] {
        let back = look(rep, &from_workspace(&c));
        assert_eq!(back.count(Change::Conflict), 0);
        assert_eq!(
            profile(&import(rep, &from_workspace(&c)), acme).region,
            "Pomerania"
        );
    }
}

#[test]
fn a_person_added_on_one_side_and_another_changed_on_the_other_are_both_kept() {
    let c = coordinator();
    let (mut a, mut b) = (colleague_of(&c), colleague_of(&c));
    let beta = id_of(&c, "Beta");
    edit(&mut a, |ws| {
        ws.profile_mut(beta).unwrap().people.push(Person {
            name: "Jan Kowalski".into(),
            ..Person::default()
        })
    });
    edit(&mut b, |ws| {
        ws.profile_mut(beta).unwrap().people[0].title = "CFO".into()
    });
    let c = import(&import(&c, &from_workspace(&a)), &from_workspace(&b));
    let people = &profile(&c, beta).people;
    assert_eq!(people.len(), 2);
    assert_eq!(people[0].title, "CFO");
    assert_eq!(people[1].name, "Jan Kowalski");
}

/// Issue 16, 2: several files at once weigh every copy.
#[test]
fn files_imported_together_weigh_every_copy_and_show_the_first_ones_version() {
    let c = coordinator();
    let (mut a, mut b) = (colleague_of(&c), colleague_of(&c));
    let acme = id_of(&c, "Acme");
    set_industry(&mut a, acme, "Banking");
    set_industry(&mut b, acme, "Retail");
    let parts = [from_workspace(&a), from_workspace(&b)];
    let preview = preview(&c, &parts, &MergeChoices::default());
    let acme_rows: Vec<_> = preview
        .records
        .iter()
        .filter(|r| r.id == acme.as_uuid())
        .collect();
    assert_eq!(acme_rows.len(), 2);
    assert_eq!(
        (acme_rows[0].part, acme_rows[0].change),
        (0, Change::Theirs)
    );
    assert_eq!(
        (acme_rows[1].part, acme_rows[1].change),
        (1, Change::Conflict)
    );
    assert_eq!(acme_rows[1].fields[0].here, "Banking");
    let merged = apply(&c, &parts, &MergeChoices::default());
    assert_eq!(profile(&merged, acme).industry, "Banking");
}

/// Issue 16, 3: a CSV import is an edit here, so a colleague's older file
/// never reverts it.
#[test]
fn a_csv_import_counts_as_an_edit_here_and_an_older_file_does_not_revert_it() {
    let c = coordinator();
    let rep = colleague_of(&c);
    let acme = id_of(&c, "Acme");
    let mut from_crm = profile(&c, acme).clone();
    from_crm.industry = "Logistics".into();
    let csv = Incoming::local_edits(Records {
        profiles: vec![from_crm],
        ..Records::default()
    });
    assert_eq!(look(&c, &csv).count(Change::Theirs), 1);
    let c = import(&c, &csv);
    assert_eq!(profile(&c, acme).industry, "Logistics");
    let older = from_workspace(&rep);
    assert_eq!(look(&c, &older).count(Change::Ours), 1);
    assert_eq!(profile(&import(&c, &older), acme).industry, "Logistics");
    // And the colleague takes it as a change made from their version.
    assert_eq!(
        profile(&import(&rep, &from_workspace(&c)), acme).industry,
        "Logistics"
    );
}

/// Issue 16, 4: deletions travel and never come back from an older file.
#[test]
fn a_deletion_travels_and_an_older_copy_never_brings_the_record_back() {
    let mut c = coordinator();
    let a = colleague_of(&c);
    let acme = id_of(&c, "Acme");
    edit(&mut c, |ws| {
        ws.remove_profile(acme, today());
    });
    // C's file deletes Acme at A's.
    let preview = look(&a, &from_workspace(&c));
    assert_eq!(only(&preview, Change::Deleted)[0].title, "Acme");
    let a_after = import(&a, &from_workspace(&c));
    assert!(a_after.profile(acme).is_none());
    // A's older file back at C: Acme stays deleted.
    let back = look(&c, &from_workspace(&a));
    assert_eq!(back.count(Change::New), 0);
    assert_eq!(back.count(Change::StaysDeleted), 1);
    assert!(import(&c, &from_workspace(&a)).profile(acme).is_none());
    // A third person who never had the file's deletion learns it from A.
    let d = colleague_of(&a);
    let d = import(&d, &from_workspace(&a_after));
    assert!(d.profile(acme).is_none());
    assert!(d.deleted.contains_key(&acme.as_uuid()));
}

#[test]
fn a_deletion_in_the_file_can_be_refused_and_then_wins_over_it() {
    let mut c = coordinator();
    let a = colleague_of(&c);
    let acme = id_of(&c, "Acme");
    edit(&mut c, |ws| {
        ws.remove_profile(acme, today());
    });
    let file = from_workspace(&c);
    let keep = MergeChoices {
        resolutions: [((0, acme.as_uuid()), Resolution::KeepMine)].into(),
        ..MergeChoices::default()
    };
    let kept = apply(&a, std::slice::from_ref(&file), &keep);
    assert!(kept.profile(acme).is_some());
    // The same file again changes nothing; C asked for the kept version.
    assert!(look(&kept, &file).changes_nothing());
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict_both_ways() {
    let mut c = coordinator();
    let mut a = colleague_of(&c);
    let acme = id_of(&c, "Acme");
    edit(&mut c, |ws| {
        ws.remove_profile(acme, today());
    });
    set_industry(&mut a, acme, "Banking");

    let at_c = look(&c, &from_workspace(&a));
    let conflict = only(&at_c, Change::Conflict);
    assert_eq!(conflict[0].conflict, Some(ConflictKind::DeletedHere));
    assert!(
        import(&c, &from_workspace(&a)).profile(acme).is_none(),
        "stays deleted by default"
    );
    let restore = MergeChoices {
        resolutions: [((0, acme.as_uuid()), Resolution::TakeTheirs)].into(),
        ..MergeChoices::default()
    };
    let restored = apply(&c, &[from_workspace(&a)], &restore);
    assert_eq!(profile(&restored, acme).industry, "Banking");
    assert!(!restored.deleted.contains_key(&acme.as_uuid()));

    let at_a = look(&a, &from_workspace(&c));
    assert_eq!(
        only(&at_a, Change::Conflict)[0].conflict,
        Some(ConflictKind::DeletedThere)
    );
    assert_eq!(
        profile(&import(&a, &from_workspace(&c)), acme).industry,
        "Banking"
    );
}

#[test]
fn undoing_a_delete_brings_the_record_back_newer_than_the_deletion() {
    let mut c = coordinator();
    let a = colleague_of(&c);
    let acme = id_of(&c, "Acme");
    let mut removed = None;
    edit(&mut c, |ws| removed = ws.remove_profile(acme, today()));
    let deleted_file = from_workspace(&c);
    let a = import(&a, &deleted_file);
    let (at, record) = removed.unwrap();
    edit(&mut c, |ws| ws.restore_profile(at, record));
    assert!(c.deleted.is_empty());
    // A, who took the deletion, gets the record back from C's next file.
    let back = import(&a, &from_workspace(&c));
    assert!(back.profile(acme).is_some());
}

#[test]
fn a_conflict_resolved_here_reaches_the_others_as_the_newer_version() {
    let c = coordinator();
    let (mut a, mut b) = (colleague_of(&c), colleague_of(&c));
    let acme = id_of(&c, "Acme");
    set_industry(&mut a, acme, "Banking");
    set_industry(&mut b, acme, "Retail");
    let c = import(&import(&c, &from_workspace(&a)), &from_workspace(&b));
    let at_b = look(&b, &from_workspace(&c));
    assert_eq!(at_b.count(Change::Theirs), 1, "{at_b:?}");
    assert_eq!(
        profile(&import(&b, &from_workspace(&c)), acme).industry,
        "Banking"
    );
}

#[test]
fn a_file_without_personal_data_never_erases_it_here() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    let beta = id_of(&rep, "Beta");
    set_industry(&mut rep, beta, "Retail");
    let file = incoming(Export::workspace(&rep).without_personal_data());
    let merged = import(&coordinator, &file);
    let beta = profile(&merged, beta);
    assert_eq!(beta.industry, "Retail");
    assert!(beta.people[0].birthday.is_some());
    assert_eq!(beta.people[0].email.as_deref(), Some("ewa@beta.pl"));
}

#[test]
fn files_imported_together_keep_the_personal_data_of_the_ones_that_have_it() {
    let coordinator = coordinator();
    let mut rep = colleague_of(&coordinator);
    let beta = id_of(&rep, "Beta");
    edit(&mut rep, |ws| {
        ws.profile_mut(beta).unwrap().people[0].email = Some("ewa.nowak@beta.pl".into())
    });
    let full = from_workspace(&rep);
    let left_out = incoming(Export::workspace(&rep).without_personal_data());
    let in_order = [full.clone(), left_out.clone()];
    let merged = apply(&coordinator, &in_order, &MergeChoices::default());
    let person = &profile(&merged, beta).people[0];
    assert_eq!(person.email.as_deref(), Some("ewa.nowak@beta.pl"));
    assert!(person.birthday.is_some());
    // The other way round the file without personal data comes first and
    // says nothing of the new e-mail: the full file then offers it as a
    // choice, never dropped unseen.
    let reversed = [left_out, full];
    let preview = preview(&coordinator, &reversed, &MergeChoices::default());
    let offered = preview
        .records
        .iter()
        .find(|r| r.part == 1 && r.id == beta.as_uuid())
        .unwrap();
    assert_eq!(offered.change, Change::Conflict);
    assert!(
        offered
            .fields
            .iter()
            .any(|f| f.there == "ewa.nowak@beta.pl"),
        "{offered:?}"
    );
    let take = MergeChoices {
        resolutions: [((1, beta.as_uuid()), Resolution::TakeTheirs)].into(),
        ..MergeChoices::default()
    };
    let merged = apply(&coordinator, &reversed, &take);
    let person = &profile(&merged, beta).people[0];
    assert_eq!(person.email.as_deref(), Some("ewa.nowak@beta.pl"));
    assert!(person.birthday.is_some());
}

#[test]
fn replacing_keeps_the_records_here_whose_copy_in_the_file_could_not_be_read() {
    let here = coordinator();
    let beta = id_of(&here, "Beta");
    let mut file = from_workspace(&here);
    file.records.profiles.retain(|p| p.id != beta);
    file.unread.insert(beta.as_uuid());
    assert_eq!(look(&here, &file).only_here, 0, "Beta is in the file");
    let choices = MergeChoices {
        mode: ImportMode::Replace,
        ..MergeChoices::default()
    };
    let replaced = apply(&here, std::slice::from_ref(&file), &choices);
    assert_eq!(replaced.profile(beta), here.profile(beta), "kept as it was");
    assert_eq!(replaced.profiles.len(), 2);
    assert!(replaced.versions.contains_key(&beta.as_uuid()));
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
    let file = from_workspace(&theirs);
    assert_eq!(look(&mine, &file).only_here, 1);
    let choices = MergeChoices {
        mode: ImportMode::Replace,
        ..MergeChoices::default()
    };
    let replaced = apply(&mine, std::slice::from_ref(&file), &choices);
    assert_eq!(replaced.id, mine.id);
    assert_eq!(replaced.revision, 7);
    assert_eq!(replaced.name, "Their team");
    assert_eq!(replaced.settings.review_every_days, 30);
    assert_eq!(replaced.profiles, theirs.profiles);
    assert_eq!(replaced.versions, theirs.versions);
}

#[test]
fn replace_takes_an_older_version_as_a_new_edit_here() {
    let mut here = coordinator();
    let rep = colleague_of(&here);
    let acme = id_of(&here, "Acme");
    set_industry(&mut here, acme, "Retail");
    let file = incoming(Export::profiles(&rep, &[acme]));
    let choices = MergeChoices {
        mode: ImportMode::Replace,
        ..MergeChoices::default()
    };
    let replaced = apply(&here, std::slice::from_ref(&file), &choices);
    assert_eq!(profile(&replaced, acme).industry, "");
    // The older content now wins over the edit wherever it goes.
    assert_eq!(
        look(&here, &from_workspace(&replaced)).count(Change::Theirs),
        1
    );
}

#[test]
fn a_record_listed_twice_is_added_once() {
    let theirs = coordinator();
    let mut file = incoming(Export::profiles(&theirs, &[theirs.profiles[0].id]));
    let twice = file.records.profiles[0].clone();
    file.records.profiles.push(twice);
    assert_eq!(import(&Workspace::new(now()), &file).profiles.len(), 1);
}

#[test]
fn a_file_without_versions_asks_about_every_difference() {
    let here = coordinator();
    let acme = id_of(&here, "Acme");
    let mut changed = profile(&here, acme).clone();
    changed.industry = "Energy".into();
    let file = Incoming::records(
        FileKind::Profile,
        Records {
            profiles: vec![changed],
            ..Records::default()
        },
    );
    assert_eq!(look(&here, &file).count(Change::Conflict), 1);
}

#[test]
fn fields_of_their_own_travel_with_the_profiles_that_hold_values_in_them() {
    use crate::domain::custom_field::FieldKind;
    let mut ws = coordinator();
    let (mut contract, mut unused) = (None, None);
    edit(&mut ws, |ws| {
        let id = ws
            .add_custom_field("Contract value", FieldKind::Number)
            .unwrap();
        unused = Some(
            ws.add_custom_field("Notes for the CFO", FieldKind::Text)
                .unwrap(),
        );
        let acme = ws.profiles[0].id;
        ws.profile_mut(acme)
            .unwrap()
            .custom
            .insert(id, "12500".into());
        contract = Some(id);
    });
    let (contract, unused) = (contract.unwrap(), unused.unwrap());
    let acme = ws.profiles[0].id;
    let file = Export::profiles(&ws, &[acme]);
    let names: Vec<&str> = file
        .records
        .custom_fields
        .iter()
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(names, ["Contract value"], "only the fields its records use");

    let mut theirs = Workspace::new(now());
    edit(&mut theirs, |ws| {
        ws.add_custom_field("Kept as named here", FieldKind::Number)
            .unwrap();
    });
    let seen = preview(
        &theirs,
        std::slice::from_ref(&incoming(file.clone())),
        &MergeChoices::default(),
    );
    assert_eq!(
        seen.new_fields,
        ["Contract value"],
        "the preview names the field it brings"
    );
    let received = import(&theirs, &incoming(file));
    assert_eq!(
        received.custom_field(contract).unwrap().name,
        "Contract value"
    );
    assert!(received.custom_field(unused).is_none());
    assert_eq!(
        received.settings.custom_fields.len(),
        2,
        "theirs kept, ours added"
    );
    assert_eq!(
        received.profiles[0]
            .custom
            .get(&contract)
            .map(String::as_str),
        Some("12500")
    );

    // A field both have keeps the name it has here.
    let mut renamed = ws.clone();
    edit(&mut renamed, |ws| {
        ws.rename_custom_field(contract, "Contract size").unwrap()
    });
    let same = incoming(Export::profiles(&ws, &[acme]));
    assert!(
        preview(
            &received,
            std::slice::from_ref(&same),
            &MergeChoices::default()
        )
        .changes_nothing(),
        "a field here already is not news"
    );
    let again = import(&received, &incoming(Export::profiles(&renamed, &[acme])));
    assert_eq!(again.custom_field(contract).unwrap().name, "Contract value");
    // A whole workspace brings its fields too.
    assert_eq!(colleague_of(&ws).settings.custom_fields.len(), 2);
}
