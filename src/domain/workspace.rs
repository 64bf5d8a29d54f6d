//! The workspace: the one root document that holds everything a team keeps.
//!
//! It is always saved inside the file-format envelope, which carries its
//! `schema_version` (see [`crate::format`]). Later parts of the product add
//! their records here (profiles, ICP worksheets, scoring models, surveys).
//! Derived values such as scores are never stored.

use super::currency::{self, Basis, Converter, ExchangeRate};
use super::custom_field::CustomField;
use super::icp::Worksheet;
use super::input::InputError;
use super::profiles::Profiles;
use super::scoring::ScoringModel;
use super::share::{Deleted, Versions};
use super::survey::{Survey, SurveyAnswer};
use super::{Date, ModelId, Profile, ProfileId, Timestamp, WorksheetId, WorkspaceId};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::limits::MAX_NAME_CHARS;

/// The name of a workspace whose file gives none (the file format's
/// default, in every language). A new workspace starts with [`new_name`].
pub const DEFAULT_NAME: &str = "My workspace";

/// The name a new workspace starts with, in the interface's language
/// ([`DEFAULT_NAME`] in English).
pub fn new_name() -> String {
    crate::t!(shell_workspace_default_name).to_owned()
}

/// Everything the user keeps, as one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workspace {
    /// Stable id, given when the workspace is created.
    pub id: WorkspaceId,
    /// The team's name for this workspace, shown in the header.
    #[serde(default = "default_name")]
    pub name: String,
    /// When the workspace was created.
    pub created_at: Timestamp,
    /// When a change to it was last saved.
    #[serde(default)]
    pub updated_at: Timestamp,
    /// Counts the saves of this document. Tabs compare it to tell newer data
    /// from older; it is not a measure of time.
    #[serde(default)]
    pub revision: u64,
    /// The team's preferences.
    #[serde(default)]
    pub settings: Settings,
    /// Customer and prospect profiles, in the order they were created.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Profiles,
    /// Ideal Customer Profile worksheets, in the order they were created.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worksheets: Vec<Worksheet>,
    /// Scoring models (Perfect Prospect Models).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<ScoringModel>,
    /// Criteria surveys of the sales reps, made here or received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
    /// Answers to surveys: this rep's own, and those imported from reps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey_answers: Vec<SurveyAnswer>,
    /// The model that scores everything now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_model: Option<ModelId>,
    /// Per record, its version: which edits of which workspace it holds
    /// (see [`super::share::history`]).
    #[serde(
        default,
        skip_serializing_if = "crate::domain::small_map::SmallMap::is_empty"
    )]
    pub versions: Versions,
    /// Records deleted here or in a file taken in, so that the deletion
    /// travels and an older copy never brings them back.
    #[serde(
        default,
        skip_serializing_if = "crate::domain::small_map::SmallMap::is_empty"
    )]
    pub deleted: Deleted,
    /// When this browser last exported the whole workspace, for the backup
    /// reminder. Never exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<ExportMark>,
    /// Fields this version does not know (written by a later minor version or
    /// another tool). Kept and written back so nothing is lost on a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Workspace {
    id: required,
    name: or(default_name),
    created_at: required,
    updated_at,
    revision,
    settings: record,
    profiles: record,
    worksheets: record,
    models: record,
    surveys: record,
    survey_answers: record,
    active_model,
    versions,
    deleted,
    last_export,
    unknown_fields: rest,
});

/// The last full export of the workspace from this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportMark {
    /// When the file was written.
    pub at: Timestamp,
    /// The revision the workspace had once the mark itself was saved: a
    /// higher revision means changes the export does not hold.
    pub revision: u64,
}

/// Preferences that apply to the whole workspace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// A profile not reviewed for this many days is listed as needing attention.
    #[serde(default = "default_review_days")]
    pub review_every_days: u32,
    /// Financial information older than this many months is listed as
    /// needing an update (seed 002: keep the customer's financial condition
    /// current).
    #[serde(
        default = "default_financial_months",
        skip_serializing_if = "is_default_financial_months"
    )]
    pub financial_update_months: u32,
    /// The currency money is compared and added up in; empty until chosen,
    /// and then the one most profiles use counts.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reporting_currency: String,
    /// Rates from the profiles' other currencies to the reporting one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRate>,
    /// Fields the team added to every profile, in the order shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
    /// Fields this version does not know, kept for a round trip.
    #[serde(flatten)]
    pub unknown_fields: Map<String, Value>,
}

