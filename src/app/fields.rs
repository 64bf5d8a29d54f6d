//! Labelled form controls. Each has a visible label tied to it, shows its
//! problem beside it, and never throws away what was typed.

use super::state::{AppStore, use_app_store};
use crate::app::held::Held;
use crate::domain::choice::Choice;
use crate::domain::input::InputError;
use crate::t;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whether editing is locked now (the page is read-only to protect stored
/// data), for the `disabled` state of every control that changes data.
pub fn locked() -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let store = use_app_store();
    move || !store.is_editable()
}

/// Applies typed text through `change` and gives the reason it was
/// refused, if it was. Refused text changes nothing, so it must not count
/// as a change to save.
pub fn try_edit(
    store: AppStore,
    change: &mut dyn FnMut(&mut crate::domain::Workspace) -> Result<(), InputError>,
) -> Option<String> {
    let mut result = Ok(());
    store.workspace.maybe_update(|w| {
        result = change(w);
        result.is_ok()
    });
    result.err().map(|e| e.to_string())
}

/// What 1, 3 and 5 mean on a rating criterion, each in a [`CheckedInput`].
#[component]
pub fn MeaningFields(
    /// The start of the fields' element ids, unique on the page.
    id: String,
    /// The criterion's name, in each label ("What 1 means for …"), to
    /// tell apart the fields of several criteria.
    #[prop(into)]
    of: Signal<String>,
    /// The meanings of 1, 3 and 5 to start with.
    meanings: [String; 3],
    /// Checks and stores the meaning of point 0 (1), 1 (3) or 2 (5); returns
    /// the reason if refused.
    apply: Callback<(usize, String), Option<String>>,
) -> impl IntoView {
    ["1", "3", "5"]
        .into_iter()
        .zip(meanings)
        .enumerate()
        .map(|(i, (point, initial))| {
            view! {
                <CheckedInput label=Signal::derive(move || t!(shell_meaning_label, point = point, criterion = of.get())) id=format!("{id}-meaning-{i}") initial
                    apply=Callback::new(move |text| apply.run((i, text))) />
            }
        })
        .collect_view()
}

/// A text input whose text is checked by `apply`: it returns `None` when it
/// accepted (and stored) the text, or the reason it refused it. Refused text
/// stays in the field with the reason beside it.
#[component]
pub fn CheckedInput(
    /// The visible label (it may follow other fields, as "Weight for …").
    #[prop(into)]
    label: Signal<String>,
    /// A unique element id.
    #[prop(into)]
    id: String,
    /// The text to start with (the stored value, as a person would type it).
    #[prop(into)]
    initial: String,
    /// Checks and stores typed text; returns the reason if refused.
    apply: Callback<String, Option<String>>,
    /// A short help text under the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// The input type (`text`, `date`, `email`, `url`, `tel`).
    #[prop(optional)]
    kind: Option<&'static str>,
    /// A multi-line text area instead of one line.
    #[prop(optional)]
    multiline: bool,
) -> impl IntoView {
    let locked = locked();
    let typed = Held::new(initial);
    let error = Held::new(None::<String>);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = if hint.is_some() {
        format!("{error_id} {hint_id}")
    } else {
        error_id.clone()
    };
    let on_input = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        // A date with only some of its parts filled in reads as "", like a
        // cleared field, so it is caught here: storing it would erase the
        // date saved before, and writing "" back would blank the parts
        // already typed.
        if half_filled(&ev) {
            error.set(Some(crate::messages::unfinished_date().to_owned()));
            return;
        }
        error.set(apply.run(text.clone()));
        typed.set(text);
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="3" prop:value=move || typed.get() on:input=on_input
                disabled=locked aria-invalid=invalid aria-describedby=described_by>
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type=kind.unwrap_or("text") prop:value=move || typed.get()
                on:input=on_input disabled=locked aria-invalid=invalid
                aria-describedby=described_by />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {hint.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
            <p class="field-error" id=error_id aria-live="polite">{move || error.get()}</p>
        </div>
    }
}

