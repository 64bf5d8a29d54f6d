//! The storage status line at the foot of every page.

use super::state::{SaveState, StorageMode, use_app_store};
use super::time_text::local_time_or_date;
use crate::storage::{Persistence, TYPICAL_QUOTA_CHARS, Usage};
use crate::t;
use leptos::prelude::*;

/// Where data is kept, whether the latest changes are saved, how full
/// storage is and whether the browser promised to keep it.
#[component]
pub fn StatusLine() -> impl IntoView {
    let store = use_app_store();
    let where_kept = move || match store.mode.get() {
        StorageMode::Browser => t!(shell_status_browser),
        StorageMode::InMemory => t!(shell_status_in_memory),
        StorageMode::ReadOnly => t!(shell_status_read_only),
    };
    let save_state = move || {
        if store.mode.get() == StorageMode::ReadOnly {
            return None;
        }
        Some(match store.save_state.get() {
            SaveState::Unchanged => {
                let saved = store
                    .workspace
                    .with(|w| (w.revision > 0).then_some(w.updated_at));
                match saved {
                    Some(at) => t!(shell_status_last_saved, when = local_time_or_date(at)),
                    None => t!(shell_status_nothing_saved).to_owned(),
                }
            }
            SaveState::Pending => t!(shell_status_pending).to_owned(),
            SaveState::Saved(at) => t!(shell_status_saved, when = local_time_or_date(at)),
            SaveState::Failed => t!(shell_status_failed).to_owned(),
            SaveState::Conflict => t!(shell_status_conflict).to_owned(),
        })
    };
    let usage = move || store.storage_info.get().usage.map(usage_text);
    let persistence = move || {
        store.storage_info.get().persistence.map(|p| match p {
            Persistence::Granted => t!(shell_status_persistent),
            Persistence::NotGranted => t!(shell_status_not_persistent),
            Persistence::Unsupported => t!(shell_status_persistence_unsupported),
        })
    };
    view! {
        <footer class="status-line">
            <ul aria-label=t!(shell_status_label)>
                <li>{where_kept}</li>
                // The live region sits inside its item: a list may hold
                // only list items, so an item cannot be a status itself.
                <li><span role="status">{save_state}</span></li>
                {move || usage().map(|text| view! { <li>{text}</li> })}
                {move || persistence().map(|text| view! { <li>{text}</li> })}
            </ul>
        </footer>
    }
}

/// "Storage used: 12 KB of about 5 MB (0.2%)", in the interface's
/// language.
pub fn usage_text(usage: Usage) -> String {
    let kb = usage.total_chars.div_ceil(1024);
    // In u64: usize is 32 bits in wasm, and 4.3 million × 1000 overflows it.
    let tenths_of_percent = usage.total_chars as u64 * 1000 / TYPICAL_QUOTA_CHARS as u64;
    let (_, point) = crate::i18n::language().separators();
    let percent = format!(
        "{}{point}{}",
        tenths_of_percent / 10,
        tenths_of_percent % 10
    );
    t!(shell_status_usage, kb = kb, percent = percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_is_shown_in_kilobytes_and_percent_of_the_typical_quota() {
        let usage = |chars| {
            usage_text(Usage {
                clientele_chars: chars,
                total_chars: chars,
            })
        };
        assert_eq!(usage(0), "Storage used: 0 KB of about 5 MB (0.0%)");
        assert_eq!(usage(12_000), "Storage used: 12 KB of about 5 MB (0.2%)");
        assert_eq!(
            usage(TYPICAL_QUOTA_CHARS),
            "Storage used: 5079 KB of about 5 MB (100.0%)"
        );
        crate::i18n::set_language(crate::i18n::Language::Polish);
        let polish = usage(12_000);
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(polish, "Zajęta pamięć: 12 KB z około 5 MB (0,2%)");
    }
}