crate::json_record!(Settings {
    review_every_days: or(default_review_days),
    financial_update_months: or(default_financial_months),
    reporting_currency,
    exchange_rates: record,
    custom_fields: record,
    unknown_fields: rest,
});

/// Default review period, in days.
pub const DEFAULT_REVIEW_DAYS: u32 = 90;

fn default_review_days() -> u32 {
    DEFAULT_REVIEW_DAYS
}

/// Default age, in months, after which financial information needs an
/// update: a year, the cycle of annual reports.
pub const DEFAULT_FINANCIAL_MONTHS: u32 = 12;

fn default_financial_months() -> u32 {
    DEFAULT_FINANCIAL_MONTHS
}

// Left out when it is the default: files from before it existed, and files
// that keep the default, read and write the same.
fn is_default_financial_months(months: &u32) -> bool {
    *months == DEFAULT_FINANCIAL_MONTHS
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            unknown_fields: Default::default(),
            review_every_days: DEFAULT_REVIEW_DAYS,
            financial_update_months: DEFAULT_FINANCIAL_MONTHS,
            reporting_currency: String::new(),
            exchange_rates: Vec::new(),
            custom_fields: Vec::new(),
        }
    }
}

fn default_name() -> String {
    DEFAULT_NAME.to_owned()
}

impl Settings {
    /// How often things come due, for [`crate::domain::attention::attention`].
    pub fn periods(&self) -> crate::domain::attention::Periods {
        crate::domain::attention::Periods {
            review_every_days: self.review_every_days,
            financial_update_months: self.financial_update_months,
        }
    }

    /// Replaces the rates with `rates`, as typed. A currency that had a
    /// rate keeps the fields a newer Clientele wrote into it.
    pub fn replace_rates(&mut self, mut rates: Vec<ExchangeRate>) {
        for rate in &mut rates {
            if let Some(old) = self
                .exchange_rates
                .iter_mut()
                .find(|old| old.currency == rate.currency)
            {
                rate.unknown_fields = std::mem::take(&mut old.unknown_fields);
            }
        }
        self.exchange_rates = rates;
    }

    /// The reporting currency: the one chosen, else the one most of
    /// `profiles` name.
    pub fn reporting_currency(&self, profiles: &[Profile]) -> String {
        if self.reporting_currency.is_empty() {
            currency::most_used(profiles)
        } else {
            self.reporting_currency.clone()
        }
    }
}

impl Workspace {
    /// The reporting currency (see [`Settings::reporting_currency`]).
    pub fn reporting_currency(&self) -> String {
        self.settings.reporting_currency(&self.profiles)
    }

    /// Profiles' currencies without a rate, with how many profiles use
    /// each: what screens say is not counted.
    pub fn not_counted(&self) -> Vec<(String, usize)> {
        self.converter().missing_rates(&self.profiles)
    }

    /// Converts money to the reporting currency with the rates entered.
    pub fn converter(&self) -> Converter {
        Converter::new(
            self.reporting_currency(),
            self.settings.exchange_rates.clone(),
        )
    }

    /// A new, empty workspace created at `now`.
    pub fn new(now: Timestamp) -> Self {
        Self {
            id: WorkspaceId::new(),
            name: new_name(),
            created_at: now,
            updated_at: now,
            revision: 0,
            settings: Settings::default(),
            profiles: Profiles::default(),
            worksheets: Vec::new(),
            models: Vec::new(),
            active_model: None,
            surveys: Vec::new(),
            survey_answers: Vec::new(),
            versions: Versions::new(),
            deleted: Deleted::new(),
            last_export: None,
            unknown_fields: Map::new(),
        }
    }

    /// Checks a workspace name as typed: trimmed, 1 to [`MAX_NAME_CHARS`]
    /// characters.
    pub fn validate_name(typed: &str) -> Result<String, InputError> {
        super::input::parse_name(typed, MAX_NAME_CHARS)
    }

