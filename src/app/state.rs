//! The one state store of the app, provided once at the root and reached
//! through [`use_app_store`].
//!
//! [`AppStore::workspace`] is what the user keeps: the save effect tracks only
//! it. Every other field is runtime state of this tab and is never saved.

use super::route::Route;
use crate::app::held::Held;
use crate::domain::{Timestamp, Workspace};
use crate::messages::Notice;
use crate::storage::{Persistence, Usage};
use leptos::prelude::*;

/// Where this tab keeps the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageMode {
    /// In this browser's localStorage: the normal case.
    Browser,
    /// In memory only, because the browser gives no storage.
    InMemory,
    /// Shown but not editable, to protect stored data this tab must not
    /// overwrite.
    ReadOnly,
}

/// How the latest changes stand with respect to storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing changed since the workspace was opened.
    Unchanged,
    /// Changes wait for the next save, a moment after typing stops.
    Pending,
    /// Everything is saved; the time of the last save.
    Saved(Timestamp),
    /// The last save failed; the changes are only in memory.
    Failed,
    /// Another tab saved too; the user must choose which version to keep.
    Conflict,
}

/// What is known about browser storage, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StorageInfo {
    /// Characters in use, once measured.
    pub usage: Option<Usage>,
    /// Whether persistent storage was granted, once the browser answered.
    pub persistence: Option<Persistence>,
}

/// The app's state: the persisted workspace and this tab's runtime state.
#[derive(Debug, Clone, Copy)]
pub struct AppStore {
    /// What the user keeps. Saved after every change.
    pub workspace: Held<Workspace>,
    /// Where the workspace is kept.
    pub mode: Held<StorageMode>,
    /// How the latest changes stand.
    pub save_state: Held<SaveState>,
    /// Problems to show in the banner area, oldest first.
    pub notices: Held<Vec<Notice>>,
    /// Another tab's newer version, while the user decides what to keep.
    pub conflict: Held<Option<Workspace>>,
    /// Usage and persistence of browser storage.
    pub storage_info: Held<StorageInfo>,
    /// The screen shown.
    pub route: Held<Route>,
    /// The last deleted profile, while its delete can be undone.
    pub deleted: Held<Option<super::profile_actions::Deleted>>,
    /// Files read for import, waiting in the preview.
    pub pending_import: Held<Option<super::import::PendingImport>>,
    /// The workspace before the last import, while it can be undone.
    pub import_undo: Held<Option<super::import::ImportUndo>>,
    /// A CSV file waiting for its column mapping.
    pub csv_file: Held<Option<super::import::CsvFile>>,
    /// Counts the times the workspace was replaced from outside this tab's
    /// forms (another tab's save taken in, an import undone). Editors track
    /// it and draw their fields again, so none keeps showing older text.
    pub replaced: Held<u64>,
    /// The language the interface is shown in (this browser's choice, kept
    /// apart from the workspace).
    pub language: Held<crate::i18n::Language>,
    /// The survey whose language a rep's page last opened in, so that
    /// switching language on that page afterwards is not undone.
    pub survey_language_followed: Held<Option<crate::domain::SurveyId>>,
}

impl AppStore {
    /// A store around an opened workspace.
    pub fn new(workspace: Workspace, mode: StorageMode, route: Route) -> Self {
        Self {
            workspace: Held::new(workspace),
            mode: Held::new(mode),
            save_state: Held::new(SaveState::Unchanged),
            notices: Held::new(Vec::new()),
            conflict: Held::new(None),
            storage_info: Held::new(StorageInfo::default()),
            route: Held::new(route),
            deleted: Held::new(None),
            pending_import: Held::new(None),
            import_undo: Held::new(None),
            csv_file: Held::new(None),
            replaced: Held::new(0),
            language: Held::new(crate::i18n::language()),
            survey_language_followed: Held::new(None),
        }
    }

    /// Shows the interface in `language` from now on, everywhere on the
    /// page, and keeps the choice in this browser. A choice that cannot be
    /// kept still applies to this tab, and the banner says it was not kept.
    pub fn choose_language(&self, language: crate::i18n::Language) {
        if !self.show_language(language) {
            return;
        }
        let kept = crate::storage::BrowserStorage::open()
            .and_then(|storage| storage.choose_language(language));
        if let Err(error) = kept {
            self.notify(Notice::LanguageNotKept(error));
        }
    }

    /// Shows the interface in `language` in this tab, without keeping the
    /// choice (a survey's language, on a rep's page). Whether it changed.
    pub fn show_language(&self, language: crate::i18n::Language) -> bool {
        if self.language.get_untracked() == language {
            return false;
        }
        crate::i18n::set_language(language);
        super::language::show_language(language);
        self.language.set(language);
        true
    }

    /// `text()` in the language shown, read again when the language
    /// changes: for the few texts that stay on the page across a change
    /// (the header's).
    pub fn in_language<T>(&self, text: impl Fn() -> T) -> T {
        self.language.track();
        text()
    }

    /// Whether the user may change the workspace now.
    pub fn is_editable(&self) -> bool {
        self.mode.get() != StorageMode::ReadOnly
    }

    /// Shows `notice`, replacing an earlier one of the same kind.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|list| {
            list.retain(|n| !n.same_kind(&notice));
            list.push(notice);
        });
    }

    /// Removes every notice `matches` selects.
    pub fn dismiss(&self, matches: impl Fn(&Notice) -> bool) {
        self.notices.update(|list| list.retain(|n| !matches(n)));
    }
}

/// Makes `store` the app's store for every component below.
pub fn provide_app_store(store: AppStore) {
    provide_context(store);
}

/// The app's store. Panics outside the component tree under the root, which
/// is a programming error.
pub fn use_app_store() -> AppStore {
    expect_context::<AppStore>()
}

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp::from_millis(js_sys::Date::now() as i64)
}

/// Today's date where the user is (the browser's time zone).
pub fn today() -> crate::domain::Date {
    let now = js_sys::Date::new_0();
    crate::domain::Date::new(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("the browser's date is a real date")
}