/// Whether the event's control holds input the browser cannot turn into a
/// value, such as a date with its year still empty.
fn half_filled(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.validity().bad_input())
}

/// Free text that needs no checking, kept as typed.
#[component]
pub fn TextInput(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A unique element id.
    #[prop(into)]
    id: String,
    /// The stored text.
    #[prop(into)]
    value: Signal<String>,
    /// Stores new text.
    on_change: Callback<String>,
    /// A multi-line text area instead of one line.
    #[prop(optional)]
    multiline: bool,
    /// Suggestions (a `<datalist>`), for fields such as industry.
    #[prop(optional)]
    suggestions: Option<Signal<Vec<String>>>,
) -> impl IntoView {
    let locked = locked();
    let list_id = format!("{id}-suggestions");
    let on_input = move |ev| on_change.run(event_target_value(&ev));
    let control = if multiline {
        view! {
            <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=on_input
                disabled=locked></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() type="text" prop:value=move || value.get() on:input=on_input
                disabled=locked
                list=suggestions.map(|_| list_id.clone()) />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {control}
            {suggestions.map(|options| view! {
                <datalist id=list_id.clone()>
                    {move || options.get().into_iter().map(|o| view! { <option value=o></option> }).collect_view()}
                </datalist>
            })}
        </div>
    }
}

/// A choice from a fixed list, such as a status or a buying role.
#[component]
pub fn ChoiceInput<T: Choice>(
    /// The visible label.
    #[prop(into)]
    label: Signal<String>,
    /// A unique element id.
    #[prop(into)]
    id: String,
    /// The chosen value.
    #[prop(into)]
    value: Signal<T>,
    /// Stores the new value.
    on_change: Callback<T>,
) -> impl IntoView {
    // Only this mapping between values and positions is compiled per choice
    // type; the list itself is drawn by one `ChoiceList`.
    let mut choices: Vec<T> = T::all().to_vec();
    // A value from a newer build is not in the list: it is offered too,
    // under its own name, so that it shows and stays chosen until another
    // is picked.
    let start = value.get_untracked();
    if !choices.contains(&start) {
        choices.push(start);
    }
    let options = choices
        .iter()
        .map(|c| (c.key(), c.name().to_owned()))
        .collect();
    let choices = StoredValue::new(choices);
    let chosen = Signal::derive(move || {
        let value = value.get();
        choices.with_value(|all| all.iter().position(|c| *c == value))
    });
    let pick = Callback::new(move |index: usize| {
        if let Some(choice) = choices.with_value(|all| all.get(index).copied()) {
            on_change.run(choice);
        }
    });
    view! { <ChoiceList label id options chosen pick /> }
}

/// A labelled `<select>` over `options` (form value, shown name), by position.
#[component]
pub fn ChoiceList(
    /// The visible label.
    label: Signal<String>,
    /// A unique element id.
    id: String,
    /// Each option's form value and shown name, in order.
    options: Vec<(String, String)>,
    /// The position of the chosen option.
    chosen: Signal<Option<usize>>,
    /// Called with the position of the option picked.
    pick: Callback<usize>,
) -> impl IntoView {
    let locked = locked();
    let keys: Vec<String> = options.iter().map(|(key, _)| key.clone()).collect();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id disabled=locked on:change=move |ev| {
                let key = event_target_value(&ev);
                if let Some(index) = keys.iter().position(|k| *k == key) {
                    pick.run(index);
                }
            }>
                {options
                    .into_iter()
                    .enumerate()
                    .map(|(index, (key, name))| {
                        view! {
                            <option value=key prop:selected=move || chosen.get() == Some(index)>
                                {name}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A yes/no box.
#[component]
pub fn CheckboxInput(
    /// The visible label.
    #[prop(into)]
    label: String,
    /// A unique element id.
    #[prop(into)]
    id: String,
    /// Whether it is ticked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Stores the new state.
    on_change: Callback<bool>,
) -> impl IntoView {
    let locked = locked();
    view! {
        <div class="field checkbox">
            <input id=id.clone() type="checkbox" prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
                disabled=locked />
            <label for=id>{label}</label>
        </div>
    }
}
