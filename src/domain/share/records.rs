//! The records a file can carry, and what every shared record offers.

use super::history::{Deleted, Versions};
use crate::domain::custom_field::CustomField;
use crate::domain::icp::Worksheet;
use crate::domain::scoring::ScoringModel;
use crate::domain::small_map::SmallMap;
use crate::domain::survey::{Survey, SurveyAnswer};
use crate::domain::{Profile, Workspace};
use crate::t;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The kinds of record that travel in files and merge by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RecordKind {
    /// A customer or prospect profile.
    Profile,
    /// An Ideal Customer Profile worksheet.
    Worksheet,
    /// A scoring model.
    Model,
    /// A criteria survey.
    Survey,
    /// A rep's answer to a survey.
    SurveyAnswer,
}

impl RecordKind {
    /// The name of one such record, in words of the page's language.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Profile => t!(data_record_kind_profile),
            RecordKind::Worksheet => t!(data_record_kind_worksheet),
            RecordKind::Model => t!(data_record_kind_model),
            RecordKind::Survey => t!(data_record_kind_survey),
            RecordKind::SurveyAnswer => t!(data_record_kind_survey_answer),
        }
    }

    /// Its name in files (a deleted record's `kind`).
    pub fn name(self) -> &'static str {
        match self {
            RecordKind::Profile => "profile",
            RecordKind::Worksheet => "worksheet",
            RecordKind::Model => "model",
            RecordKind::Survey => "survey",
            RecordKind::SurveyAnswer => "survey_answer",
        }
    }

    /// The JSON field that holds these records in a file's `data`.
    pub fn field(self) -> &'static str {
        match self {
            RecordKind::Profile => "profiles",
            RecordKind::Worksheet => "worksheets",
            RecordKind::Model => "models",
            RecordKind::Survey => "surveys",
            RecordKind::SurveyAnswer => "survey_answers",
        }
    }

    /// Every kind, in the order a preview lists them.
    pub const ALL: [RecordKind; 5] = [
        RecordKind::Profile,
        RecordKind::Worksheet,
        RecordKind::Model,
        RecordKind::Survey,
        RecordKind::SurveyAnswer,
    ];
}

/// A record that can be exported, imported and merged by its stable id.
pub trait Shared: Clone + Serialize + DeserializeOwned + crate::domain::json::FromJson {
    /// What kind of record this is.
    const KIND: RecordKind;
    /// Its stable id.
    fn uuid(&self) -> Uuid;
    /// The name people know it by.
    fn title(&self) -> &str;
    /// These records in a workspace.
    fn in_workspace(workspace: &Workspace) -> &Vec<Self>;
    /// Changes these records in a workspace with `edit`.
    fn edit_in_workspace<R>(workspace: &mut Workspace, edit: impl FnOnce(&mut Vec<Self>) -> R)
    -> R;
    /// These records in a file.
    fn in_records(records: &Records) -> &Vec<Self>;
    /// Whether this record is known to hold what `before` held, without
    /// comparing them (`false`: not known, compare).
    fn known_unchanged(&self, _before: &Self) -> bool {
        false
    }
    /// The record as JSON, as files carry it: what the merge and the
    /// version keeper compare, field by field.
    fn to_json(&self) -> serde_json::Value {
        crate::domain::json::to_value(self)
    }
}

/// A list of records of a workspace, changed as a `Vec`: the profiles
/// mark what changed (see [`crate::domain::profiles`]), the other lists are
/// plain `Vec`s.
trait EditAll<T> {
    fn edit_all<R>(&mut self, edit: impl FnOnce(&mut Vec<T>) -> R) -> R;
}

impl<T> EditAll<T> for Vec<T> {
    fn edit_all<R>(&mut self, edit: impl FnOnce(&mut Vec<T>) -> R) -> R {
        edit(self)
    }
}

impl EditAll<Profile> for crate::domain::profiles::Profiles {
    fn edit_all<R>(&mut self, edit: impl FnOnce(&mut Vec<Profile>) -> R) -> R {
        crate::domain::profiles::Profiles::edit_all(self, edit)
    }
}

