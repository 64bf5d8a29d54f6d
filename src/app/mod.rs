//! The Leptos user interface: thin components over the domain, the format
//! module and storage.

pub mod backup_reminder;
pub mod banners;
pub mod brief_page;
pub mod case_study_page;
pub mod conflict_dialog;
pub mod csv_export;
pub mod currency_settings;
pub mod custom_fields_settings;
pub mod data_page;
pub mod derived;
pub mod download;
pub mod export_control;
pub mod fields;
pub mod focus;
pub mod header;
pub mod held;
pub mod home;
pub mod ideal_profile;
pub mod import;
pub mod keyed_list;
pub mod language;
pub mod model_editor;
pub mod not_counted;
pub mod not_found;
pub mod offline;
pub mod persistence;
pub mod portfolio_page;
pub mod print_button;
pub mod profile_actions;
pub mod profile_editor;
pub mod profile_view;
pub mod profile_watch;
pub mod profiles_page;
pub mod rating_grid;
pub mod rating_input;
pub mod route;
pub mod score_explanation;
pub mod score_histogram;
pub mod scoring_page;
pub mod show_more;
pub mod state;
pub mod status_line;
pub mod survey_answer_form;
pub mod survey_criteria;
pub mod survey_page;
pub mod survey_results;
pub mod surveys_page;
pub mod text;
pub mod time_text;
pub mod versions;
pub mod when;
pub mod worksheet_page;
pub mod worksheets_page;

use crate::t;
use banners::Banners;
use case_study_page::CaseStudyPage;
use data_page::DataPage;
use header::Header;
use home::Home;
use import::csv_page::CsvImportPage;
use import::drop_zone::DropZone;
use import::preview_page::ImportPreview;
use leptos::prelude::*;
use model_editor::ModelEditor;
use not_found::NotFound;
use persistence::Persistence;
use profile_editor::ProfileEditor;
use profile_view::ProfileView;
use profiles_page::ProfilesPage;
use rating_grid::RatingGrid;
use route::{Route, current_route, follow_address_bar};
use score_explanation::ScoreExplanation;
use scoring_page::ScoringPage;
use state::{AppStore, provide_app_store, use_app_store};
use status_line::StatusLine;
use survey_page::SurveyPage;
use surveys_page::SurveysPage;
use worksheet_page::WorksheetPage;
use worksheets_page::WorksheetsPage;

/// The storage keeper of the app, for components that read or delete
/// stored data directly (downloads of unreadable data).
pub fn use_persistence() -> Persistence {
    expect_context::<Persistence>()
}

/// The whole app: opens the workspace from storage, provides the store, and
/// lays out the page.
#[component]
pub fn App() -> impl IntoView {
    let language = language::opening_language();
    crate::i18n::set_language(language);
    language::show_language(language);
    let opened = persistence::open_workspace();
    let store = AppStore::new(opened.workspace.clone(), opened.mode, current_route());
    provide_app_store(store);
    versions::keep_versions(store);
    provide_context(Persistence::start(store, opened));
    follow_address_bar(store);

    Effect::new(move |_| {
        store.language.track();
        let route = store.route.get();
        let title = store.workspace.with(|w| {
            // The record shown comes first, so tabs and history entries of
            // two profiles can be told apart.
            let subject = match &route {
                Route::Profile(id)
                | Route::EditProfile(id)
                | Route::CaseStudy(id)
                | Route::ScoreExplanation(id) => w.profile(*id).map(|p| p.name.clone()),
                Route::Worksheet(id) => w.worksheet(*id).map(|s| s.name.clone()),
                Route::Survey(id) => w.survey(*id).map(|s| s.title.clone()),
                _ => None,
            };
            let parts = [
                subject,
                Some(route.title().to_owned()),
                Some(w.name.clone()),
            ];
            let mut title: Vec<String> = parts.into_iter().flatten().collect();
            title.push("Clientele".to_owned());
            title.join(" · ")
        });
        document().set_title(&title);
    });
    focus::keep_focus_when_a_button_goes();
    // After a change of screen, move focus to its heading so that keyboard
    // and screen-reader users start at the new content.
    Effect::new(move |previous: Option<()>| {
        store.route.track();
        if previous.is_some() {
            // Wait for the new screen to be drawn.
            request_animation_frame(focus::focus_main_heading);
        }
    });

    view! {
        // First on the page for keyboard users; it stays across a change
        // of language, like the header.
        <a class="skip-link" href="#main" on:click=move |ev| {
            // A plain "#main" link would change the route.
            ev.prevent_default();
            focus::focus_main_heading();
        }>{move || store.in_language(|| t!(shell_skip_to_main))}</a>
        <Header/>
        // Everything but the header is drawn again in a newly chosen
        // language: texts are read where views are built, not reactively.
        {move || {
            store.language.track();
            view! { <Page/> }
        }}
    }
}

/// The page below the header: navigation, banners, the screen of the
/// route, the status line.
#[component]
fn Page() -> impl IntoView {
    let store = use_app_store();
    view! {
        <Navigation/>
        <Banners/>
        <main id="main" tabindex="-1">
            {move || match store.route.get() {
                Route::Home => view! { <Home/> }.into_any(),
                Route::Profiles => view! { <ProfilesPage/> }.into_any(),
                Route::Profile(id) => view! { <ProfileView id/> }.into_any(),
                Route::EditProfile(id) => view! { <ProfileEditor id/> }.into_any(),
                Route::CaseStudy(id) => view! { <CaseStudyPage id/> }.into_any(),
                Route::Worksheets => view! { <WorksheetsPage/> }.into_any(),
                Route::Worksheet(id) => view! { <WorksheetPage id/> }.into_any(),
                Route::Scoring => view! { <ScoringPage/> }.into_any(),
                Route::ScoringModel => view! { <ModelEditor/> }.into_any(),
                Route::RatingGrid => view! { <RatingGrid/> }.into_any(),
                Route::ScoreExplanation(id) => view! { <ScoreExplanation id/> }.into_any(),
                Route::Surveys => view! { <SurveysPage/> }.into_any(),
                Route::Survey(id) => view! { <SurveyPage id/> }.into_any(),
                Route::Brief => view! { <brief_page::BriefPage/> }.into_any(),
                Route::Portfolio => view! { <portfolio_page::PortfolioPage/> }.into_any(),
                Route::Data => view! { <DataPage/> }.into_any(),
                Route::Import => view! { <ImportPreview/> }.into_any(),
                Route::CsvImport => view! { <CsvImportPage/> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path/> }.into_any(),
            }}
        </main>
        <StatusLine/>
        <DropZone/>
    }
}

/// The main navigation between the product's sections.
#[component]
fn Navigation() -> impl IntoView {
    let store = use_app_store();
    view! {
        <nav class="app-nav" aria-label=t!(shell_nav_label)>
            <ul>
                {Route::NAVIGATION
                    .into_iter()
                    .map(|route| {
                        let current = {
                            let route = route.clone();
                            move || store.route.with(|r| route.covers(r)).then_some("page")
                        };
                        view! {
                            <li>
                                <a href=route.href() aria-current=current>{route.title()}</a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
