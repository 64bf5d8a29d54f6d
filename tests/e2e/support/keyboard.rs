//! Using the page with the keyboard alone: keys go to whatever has focus,
//! as WebDriver's key actions send them, and every step checks what a
//! keyboard user relies on: focus moves on (no trap), and the focused
//! element shows it (an outline or a shadow, with 3:1 contrast against
//! what it is drawn on), in view and not covered (WCAG 2.1.1, 2.1.2, 2.4.7,
//! 2.4.11, 1.4.11).

use super::{App, wait_until};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use serde::Deserialize;

/// How many key presses may pass before the element looked for has focus.
/// The longest screen (the profile editor) has about 150 stops.
const MAX_PRESSES: usize = 250;

/// What has focus, as a keyboard user perceives it.
#[derive(Debug, Deserialize)]
pub struct Focus {
    /// The ARIA role, explicit or implied (`document` when nothing on the
    /// page has focus, such as past its last control).
    pub role: String,
    /// The accessible name, as far as these simple controls need: its
    /// `aria-label`, the text of its `aria-labelledby`, its labels, or its
    /// text.
    pub name: String,
    /// Why a person could not see where focus is, if they could not.
    problem: Option<String>,
    /// Whether focus is on another element than at the last look.
    moved: bool,
    /// Whether Tab moves between parts of the element before it leaves
    /// (the day, month and year of a date field).
    parts: bool,
}

impl std::fmt::Display for Focus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {:?}", self.role, self.name)
    }
}

/// Describes `document.activeElement` and whether its focus is visible;
/// remembers it, so that the next call can tell whether focus moved.
const DESCRIBE_FOCUS: &str = r#"
const el = document.activeElement;
const moved = el !== window.__clienteleLastFocus;
window.__clienteleLastFocus = el;
if (!el || el === document.body || el === document.documentElement)
  return { role: 'document', name: '', problem: null, moved, parts: false };
const text = e => (e.textContent || '').replace(/\s+/g, ' ').trim();
const tag = el.tagName.toLowerCase(), type = (el.getAttribute('type') || '').toLowerCase();
const role = el.getAttribute('role') || (
  tag === 'a' && el.hasAttribute('href') ? 'link' :
  tag === 'button' || tag === 'summary' ? 'button' :
  tag === 'select' ? 'combobox' : tag === 'textarea' ? 'textbox' :
  tag === 'input' ? ({ checkbox: 'checkbox', radio: 'radio', file: 'file',
                       button: 'button', submit: 'button' }[type] || 'textbox') : tag);
const name = el.getAttribute('aria-label') ||
  (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
    .map(id => text(document.getElementById(id) || document.body)).join(' ') ||
  [...(el.labels || [])].map(text).join(' ') || text(el);

// The colour an outline is drawn on: what the page shows just outside the
// element's box, left of it (or right, at the window's left edge), where
// its outline lies.
const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
const background = () => {
  const box = el.getBoundingClientRect(), style = getComputedStyle(el);
  const out = (parseFloat(style.outlineOffset) || 0) + (parseFloat(style.outlineWidth) || 0) / 2;
  let x = box.left - out;
  if (x < 0) x = box.right + out;
  const y = Math.min(Math.max((box.top + box.bottom) / 2, 0), innerHeight - 1);
  const under = document.elementsFromPoint(Math.min(x, innerWidth - 1), y)
    .filter(e => e !== el && !el.contains(e));
  for (const e of under) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || c[3] > 0) return c;
  }
  return [255, 255, 255];
};
const luminance = ([r, g, b]) => [r, g, b].map(v => { v /= 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05); };

