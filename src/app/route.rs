//! Hash-based routes (`#/`, `#/profiles/<id>`): they work on any static
//! host, under any sub-path, and a deep link survives a reload without
//! server rewrites.

use super::state::AppStore;
use crate::domain::{ProfileId, SurveyId, WorksheetId};
use crate::t;
use leptos::prelude::*;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// What needs attention.
    Home,
    /// The list of profiles.
    Profiles,
    /// One profile, as a one-page report.
    Profile(ProfileId),
    /// One profile's editor.
    EditProfile(ProfileId),
    /// One profile as a case study for readers outside the company.
    CaseStudy(ProfileId),
    /// The Ideal Customer Profile worksheets.
    Worksheets,
    /// One ICP worksheet.
    Worksheet(WorksheetId),
    /// The ranked list of scores.
    Scoring,
    /// The scoring model's editor.
    ScoringModel,
    /// The grid for rating many profiles fast.
    RatingGrid,
    /// One profile's score, explained.
    ScoreExplanation(ProfileId),
    /// The criteria surveys of the sales reps.
    Surveys,
    /// One survey: answering it, or its answers and results.
    Survey(SurveyId),
    /// The marketing and training brief: who we sell to.
    Brief,
    /// The portfolio report for management.
    Portfolio,
    /// Where data lives: storage, backups, set-aside data.
    Data,
    /// The preview of files being imported.
    Import,
    /// The column mapping of a CSV file being imported.
    CsvImport,
    /// A link to a screen that does not exist.
    NotFound(String),
}

impl Route {
    /// Every screen in the navigation, in order.
    pub const NAVIGATION: [Route; 6] = [
        Route::Home,
        Route::Profiles,
        Route::Worksheets,
        Route::Scoring,
        Route::Surveys,
        Route::Data,
    ];

    /// The route for a `location.hash` such as `#/profiles`.
    pub fn from_hash(hash: &str) -> Self {
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let uuid = |id: &str| id.parse::<uuid::Uuid>().ok();
        let profile = |id: &str| uuid(id).map(ProfileId::from_uuid);
        match parts.as_slice() {
            [""] => Self::Home,
            ["profiles"] => Self::Profiles,
            ["profiles", id] if profile(id).is_some() => Self::Profile(profile(id).unwrap()),
            ["profiles", id, "edit"] if profile(id).is_some() => {
                Self::EditProfile(profile(id).unwrap())
            }
            ["profiles", id, "case-study"] if profile(id).is_some() => {
                Self::CaseStudy(profile(id).unwrap())
            }
            ["icp"] => Self::Worksheets,
            ["icp", id] if uuid(id).is_some() => {
                Self::Worksheet(WorksheetId::from_uuid(uuid(id).unwrap()))
            }
            ["scoring"] => Self::Scoring,
            ["scoring", "model"] => Self::ScoringModel,
            ["scoring", "rate"] => Self::RatingGrid,
            ["scoring", id] if profile(id).is_some() => {
                Self::ScoreExplanation(profile(id).unwrap())
            }
            ["surveys"] => Self::Surveys,
            ["surveys", id] if uuid(id).is_some() => {
                Self::Survey(SurveyId::from_uuid(uuid(id).unwrap()))
            }
            ["brief"] => Self::Brief,
            ["portfolio"] => Self::Portfolio,
            ["data"] => Self::Data,
            ["data", "import"] => Self::Import,
            ["data", "csv"] => Self::CsvImport,
            _ => Self::NotFound(path.to_owned()),
        }
    }

