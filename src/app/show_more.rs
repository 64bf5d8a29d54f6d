//! Long lists drawn a part at a time.

use crate::app::held::Held;
use crate::app::when::When;
use crate::domain::decimal::grouped;
use crate::t;
use leptos::prelude::*;
use rust_decimal::Decimal;

/// How many rows a long list shows at first and adds at a time: plenty to
/// scan, and few enough to draw in one go without the page stalling (a
/// thousand rows at once took a third of a second, a hundred sometimes
/// just over 50 ms).
pub const ROWS_AT_A_TIME: usize = 50;

/// The same for a short list beside a long one (such as the customers to
/// reward beside the ranked list): a glance, drawn with the long list.
pub const SIDE_ROWS_AT_A_TIME: usize = 20;

/// "Showing 100 of 1,000 companies." and a button for the next rows, when
/// `total` is above `limit`; nothing otherwise.
#[component]
pub fn ShowMore(
    /// How many rows the list shows now; the button raises it.
    limit: Held<usize>,
    /// How many rows the list has.
    #[prop(into)]
    total: Signal<usize>,
    /// What the rows are, in the plural, as the catalogue's text
    /// `shell_show_more_status` takes it ("companies"; in Polish the
    /// genitive plural, "firm", as in "50 z 120 firm").
    what: &'static str,
    /// How many rows a press adds.
    #[prop(default = ROWS_AT_A_TIME)]
    step: usize,
) -> impl IntoView {
    let count = |n: usize| grouped(Decimal::from(n));
    let more = move || total.get() > limit.get();
    // The button stays the same element while there is more to show, so
    // that focus stays on it from one press to the next.
    view! {
        <When when=more>
            <p class="show-more">
                <span role="status">
                    {move || {
                        t!(
                            shell_show_more_status,
                            shown = count(limit.get()),
                            total = count(total.get()),
                            what = what
                        )
                    }}
                </span>
                " "
                <button type="button" class="secondary"
                    on:click=move |_| limit.update(|l| *l += step)>
                    {move || {
                        let more = step.min(total.get().saturating_sub(limit.get()));
                        t!(shell_show_more_button, count = count(more))
                    }}
                </button>
            </p>
        </When>
    }
}
