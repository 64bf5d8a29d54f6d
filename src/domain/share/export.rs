//! What goes into an exported file, and its name.

use super::records::Records;
use crate::domain::{Profile, Timestamp, Workspace};
use crate::{t, tn};
use serde::{Deserialize, Serialize};

/// What a file holds, written in its envelope as `kind` so the app can
/// say what it is before reading it. Files without a kind are whole
/// workspaces (the first files Clientele wrote).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// Everything: records, settings, the active model.
    #[default]
    Workspace,
    /// One profile.
    Profile,
    /// Several profiles chosen in the list.
    Profiles,
    /// One scoring model.
    Model,
    /// One ICP worksheet.
    Worksheet,
    /// A criteria survey, for the reps to answer.
    Survey,
    /// A rep's answer, for the coordinator.
    SurveyAnswer,
}

impl FileKind {
    /// The kind in words of the page's language, for previews (the file
    /// itself names it with its serde name).
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Workspace => t!(data_file_kind_workspace),
            FileKind::Profile => t!(data_file_kind_profile),
            FileKind::Profiles => t!(data_file_kind_profiles),
            FileKind::Model => t!(data_file_kind_model),
            FileKind::Worksheet => t!(data_file_kind_worksheet),
            FileKind::Survey => t!(data_file_kind_survey),
            FileKind::SurveyAnswer => t!(data_file_kind_survey_answer),
        }
    }
}

/// Whether personal data about people was left out of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonalData {
    /// Everything is in the file.
    #[default]
    Included,
    /// People's birthdays, phone numbers, e-mail addresses and notes were
    /// removed before the file was written.
    LeftOut,
}

/// Everything needed to write one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// What the file holds.
    pub kind: FileKind,
    /// Whether personal data was left out.
    pub personal_data: PersonalData,
    /// The workspace, for [`FileKind::Workspace`] files.
    pub workspace: Option<Workspace>,
    /// The records, for every other kind.
    pub records: Records,
    /// Words for the file name (a company, model or worksheet name), in the
    /// page's language where they are not the user's own.
    pub name_hint: String,
}

impl Export {
    /// The whole workspace. The export reminder's mark is not exported: it
    /// belongs to this browser.
    pub fn workspace(workspace: &Workspace) -> Self {
        let mut copy = workspace.clone();
        copy.last_export = None;
        copy.versions = Records::of_workspace(workspace).versions;
        Self {
            kind: FileKind::Workspace,
            personal_data: PersonalData::Included,
            name_hint: copy.name.clone(),
            workspace: Some(copy),
            records: Records::default(),
        }
    }

    /// Some records of `workspace`: `kind` says which and the name hint
    /// names the file.
    pub fn records(
        workspace: &Workspace,
        kind: FileKind,
        records: Records,
        name_hint: &str,
    ) -> Self {
        let mut records = records;
        records.versions = workspace.versions.clone();
        records.custom_fields = workspace
            .settings
            .custom_fields
            .iter()
            .filter(|f| records.uses_custom_field(f.id))
            .cloned()
            .collect();
        // A selection of profiles also carries the profiles deleted here,
        // so that deletions reach whoever receives the team's profiles.
        if kind == FileKind::Profiles {
            records.deleted = workspace.deleted.clone();
            records
                .deleted
                .retain(|_, t| t.kind == super::RecordKind::Profile.name());
        }
        Self {
            kind,
            personal_data: PersonalData::Included,
            workspace: None,
            records: records.with_own_versions(),
            name_hint: name_hint.to_owned(),
        }
    }

    /// The profiles with `ids`, in the workspace's order: one profile or a
    /// selection.
    pub fn profiles(workspace: &Workspace, ids: &[crate::domain::ProfileId]) -> Self {
        let profiles: Vec<Profile> = workspace
            .profiles
            .iter()
            .filter(|p| ids.contains(&p.id))
            .cloned()
            .collect();
        let (kind, hint) = match profiles.as_slice() {
            [one] => (FileKind::Profile, one.name.clone()),
            many => (FileKind::Profiles, tn!(data_file_name_profiles, many.len())),
        };
        let records = Records {
            profiles,
            ..Records::default()
        };
        Self::records(workspace, kind, records, &hint)
    }

    /// One scoring model, if it is here.
    pub fn model(workspace: &Workspace, id: crate::domain::ModelId) -> Option<Self> {
        let model = workspace.models.iter().find(|m| m.id == id)?.clone();
        let hint = model.name.clone();
        let records = Records {
            models: vec![model],
            ..Records::default()
        };
        Some(Self::records(workspace, FileKind::Model, records, &hint))
    }

    /// One ICP worksheet, if it is here. Its linked columns carry their
    /// profiles' values on `today`, so the file reads as the chart does here
    /// without the profiles it charts.
    pub fn worksheet(
        workspace: &Workspace,
        id: crate::domain::WorksheetId,
        today: crate::domain::Date,
    ) -> Option<Self> {
        let worksheet = workspace.worksheet(id)?.clone().with_current_values(
            &workspace.profiles,
            &crate::domain::currency::Basis::of(workspace, today),
        );
        let hint = worksheet.name.clone();
        let records = Records {
            worksheets: vec![worksheet],
            ..Records::default()
        };
        Some(Self::records(
            workspace,
            FileKind::Worksheet,
            records,
            &hint,
        ))
    }