    /// The link to this route.
    pub fn href(&self) -> String {
        match self {
            Self::Home => "#/".to_owned(),
            Self::Profiles => "#/profiles".to_owned(),
            Self::Profile(id) => format!("#/profiles/{id}"),
            Self::EditProfile(id) => format!("#/profiles/{id}/edit"),
            Self::CaseStudy(id) => format!("#/profiles/{id}/case-study"),
            Self::Worksheets => "#/icp".to_owned(),
            Self::Worksheet(id) => format!("#/icp/{id}"),
            Self::Scoring => "#/scoring".to_owned(),
            Self::ScoringModel => "#/scoring/model".to_owned(),
            Self::RatingGrid => "#/scoring/rate".to_owned(),
            Self::ScoreExplanation(id) => format!("#/scoring/{id}"),
            Self::Surveys => "#/surveys".to_owned(),
            Self::Survey(id) => format!("#/surveys/{id}"),
            Self::Brief => "#/brief".to_owned(),
            Self::Portfolio => "#/portfolio".to_owned(),
            Self::Data => "#/data".to_owned(),
            Self::Import => "#/data/import".to_owned(),
            Self::CsvImport => "#/data/csv".to_owned(),
            Self::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The screen's name, for navigation, headings and the window title,
    /// in the interface's language.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Home => t!(shell_route_home),
            Self::Profiles | Self::Profile(_) => t!(shell_route_profiles),
            Self::EditProfile(_) => t!(shell_route_edit_profile),
            Self::CaseStudy(_) => t!(shell_route_case_study),
            Self::Worksheets | Self::Worksheet(_) => t!(shell_route_worksheets),
            Self::Scoring | Self::ScoringModel | Self::RatingGrid | Self::ScoreExplanation(_) => {
                t!(shell_route_scoring)
            }
            Self::Surveys | Self::Survey(_) => t!(shell_route_surveys),
            Self::Brief => t!(shell_route_brief),
            Self::Portfolio => t!(shell_route_portfolio),
            Self::Data => t!(shell_route_data),
            Self::Import => t!(shell_route_import),
            Self::CsvImport => t!(shell_route_csv_import),
            Self::NotFound(_) => t!(shell_route_not_found),
        }
    }

    /// Whether the navigation entry `self` covers the screen `current`.
    pub fn covers(&self, current: &Route) -> bool {
        match (self, current) {
            (Self::Profiles, Self::Profile(_) | Self::EditProfile(_) | Self::CaseStudy(_)) => true,
            (Self::Worksheets, Self::Worksheet(_)) => true,
            (Self::Data, Self::Import | Self::CsvImport) => true,
            (Self::Surveys, Self::Survey(_)) => true,
            (Self::Scoring, Self::ScoringModel | Self::RatingGrid | Self::ScoreExplanation(_)) => {
                true
            }
            _ => self == current,
        }
    }
}

/// The route in the address bar now.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// Shows `route`, adding it to the browser history.
pub fn go_to(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// Follows the address bar: back, forward, links and typed URLs.
pub fn follow_address_bar(store: AppStore) {
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        store.route.set(current_route());
    });
    on_cleanup(move || listener.remove());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_map_to_routes_and_back() {
        for hash in ["", "#", "#/"] {
            assert_eq!(Route::from_hash(hash), Route::Home);
        }
        assert_eq!(Route::from_hash("#/data"), Route::Data);
        assert_eq!(Route::from_hash("#/data/"), Route::Data);
        let id = ProfileId::new();
        for route in [
            Route::Home,
            Route::Profiles,
            Route::Data,
            Route::Import,
            Route::CsvImport,
            Route::Surveys,
            Route::Survey(SurveyId::new()),
            Route::Brief,
            Route::Portfolio,
            Route::Profile(id),
            Route::EditProfile(id),
            Route::CaseStudy(id),
        ] {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn unknown_hashes_are_not_found_and_keep_their_path() {
        assert_eq!(
            Route::from_hash("#/profiles/42"),
            Route::NotFound("profiles/42".into())
        );
        assert_eq!(
            Route::from_hash("#/nowhere"),
            Route::NotFound("nowhere".into())
        );
        assert_eq!(Route::NotFound("x".into()).href(), "#/x");
    }

    #[test]
    fn the_profiles_entry_covers_one_profile_and_its_editor() {
        let id = ProfileId::new();
        assert!(Route::Profiles.covers(&Route::EditProfile(id)));
        assert!(!Route::Home.covers(&Route::Profile(id)));
    }
}
