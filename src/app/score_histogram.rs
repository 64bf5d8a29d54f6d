//! The spread of scores as an SVG histogram, with the tier thresholds drawn
//! on it; redrawn whenever a weight or a threshold changes.

use super::state::use_app_store;
use crate::app::derived::Derived;
use crate::domain::scoring::{self, number_text};
use crate::t;
use crate::tv;
use leptos::prelude::*;
use rust_decimal::Decimal;

const WIDTH: u32 = 500;
const HEIGHT: u32 = 160;
const BAR: u32 = WIDTH / 10;

/// The histogram of `scores`.
#[component]
pub fn ScoreHistogram(
    /// Every score of the ranked list.
    scores: Signal<Vec<Decimal>>,
) -> impl IntoView {
    let store = use_app_store();
    // Read by the bars and by their spoken summary: counted once.
    let bins = Derived::new(move || scores.with(|s| scoring::histogram(s.iter().copied())));
    let thresholds = move || {
        store
            .workspace
            .with(|w| w.model().map(|m| m.tiers.clone()))
            .unwrap_or_default()
    };
    let summary = move || {
        let b = bins.get();
        let parts: Vec<String> = b
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{}–{}: {n}", i * 10, i * 10 + 10))
            .collect();
        t!(scoring_histogram_summary, ranges = parts.join(", "))
    };
    view! {
        <figure class="histogram">
            <svg viewBox=format!("0 0 {WIDTH} {}", HEIGHT + 20) role="img" aria-label=summary>
                {move || {
                    let b = bins.get();
                    let most = b.iter().copied().max().unwrap_or(0).max(1) as u32;
                    b.into_iter().enumerate().map(|(i, n)| {
                        let h = n as u32 * (HEIGHT - 10) / most;
                        view! {
                            <rect class="bar" x=(i as u32 * BAR + 2).to_string() y=(HEIGHT - h).to_string()
                                width=(BAR - 4).to_string() height=h.to_string()></rect>
                            <text class="bar-count" x=(i as u32 * BAR + BAR / 2).to_string() y=(HEIGHT - h - 2).to_string()>
                                {if n > 0 { n.to_string() } else { String::new() }}
                            </text>
                        }
                    }).collect_view()
                }}
                {move || {
                    let t = thresholds();
                    [("A", t.a), ("B", t.b), ("C", t.c)].into_iter().map(|(name, at)| {
                        let x = (at * Decimal::from(WIDTH) / Decimal::ONE_HUNDRED).round().to_string();
                        view! {
                            <line class="tier-line" x1=x.clone() x2=x.clone() y1="0" y2=HEIGHT.to_string()></line>
                            <text class="tier-label" x=x y=(HEIGHT + 14).to_string()>{format!("{name} ≥ {}", number_text(at))}</text>
                        }
                    }).collect_view()
                }}
            </svg>
            <figcaption>{tv!(scoring_histogram_caption)}</figcaption>
        </figure>
    }
}