    /// A survey, for the reps: it alone is enough to answer it.
    pub fn survey(workspace: &Workspace, id: crate::domain::SurveyId) -> Option<Self> {
        let survey = workspace.surveys.iter().find(|s| s.id == id)?.clone();
        let hint = t!(data_file_name_survey, title = survey.title);
        let records = Records {
            surveys: vec![survey],
            ..Records::default()
        };
        Some(Self::records(workspace, FileKind::Survey, records, &hint))
    }

    /// A rep's answer, for the coordinator.
    pub fn survey_answer(workspace: &Workspace, id: crate::domain::SurveyAnswerId) -> Option<Self> {
        let answer = workspace
            .survey_answers
            .iter()
            .find(|a| a.id == id)?
            .clone();
        let hint = t!(data_file_name_answer, respondent = answer.respondent);
        let records = Records {
            survey_answers: vec![answer],
            ..Records::default()
        };
        Some(Self::records(
            workspace,
            FileKind::SurveyAnswer,
            records,
            &hint,
        ))
    }

    /// The same export without personal data about people. Versions lose
    /// their legacy replicas too: those are named after fingerprints of the
    /// whole records, which would let anyone test guesses of what was left
    /// out.
    pub fn without_personal_data(mut self) -> Self {
        self.personal_data = PersonalData::LeftOut;
        let (versions, deleted) = match self.workspace.as_mut() {
            Some(ws) => {
                ws.profiles.iter_mut().for_each(leave_out_personal_data);
                (&mut ws.versions, &mut ws.deleted)
            }
            None => {
                let records = &mut self.records;
                records
                    .profiles
                    .iter_mut()
                    .for_each(leave_out_personal_data);
                (&mut records.versions, &mut records.deleted)
            }
        };
        for version in versions.values_mut() {
            *version = version.without_legacy();
        }
        for tombstone in deleted.values_mut() {
            tombstone.clock = tombstone.clock.without_legacy();
        }
        self
    }

    /// Whether the file would hold profiles, so that leaving out personal
    /// data means something.
    pub fn has_people(&self) -> bool {
        let profiles = match &self.workspace {
            Some(workspace) => &workspace.profiles,
            None => &self.records.profiles,
        };
        profiles.iter().any(|p| !p.people.is_empty())
    }

    /// A readable file name such as `clientele-acme-2026-11-22.json`.
    pub fn file_name(&self, now: Timestamp) -> String {
        file_name(&self.name_hint, now)
    }
}

/// Removes what identifies people privately; names, titles and roles stay
/// because a profile is about who decides.
pub fn leave_out_personal_data(profile: &mut Profile) {
    for person in &mut profile.people {
        person.birthday = None;
        person.phone.clear();
        person.email = None;
        person.notes.clear();
    }
}

/// `clientele-<words>-<date>.json`, the words made safe for every file
/// system (lower case letters and digits joined by dashes, at most 40).
pub fn file_name(words: &str, now: Timestamp) -> String {
    file_name_as(words, now, "json")
}

