//! The layers never reach up: domain ← format ← storage ← app, and
//! `messages` serves them all without importing the app. This test reads
//! the source of each inner layer and fails on any path that names a layer
//! above it or a browser or UI crate, so a shortcut taken in a hurry is
//! caught in review rather than found when the layer is reused.

use std::fs;
use std::path::{Path, PathBuf};

/// One layer: where its source is, and what it may never name.
struct Layer {
    name: &'static str,
    /// A directory (every `.rs` file under it) or one file.
    source: &'static str,
    forbidden: &'static [&'static str],
}

/// Browser and UI crates: only storage (the browser's storage) and the app
/// may use the browser; only the app may use Leptos.
const UI: &[&str] = &["leptos", "reactive_stores"];
const BROWSER: &[&str] = &["web_sys", "js_sys", "wasm_bindgen", "gloo_storage"];

const LAYERS: &[Layer] = &[
    Layer {
        name: "domain",
        source: "src/domain",
        forbidden: &["crate::app", "crate::format", "crate::storage"],
    },
    Layer {
        name: "format",
        source: "src/format",
        forbidden: &["crate::app", "crate::storage"],
    },
    Layer {
        name: "storage",
        source: "src/storage",
        forbidden: &["crate::app"],
    },
    Layer {
        name: "messages",
        source: "src/messages.rs",
        forbidden: &["crate::app"],
    },
];

fn rust_files(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_file() {
        found.push(path.to_owned());
        return;
    }
    for entry in fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            rust_files(&path, found);
        }
    }
}

/// The code of a line, without its comment: docs may name other layers.
fn code(line: &str) -> &str {
    line.split("//").next().unwrap_or_default()
}

/// Whether `code` names `path` as a path (`leptos::` or `use leptos`), not
/// as part of a longer name such as `my_leptos_thing`.
fn names(code: &str, path: &str) -> bool {
    code.match_indices(path).any(|(at, _)| {
        let before = code[..at].chars().next_back();
        let after = code[at + path.len()..].chars().next();
        let starts = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let ends = matches!(after, Some(':' | ';' | ',' | '}' | ' ') | None);
        starts && ends
    })
}

fn violations(layer: &Layer, forbidden: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join(layer.source), &mut files);
    assert!(!files.is_empty(), "no source found for {}", layer.name);
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        for (number, line) in text.lines().enumerate() {
            for path in forbidden {
                if names(code(line), path) {
                    found.push(format!(
                        "{}:{}: {} names `{path}`: {}",
                        file.strip_prefix(root).unwrap_or(&file).display(),
                        number + 1,
                        layer.name,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn no_layer_reaches_up_or_into_the_ui() {
    let mut found = Vec::new();
    for layer in LAYERS {
        let mut forbidden: Vec<&str> = layer.forbidden.to_vec();
        forbidden.extend(UI);
        if layer.name != "storage" {
            forbidden.extend(BROWSER);
        }
        found.extend(violations(layer, &forbidden));
    }
    assert!(found.is_empty(), "layers reach up:\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_paths_and_only_paths() {
    assert!(names("use crate::app::state::Notice;", "crate::app"));
    assert!(names("    leptos::prelude::*", "leptos"));
    assert!(names("use web_sys;", "web_sys"));
    assert!(!names("use crate::apple;", "crate::app"));
    assert!(!names("let my_leptos = 1;", "leptos"));
    assert_eq!(code("let a = 1; // see crate::app"), "let a = 1; ");
}