/// Implements [`Shared`] for a record type kept in `field` of both
/// [`Workspace`] and [`Records`].
macro_rules! shared {
    ($type:ty, $kind:expr, $field:ident, $title:ident $(, $known_unchanged:item)?) => {
        impl Shared for $type {
            $($known_unchanged)?
            const KIND: RecordKind = $kind;
            fn uuid(&self) -> Uuid {
                self.id.as_uuid()
            }
            fn title(&self) -> &str {
                &self.$title
            }
            fn in_workspace(workspace: &Workspace) -> &Vec<Self> {
                &workspace.$field
            }
            fn edit_in_workspace<R>(
                workspace: &mut Workspace,
                edit: impl FnOnce(&mut Vec<Self>) -> R,
            ) -> R {
                EditAll::edit_all(&mut workspace.$field, edit)
            }
            fn in_records(records: &Records) -> &Vec<Self> {
                &records.$field
            }
        }
    };
}

shared!(
    Profile,
    RecordKind::Profile,
    profiles,
    name,
    // The same stamp is the same content (see `domain::profiles`): the
    // version keeper compares 10,000 profiles after every keystroke.
    fn known_unchanged(&self, before: &Self) -> bool {
        self.stamp.get() == before.stamp.get()
    }
);
shared!(Worksheet, RecordKind::Worksheet, worksheets, name);
shared!(ScoringModel, RecordKind::Model, models, name);
shared!(Survey, RecordKind::Survey, surveys, title);
shared!(
    SurveyAnswer,
    RecordKind::SurveyAnswer,
    survey_answers,
    respondent
);

/// The records in a file that is not a whole workspace (one profile, a
/// selection, a model, a worksheet), and the records taken from a
/// workspace file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Records {
    /// Profiles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profiles: Vec<Profile>,
    /// ICP worksheets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub worksheets: Vec<Worksheet>,
    /// Scoring models.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<ScoringModel>,
    /// Criteria surveys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub surveys: Vec<Survey>,
    /// Answers to surveys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub survey_answers: Vec<SurveyAnswer>,
    /// The versions of these records in the sender's workspace.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub versions: Versions,
    /// Records the sender deleted, so that the deletions travel too.
    #[serde(default, skip_serializing_if = "SmallMap::is_empty")]
    pub deleted: Deleted,
    /// The sender's fields of their own that these records use (profiles'
    /// values, criteria that read them), so that a receiver without them
    /// gets them too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom_fields: Vec<CustomField>,
}

impl Records {
    /// How many records there are.
    pub fn len(&self) -> usize {
        self.profiles.len()
            + self.worksheets.len()
            + self.models.len()
            + self.surveys.len()
            + self.survey_answers.len()
    }

    /// Whether a profile here has a value in the custom field `id`, or a
    /// model here scores it.
    pub fn uses_custom_field(&self, id: crate::domain::CustomFieldId) -> bool {
        self.profiles.iter().any(|p| p.custom.get(&id).is_some())
            || self
                .models
                .iter()
                .flat_map(|m| &m.criteria)
                .any(|c| c.custom_field() == Some(id))
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every record of a workspace, with its versions and deletions.
    pub fn of_workspace(workspace: &Workspace) -> Self {
        Self {
            profiles: workspace.profiles.to_vec(),
            worksheets: workspace.worksheets.clone(),
            models: workspace.models.clone(),
            surveys: workspace.surveys.clone(),
            survey_answers: workspace.survey_answers.clone(),
            versions: workspace.versions.clone(),
            deleted: workspace.deleted.clone(),
            // A workspace file carries them in its settings.
            custom_fields: Vec::new(),
        }
        .with_own_versions()
    }

    /// Keeps only the versions of records present, so a file never leaks
    /// the ids of records it does not carry.
    pub fn with_own_versions(mut self) -> Self {
        let ids: std::collections::HashSet<Uuid> = self
            .profiles
            .iter()
            .map(Shared::uuid)
            .chain(self.worksheets.iter().map(Shared::uuid))
            .chain(self.models.iter().map(Shared::uuid))
            .chain(self.surveys.iter().map(Shared::uuid))
            .chain(self.survey_answers.iter().map(Shared::uuid))
            .collect();
        self.versions.retain(|id| ids.contains(id));
        self
    }
}