/// [`file_name`] with the extension `extension` (`csv`).
pub fn file_name_as(words: &str, now: Timestamp, extension: &str) -> String {
    let mut slug = String::new();
    for c in words.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("clientele-{}.{extension}", now.date_text())
    } else {
        format!("clientele-{slug}-{}.{extension}", now.date_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Birthday;
    use crate::domain::profile::Person;

    fn now() -> Timestamp {
        "2026-11-22T06:43:03Z".parse().unwrap()
    }

    fn workspace_with_a_person() -> Workspace {
        let mut ws = Workspace::new(now());
        let id = ws.add_profile("Acme Sp. z o.o.", now()).unwrap();
        let profile = ws.profile_mut(id).unwrap();
        profile.people.push(Person {
            name: "Jan Kowalski".into(),
            title: "CFO".into(),
            phone: "+48 600 000 000".into(),
            email: Some("jan@acme.pl".into()),
            birthday: Some(
                Birthday::new(3, 14, None, crate::domain::Date::new(2026, 11, 22).unwrap())
                    .unwrap(),
            ),
            notes: "Likes sailing".into(),
            ..Person::default()
        });
        ws
    }

    #[test]
    fn file_names_are_readable_and_safe() {
        assert_eq!(
            file_name("Acme Sp. z o.o.", now()),
            "clientele-acme-sp-z-o-o-2026-11-22.json"
        );
        assert_eq!(
            file_name("../../etc", now()),
            "clientele-etc-2026-11-22.json"
        );
        assert_eq!(file_name("", now()), "clientele-2026-11-22.json");
        assert_eq!(
            file_name("Zażółć gęślą", now()),
            "clientele-zażółć-gęślą-2026-11-22.json"
        );
    }

    #[test]
    fn one_profile_or_a_selection_is_named_after_what_it_holds() {
        let mut ws = workspace_with_a_person();
        let first = ws.profiles[0].id;
        let second = ws.add_profile("Beta", now()).unwrap();
        let one = Export::profiles(&ws, &[first]);
        assert_eq!(one.kind, FileKind::Profile);
        assert_eq!(
            one.file_name(now()),
            "clientele-acme-sp-z-o-o-2026-11-22.json"
        );
        let both = Export::profiles(&ws, &[second, first]);
        assert_eq!(both.kind, FileKind::Profiles);
        assert_eq!(both.records.profiles.len(), 2);
        assert_eq!(
            both.file_name(now()),
            "clientele-2-profiles-2026-11-22.json"
        );
    }

    #[test]
    fn a_file_name_says_what_it_holds_in_the_page_language() {
        use crate::i18n::{Language, set_language};
        let mut ws = workspace_with_a_person();
        for name in ["Beta", "Gamma", "Delta", "Epsilon"] {
            ws.add_profile(name, now()).unwrap();
        }
        let ids: Vec<_> = ws.profiles.iter().map(|p| p.id).collect();
        set_language(Language::Polish);
        let two = Export::profiles(&ws, &ids[..2]).file_name(now());
        let five = Export::profiles(&ws, &ids).file_name(now());
        set_language(Language::English);
        assert_eq!(two, "clientele-2-profile-2026-11-22.json");
        assert_eq!(five, "clientele-5-profili-2026-11-22.json");
    }

    #[test]
    fn leaving_out_personal_data_keeps_who_decides_and_says_so() {
        let ws = workspace_with_a_person();
        let export = Export::workspace(&ws).without_personal_data();
        assert_eq!(export.personal_data, PersonalData::LeftOut);
        let person = &export.workspace.as_ref().unwrap().profiles[0].people[0];
        assert_eq!(person.name, "Jan Kowalski");
        assert_eq!(person.title, "CFO");
        assert_eq!(person.birthday, None);
        assert_eq!(person.email, None);
        assert!(person.phone.is_empty() && person.notes.is_empty());
        // The workspace itself is untouched.
        assert!(ws.profiles[0].people[0].birthday.is_some());
    }

    #[test]
    fn a_file_carries_only_the_versions_of_its_own_records() {
        let mut ws = workspace_with_a_person();
        let kept = ws.profiles[0].id;
        let other = ws.add_profile("Beta", now()).unwrap();
        crate::domain::share::settle(&mut ws, &Workspace::new(now()), now());
        assert_eq!(ws.versions.len(), 2);
        let export = Export::profiles(&ws, &[kept]);
        assert_eq!(export.records.versions.len(), 1);
        assert!(export.records.versions.contains_key(&kept.as_uuid()));
        assert!(!export.records.versions.contains_key(&other.as_uuid()));
    }

    #[test]
    fn a_file_without_personal_data_carries_no_fingerprint_of_the_full_record() {
        use crate::domain::share::history::{Clock, LEGACY_PREFIX};
        let mut ws = workspace_with_a_person();
        let id = ws.profiles[0].id.as_uuid();
        // A version migrated from sync marks names a fingerprint.
        let mut clock = Clock::of("~9c3e82dd6fcae8b1", 1);
        clock.bump(&ws.replica());
        ws.versions.insert(
            id,
            crate::domain::share::Version {
                clock,
                ..Default::default()
            },
        );
        let full = Export::workspace(&ws);
        let text = serde_json::to_string(&full.workspace).unwrap();
        assert!(text.contains(LEGACY_PREFIX));
        let filtered = Export::workspace(&ws).without_personal_data();
        let text = serde_json::to_string(&filtered.workspace).unwrap();
        assert!(!text.contains("9c3e82dd6fcae8b1"), "{text}");
        assert_eq!(
            filtered.workspace.unwrap().versions[&id]
                .clock
                .get(&ws.replica()),
            1
        );
    }

    #[test]
    fn an_exported_worksheet_carries_its_linked_profiles_values_of_today() {
        use crate::domain::icp::Worksheet;
        use crate::domain::input::Span;
        let today = crate::domain::Date::new(2026, 11, 22).unwrap();
        let mut ws = Workspace::new(now());
        let id = ws.add_profile("Acme", now()).unwrap();
        let mut sheet = Worksheet::new("Top customers".into(), now());
        let column = sheet.columns[0].id;
        sheet.link(
            column,
            ws.profile_mut(id).unwrap(),
            &crate::domain::currency::Basis::one_currency(today),
        );
        let sheet_id = sheet.id;
        ws.worksheets.push(sheet);
        // The profile changes after it was linked: the column's copy is old.
        let profile = ws.profile_mut(id).unwrap();
        profile.industry = "Logistics".into();
        profile.employees = Some(Span::Exact { value: 80 });
        let export = Export::worksheet(&ws, sheet_id, today).unwrap();
        let values = &export.records.worksheets[0].columns[0].values;
        assert_eq!(values.industry, "Logistics");
        assert_eq!(values.employees, Some(Span::Exact { value: 80 }));
        // The worksheet here is not changed by exporting it.
        assert_eq!(ws.worksheets[0].columns[0].values.industry, "");
    }
}