const style = getComputedStyle(el);
const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
const shadow = style.boxShadow !== 'none';
const box = el.getBoundingClientRect();
let problem = null;
if (!outline && !shadow) {
  problem = 'it has no outline and no box-shadow';
} else if (outline && !shadow && contrast(rgb(style.outlineColor), background()) < 3) {
  problem = `its outline (${style.outlineColor}) has less than 3:1 contrast with ` +
    `rgb(${background().join(', ')}) behind it`;
} else if (box.width === 0 || box.height === 0) {
  problem = 'it has no size on screen';
} else if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) {
  problem = 'it is outside the window';
} else {
  const x = Math.min(Math.max((box.left + box.right) / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max((box.top + box.bottom) / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  if (top && top !== el && !el.contains(top) && !top.contains(el))
    problem = `it is covered by ${top.outerHTML.slice(0, 120)}`;
}
const parts = tag === 'input' && ['date', 'time', 'datetime-local', 'month', 'week'].includes(type);
return { role, name, problem, moved, parts };
"#;

impl App {
    /// What has focus now.
    pub async fn focus(&self) -> Focus {
        let described = self.run(DESCRIBE_FOCUS, vec![]).await;
        serde_json::from_value(described).expect("a description of the focused element")
    }

    /// Presses `key` (with Shift held when `shift`) and releases it, as a
    /// keyboard does: the browser sends it to whatever has focus.
    pub async fn press_key(&self, key: Key, shift: bool) {
        let mut keys = KeyActions::new("keyboard".to_owned());
        if shift {
            keys = keys.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        keys = keys
            .then(KeyAction::Down { value: key.into() })
            .then(KeyAction::Up { value: key.into() });
        if shift {
            keys = keys.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        self.client()
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("cannot press {key:?}: {e}"));
    }

    /// Types `text` key by key into whatever has focus.
    pub async fn type_keys(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".to_owned());
        for c in text.chars() {
            keys = keys
                .then(KeyAction::Down { value: c })
                .then(KeyAction::Up { value: c });
        }
        self.client()
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("cannot type {text:?}: {e}"));
    }

    /// Presses Tab (or Shift+Tab, `back`) until the element with `role` and
    /// `name` has focus. Every press must move focus on, and every element
    /// it reaches must show its focus; panics with the way focus went
    /// otherwise, or when the element is not reached.
    async fn tab_until(&self, role: &str, name: &str, back: bool) {
        let mut path = Vec::new();
        // Presses that stayed within one date field, moving between its parts.
        let mut within = 0;
        for _ in 0..MAX_PRESSES {
            self.press_key(Key::Tab, back).await;
            let focus = self.focus().await;
            path.push(focus.to_string());
            within = if focus.moved { 0 } else { within + 1 };
            assert!(
                focus.moved || (focus.parts && within < 5),
                "focus is trapped: {} stayed on {focus} (the way here: {})",
                if back { "Shift+Tab" } else { "Tab" },
                path.join(" → ")
            );
            if let Some(problem) = &focus.problem {
                panic!(
                    "focus is not visible on {focus}: {problem} (the way here: {})",
                    path.join(" → ")
                );
            }
            if focus.role == role && focus.name == name {
                return;
            }
        }
        panic!(
            "{MAX_PRESSES} presses of {} never reached the {role} {name:?}: {}",
            if back { "Shift+Tab" } else { "Tab" },
            path.join(" → ")
        );
    }

    /// Presses Tab until the `role` named `name` has focus (see
    /// [`App::tab_until`]).
    pub async fn tab_to(&self, role: &str, name: &str) {
        self.tab_until(role, name, false).await;
    }

    /// Presses Shift+Tab until the `role` named `name` has focus.
    pub async fn shift_tab_to(&self, role: &str, name: &str) {
        self.tab_until(role, name, true).await;
    }

    /// Waits until the `role` named `name` has focus, as after a change of
    /// screen or a button that moves focus on.
    pub async fn wait_for_focus(&self, role: &str, name: &str) {
        wait_until(&format!("the {role} {name:?} has focus"), async || {
            let focus = self.focus().await;
            if focus.role == role && focus.name == name {
                Ok(())
            } else {
                Err(format!("{focus} has it"))
            }
        })
        .await;
    }

    /// Waits until the screen's main heading has focus, as the app gives it
    /// after a change of screen (a frame after drawing it): keys pressed
    /// before would go where focus was on the old screen.
    pub async fn wait_for_heading_focus(&self) {
        wait_until("the main heading has focus", async || {
            let focus = self.focus().await;
            if focus.role == "h1" {
                Ok(())
            } else {
                Err(format!("{focus} has it"))
            }
        })
        .await;
    }

    /// Panics unless focus is visible where it is now (after a key that
    /// moves focus within a control, such as an arrow in a radio group).
    pub async fn assert_focus_visible(&self) {
        let focus = self.focus().await;
        if let Some(problem) = &focus.problem {
            panic!("focus is not visible on {focus}: {problem}");
        }
    }
}