    /// The profile with `id`.
    pub fn profile(&self, id: ProfileId) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }

    /// The profile of each of `ids`, in that order (`None` for an id not
    /// here). One pass over the profiles, however many ids: a list of
    /// thousands looked up one by one would take a pass each.
    pub fn profiles_of(&self, ids: &[ProfileId]) -> Vec<Option<&Profile>> {
        let at: std::collections::HashMap<uuid::Uuid, usize> = self
            .profiles
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_uuid(), i))
            .collect();
        ids.iter()
            .map(|id| at.get(&id.as_uuid()).map(|i| &self.profiles[*i]))
            .collect()
    }

    /// The profile with `id`, to change.
    pub fn profile_mut(&mut self, id: ProfileId) -> Option<&mut Profile> {
        let at = self.profiles.iter().position(|p| p.id == id)?;
        self.profiles.get_mut(at)
    }

    /// Adds a profile for the company `name` and returns its id.
    pub fn add_profile(&mut self, name: &str, now: Timestamp) -> Result<ProfileId, InputError> {
        let profile = Profile::new(Profile::validate_name(name)?, now);
        let id = profile.id;
        self.profiles.push(profile);
        Ok(id)
    }

    /// Adds a copy of profile `id`, with new ids, right after it.
    pub fn duplicate_profile(&mut self, id: ProfileId, now: Timestamp) -> Option<ProfileId> {
        let at = self.profiles.iter().position(|p| p.id == id)?;
        let copy = self.profiles[at].duplicate(now);
        let copy_id = copy.id;
        self.profiles.insert(at + 1, copy);
        Some(copy_id)
    }

    /// Removes profile `id`; returns it with its position, for undo.
    /// Worksheet columns linked to it keep its values as of `today`.
    pub fn remove_profile(&mut self, id: ProfileId, today: Date) -> Option<(usize, Profile)> {
        let at = self.profiles.iter().position(|p| p.id == id)?;
        let basis = Basis::of(self, today);
        let profile = self.profiles.remove(at);
        for sheet in &mut self.worksheets {
            sheet.remember(&profile, &basis);
        }
        Some((at, profile))
    }

    /// The worksheet with `id`.
    pub fn worksheet(&self, id: WorksheetId) -> Option<&Worksheet> {
        self.worksheets.iter().find(|w| w.id == id)
    }

    /// The worksheet with `id`, to change.
    pub fn worksheet_mut(&mut self, id: WorksheetId) -> Option<&mut Worksheet> {
        self.worksheets.iter_mut().find(|w| w.id == id)
    }

    /// Adds a worksheet named `name` and returns its id.
    pub fn add_worksheet(&mut self, name: &str, now: Timestamp) -> Result<WorksheetId, InputError> {
        let sheet = Worksheet::new(super::input::parse_name(name, MAX_NAME_CHARS)?, now);
        let id = sheet.id;
        self.worksheets.push(sheet);
        Ok(id)
    }

    /// The active scoring model, if any.
    pub fn model(&self) -> Option<&ScoringModel> {
        let id = self.active_model?;
        self.models.iter().find(|m| m.id == id)
    }

    /// The active scoring model, to change.
    pub fn model_mut(&mut self) -> Option<&mut ScoringModel> {
        let id = self.active_model?;
        self.models.iter_mut().find(|m| m.id == id)
    }

    /// `name`, or `name 2`, `name 3`… if a model here is called that, so
    /// that models can be told apart in the "Active model" list.
    pub fn unused_model_name(&self, name: &str) -> String {
        super::naming::unused_name(name, |candidate| {
            self.models.iter().any(|m| m.name == candidate)
        })
    }

    /// Adds `model` and makes it the active one.
    pub fn add_model(&mut self, model: ScoringModel) -> ModelId {
        let id = model.id;
        self.models.push(model);
        self.active_model = Some(id);
        id
    }

    /// Adds a model made for the user to review (from a survey): the model
    /// in use stays active; only when none is active does this one become
    /// so, as there is nothing else to score with. Returns whether it did.
    pub fn add_model_to_review(&mut self, model: ScoringModel) -> bool {
        let activate = self.model().is_none();
        if activate {
            self.active_model = Some(model.id);
        }
        self.models.push(model);
        activate
    }

    /// Removes model `id`; another model becomes active if it was.
    pub fn remove_model(&mut self, id: ModelId) {
        self.models.retain(|m| m.id != id);
        if self.active_model == Some(id) {
            self.active_model = self.models.first().map(|m| m.id);
        }
    }

    /// Puts a removed profile back where it was (undo of a delete).
    pub fn restore_profile(&mut self, at: usize, profile: Profile) {
        if self.profile(profile.id).is_none() {
            self.profiles.insert(at.min(self.profiles.len()), profile);
        }
    }

    /// Makes this workspace equal to `of`, copying its largest parts only
    /// where they differ: profiles by their stamps, versions and deletions
    /// entry by entry. For the copy the version keeper compares each change
    /// with, which a full copy of years of profiles after every keystroke
    /// would make slow.
    pub fn mirror(&mut self, of: &Workspace) {
        // Taken apart so that a field added later cannot be forgotten here.
        let Workspace {
            id,
            name,
            created_at,
            updated_at,
            revision,
            settings,
            profiles,
            worksheets,
            models,
            surveys,
            survey_answers,
            active_model,
            versions,
            deleted,
            last_export,
            unknown_fields,
        } = of;
        self.id = *id;
        self.name.clone_from(name);
        self.created_at = *created_at;
        self.updated_at = *updated_at;
        self.revision = *revision;
        self.settings.clone_from(settings);
        self.profiles.mirror(profiles);
        self.worksheets.clone_from(worksheets);
        self.models.clone_from(models);
        self.surveys.clone_from(surveys);
        self.survey_answers.clone_from(survey_answers);
        self.active_model = *active_model;
        self.versions.mirror(versions);
        self.deleted.mirror(deleted);
        self.last_export.clone_from(last_export);
        self.unknown_fields.clone_from(unknown_fields);
    }

    /// Stamps the document as saved at `now`, one revision after `base`, the
    /// revision this tab last read or wrote.
    pub fn stamp_saved(&mut self, base: u64, now: Timestamp) {
        self.revision = base + 1;
        self.updated_at = now;
    }

    /// Notes that the whole workspace was exported at `now`. The save that
    /// stores this mark makes the revision one more than it is now.
    pub fn mark_exported(&mut self, now: Timestamp) {
        self.last_export = Some(ExportMark {
            at: now,
            revision: self.revision + 1,
        });
    }

    /// Called for a change made after [`Workspace::mark_exported`] while
    /// the mark still waits for its save (`base` is the revision this tab
    /// last saved): the change is not in the exported file but would be
    /// stored by the same save, so the mark falls back to `base` and that
    /// save leaves a change to back up.
    pub fn changed_after_mark(&mut self, base: u64) {
        if let Some(mark) = &mut self.last_export
            && mark.revision > base
        {
            mark.revision = base;
        }
    }

    /// Whether there are changes that no full export from this browser
    /// holds: the browser may clear its data, and the file is the backup.
    pub fn needs_backup(&self) -> bool {
        let has_records = !(self.profiles.is_empty() && self.worksheets.is_empty());
        match &self.last_export {
            Some(mark) => self.revision > mark.revision,
            None => has_records,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        "2026-11-22T06:43:03Z".parse().unwrap()
    }

    #[test]
    fn a_mirror_ends_equal_to_the_workspace_it_follows() {
        let mut ws = Workspace::new(now());
        let acme = ws.add_profile("Acme", now()).unwrap();
        ws.add_profile("Borealis", now()).unwrap();
        let mut copy = ws.clone();
        ws.name = "Sales".into();
        ws.profile_mut(acme).unwrap().industry = "Retail".into();
        ws.versions
            .insert(acme.as_uuid(), crate::domain::share::Version::default());
        ws.add_worksheet("Top customers", now()).unwrap();
        copy.mirror(&ws);
        assert_eq!(copy, ws);
        ws.remove_profile(acme, Date::new(2026, 12, 7).unwrap());
        copy.mirror(&ws);
        assert_eq!(copy, ws);
    }

    #[test]
    fn profiles_are_found_by_id_in_the_order_asked() {
        let mut w = Workspace::new(now());
        let a = w.add_profile("Acme", now()).unwrap();
        let b = w.add_profile("Beta", now()).unwrap();
        let names: Vec<Option<&str>> = w
            .profiles_of(&[b, ProfileId::new(), a])
            .into_iter()
            .map(|p| p.map(|p| p.name.as_str()))
            .collect();
        assert_eq!(names, [Some("Beta"), None, Some("Acme")]);
    }

    #[test]
    fn a_new_model_gets_a_name_no_other_model_has() {
        let mut ws = Workspace::new(now());
        let model = || crate::domain::scoring::default_model(now());
        let base = model().name;
        assert_eq!(ws.unused_model_name(&base), base);
        ws.add_model(model());
        assert_eq!(ws.unused_model_name(&base), format!("{base} 2"));
        let mut second = model();
        second.name = ws.unused_model_name(&base);
        ws.add_model(second);
        assert_eq!(ws.unused_model_name(&base), format!("{base} 3"));
    }

    #[test]
    fn a_new_workspace_has_an_id_a_default_name_and_its_creation_time() {
        let ws = Workspace::new(now());
        assert_eq!(ws.name, DEFAULT_NAME);
        crate::i18n::set_language(crate::i18n::Language::Polish);
        let polish = Workspace::new(now());
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(polish.name, "Mój obszar roboczy");
        assert_eq!(ws.created_at, now());
        assert_eq!(ws.revision, 0);
        assert_ne!(ws.id, Workspace::new(now()).id);
    }

    #[test]
    fn rates_typed_again_keep_what_a_newer_build_wrote_into_them() {
        let rate = |currency: &str, rate: i64| ExchangeRate {
            currency: currency.into(),
            rate: rate.into(),
            date: Date::new(2026, 12, 1).unwrap(),
            unknown_fields: Map::new(),
        };
        let mut settings = Settings::default();
        let mut eur = rate("EUR", 4);
        eur.unknown_fields.insert("source".into(), "NBP".into());
        settings.replace_rates(vec![eur, rate("USD", 4)]);
        settings.replace_rates(vec![rate("EUR", 5)]);
        assert_eq!(settings.exchange_rates.len(), 1);
        assert_eq!(settings.exchange_rates[0].rate, 5.into());
        assert_eq!(settings.exchange_rates[0].unknown_fields["source"], "NBP");
    }

    #[test]
    fn the_reporting_currency_is_the_chosen_one_or_the_most_used() {
        let mut ws = Workspace::new(now());
        for (name, currency) in [("A", "EUR"), ("B", "PLN"), ("C", "PLN")] {
            let id = ws.add_profile(name, now()).unwrap();
            ws.profile_mut(id).unwrap().currency = currency.into();
        }
        assert_eq!(ws.reporting_currency(), "PLN");
        ws.settings.reporting_currency = "EUR".into();
        assert_eq!(ws.reporting_currency(), "EUR");
    }

    #[test]
    fn workspace_names_are_checked_up_to_120_characters() {
        assert_eq!(
            Workspace::validate_name("  Acme sales  ").unwrap(),
            "Acme sales"
        );
        assert_eq!(
            Workspace::validate_name(&"x".repeat(120)).map(|n| n.len()),
            Ok(120)
        );
        assert_eq!(
            Workspace::validate_name(&"x".repeat(121)),
            Err(InputError::TooLong {
                max: 120,
                chars: 121
            })
        );
    }

    #[test]
    fn a_json_round_trip_is_identity_and_keeps_unknown_fields() {
        let json = r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","name":"Acme","created_at":"2026-01-02T03:04:05.000Z","updated_at":"2026-11-22T06:43:03.000Z","revision":7,"future_field":{"kept":[1,2]}}"#;
        let ws: Workspace = serde_json::from_str(json).unwrap();
        assert_eq!(ws.unknown_fields["future_field"]["kept"][1], 2);
        let again: Workspace = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
        assert_eq!(again, ws);
    }

    #[test]
    fn missing_optional_fields_get_defaults() {
        let ws: Workspace = serde_json::from_str(
            r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","created_at":"2026-01-02T03:04:05Z"}"#,
        )
        .unwrap();
        assert_eq!(ws.name, DEFAULT_NAME);
        assert_eq!(ws.revision, 0);
    }

    #[test]
    fn the_id_and_creation_time_are_required() {
        assert!(
            serde_json::from_str::<Workspace>(r#"{"created_at":"2026-01-02T03:04:05Z"}"#).is_err()
        );
        assert!(
            serde_json::from_str::<Workspace>(r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f"}"#)
                .is_err()
        );
    }

    #[test]
    fn profiles_are_added_duplicated_removed_and_restored_in_place() {
        let mut ws = Workspace::new(now());
        let a = ws.add_profile(" Acme ", now()).unwrap();
        let b = ws.add_profile("Beta", now()).unwrap();
        assert_eq!(ws.add_profile("  ", now()), Err(InputError::Required));
        assert_eq!(ws.profile(a).unwrap().name, "Acme");
        let copy = ws.duplicate_profile(a, now()).unwrap();
        let order: Vec<_> = ws.profiles.iter().map(|p| p.id).collect();
        assert_eq!(order, vec![a, copy, b]);
        let (at, removed) = ws
            .remove_profile(copy, "2026-11-22".parse().unwrap())
            .unwrap();
        assert_eq!((at, ws.profiles.len()), (1, 2));
        ws.restore_profile(at, removed.clone());
        ws.restore_profile(at, removed);
        let order: Vec<_> = ws.profiles.iter().map(|p| p.id).collect();
        assert_eq!(order, vec![a, copy, b], "restored once, where it was");
    }

    #[test]
    fn the_active_model_follows_adds_and_removals() {
        let mut ws = Workspace::new(now());
        assert!(ws.model().is_none());
        let first = ws.add_model(crate::domain::scoring::default_model(now()));
        let second = ws.add_model(crate::domain::scoring::default_model(now()));
        assert_eq!(ws.model().map(|m| m.id), Some(second));
        ws.remove_model(second);
        assert_eq!(ws.active_model, Some(first));
        ws.remove_model(first);
        assert_eq!(ws.active_model, None);
    }

    #[test]
    fn the_review_period_defaults_to_90_days() {
        let ws: Workspace = serde_json::from_str(
            r#"{"id":"6f1c1d1e-7d2a-4c43-9a51-0a0b0c0d0e0f","created_at":"2026-01-02T03:04:05Z"}"#,
        )
        .unwrap();
        assert_eq!(ws.settings.review_every_days, 90);
        assert!(ws.profiles.is_empty());
    }

    #[test]
    fn saving_stamps_the_next_revision_and_the_time() {
        let mut ws = Workspace::new(now());
        ws.stamp_saved(4, now());
        assert_eq!((ws.revision, ws.updated_at), (5, now()));
    }

    #[test]
    fn the_backup_reminder_shows_until_a_full_export_holds_every_change() {
        let mut ws = Workspace::new(now());
        assert!(!ws.needs_backup(), "nothing to lose yet");
        ws.add_profile("Acme", now()).unwrap();
        ws.stamp_saved(0, now());
        assert!(ws.needs_backup());
        ws.mark_exported(now());
        // The save that stores the mark.
        ws.stamp_saved(ws.revision, now());
        assert!(!ws.needs_backup());
        ws.stamp_saved(ws.revision, now());
        assert!(ws.needs_backup());
    }

    #[test]
    fn a_change_saved_together_with_the_backup_mark_still_needs_a_backup() {
        let mut ws = Workspace::new(now());
        ws.add_profile("Acme", now()).unwrap();
        ws.stamp_saved(0, now());
        let base = ws.revision;
        ws.mark_exported(now());
        // Typed before the mark was saved: not in the file.
        ws.add_profile("Globex", now()).unwrap();
        ws.changed_after_mark(base);
        ws.stamp_saved(base, now());
        assert!(ws.needs_backup());

        // Once the mark is saved, a later change leaves it alone.
        ws.mark_exported(now());
        ws.stamp_saved(ws.revision, now());
        let saved = ws.last_export.clone();
        ws.changed_after_mark(ws.revision);
        assert_eq!(ws.last_export, saved);
    }

    #[test]
    fn a_model_to_review_leaves_the_model_in_use_active() {
        use crate::domain::scoring::default_model;
        let mut ws = Workspace::new(Timestamp::from_millis(0));
        let first = default_model(Timestamp::from_millis(0));
        let first_id = first.id;
        assert!(
            ws.add_model_to_review(first),
            "with none active, it is used"
        );
        assert_eq!(ws.active_model, Some(first_id));
        assert!(!ws.add_model_to_review(default_model(Timestamp::from_millis(0))));
        assert_eq!((ws.active_model, ws.models.len()), (Some(first_id), 2));
    }
}
