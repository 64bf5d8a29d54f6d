//! Hash-based routes (`#/`, `#/data`): they work on any static host, under
//! any sub-path, and a deep link survives a reload without server rewrites.

use super::state::AppStore;
use leptos::prelude::*;

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The workspace overview.
    Home,
    /// Where data lives: storage, backups, set-aside data.
    Data,
    /// A link to a screen that does not exist.
    NotFound(String),
}

impl Route {
    /// Every screen in the navigation, in order.
    pub const NAVIGATION: [Route; 2] = [Route::Home, Route::Data];

    /// The route for a `location.hash` such as `#/data`.
    pub fn from_hash(hash: &str) -> Self {
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        match path {
            "" => Self::Home,
            "data" => Self::Data,
            other => Self::NotFound(other.to_owned()),
        }
    }

    /// The link to this route.
    pub fn href(&self) -> String {
        match self {
            Self::Home => "#/".to_owned(),
            Self::Data => "#/data".to_owned(),
            Self::NotFound(path) => format!("#/{path}"),
        }
    }

    /// The screen's name, for navigation, headings and the window title.
    pub fn title(&self) -> &'static str {
        match self {
            Self::Home => "Overview",
            Self::Data => "Data & backup",
            Self::NotFound(_) => "Page not found",
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
        for route in Route::NAVIGATION {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn unknown_hashes_are_not_found_and_keep_their_path() {
        assert_eq!(
            Route::from_hash("#/profiles/42"),
            Route::NotFound("profiles/42".into())
        );
        assert_eq!(Route::NotFound("x".into()).href(), "#/x");
    }
}
