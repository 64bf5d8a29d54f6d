//! Benchmarks of the release build in headless Chromium: what a person
//! waits for on the page itself. `make bench` runs them (they are ignored by
//! `make test`) and they write `target/bench/page.txt`. They time and
//! report; they do not pass or fail on speed.

use crate::sample::typical_workspace;
use crate::support::{App, Name, Role, wait_until};
use clientele::format::encode_workspace;
use serde_json::Value;
use std::fmt::Write as _;

/// Appends `lines` to `target/bench/page.txt`, which `make bench` empties
/// first.
fn write_results(lines: &str) {
    use std::io::Write as _;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    std::fs::create_dir_all(&dir).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join("page.txt"))
        .unwrap();
    file.write_all(lines.as_bytes()).unwrap();
    print!("{lines}");
}

/// Starts collecting the page's long tasks (over 50 ms) into
/// `window.longTasks`, including those already buffered.
async fn watch_long_tasks(app: &App) {
    app.run(
        "window.longTasks = []; \
         new PerformanceObserver(list => list.getEntries() \
           .forEach(e => window.longTasks.push(e.duration))) \
           .observe({type: 'longtask', buffered: true}); \
         return true;",
        vec![],
    )
    .await;
}

/// The durations of the long tasks since [`watch_long_tasks`], in ms, and
/// starts a new list.
async fn take_long_tasks(app: &App) -> Vec<f64> {
    let tasks = app
        .run(
            "const t = window.longTasks; window.longTasks = []; return t;",
            vec![],
        )
        .await;
    serde_json::from_value(tasks).expect("a list of durations")
}

/// "none", or how many there were and the longest.
fn describe(tasks: &[f64]) -> String {
    match tasks.iter().copied().reduce(f64::max) {
        None => "no task over 50 ms".to_owned(),
        Some(longest) if tasks.len() == 1 => format!("1 task over 50 ms: {longest:.0} ms"),
        Some(longest) => format!(
            "{} tasks over 50 ms, the longest {longest:.0} ms",
            tasks.len()
        ),
    }
}

/// The rows of the ranked list now.
async fn ranked_rows(app: &App) -> Result<usize, String> {
    let count = app
        .run(
            "const h = document.getElementById('ranked-heading'); \
             return h ? h.closest('section').querySelectorAll('tbody tr').length : -1;",
            vec![],
        )
        .await;
    Ok(count.as_i64().unwrap_or(-1) as usize)
}

#[tokio::test]
#[ignore = "a benchmark: run with `make bench`"]
async fn first_paint_from_a_cold_start_with_empty_storage() {
    let mut from_script = Vec::new();
    let mut from_navigation = Vec::new();
    for _ in 0..5 {
        // A new browser each time: nothing cached, nothing stored.
        let app = App::open("").await;
        let timing: Value = app
            .run(
                "const paint = performance.getEntriesByName('first-contentful-paint')[0]; \
                 const script = performance.getEntriesByType('resource') \
                   .find(e => e.name.endsWith('.js')); \
                 return [paint ? paint.startTime : null, script ? script.responseEnd : null];",
                vec![],
            )
            .await;
        let paint = timing[0].as_f64().expect("a first contentful paint");
        let script = timing[1].as_f64().expect("the app's script was loaded");
        from_navigation.push(paint);
        from_script.push(paint - script);
    }
    let median = |mut v: Vec<f64>| {
        #[allow(clippy::disallowed_methods)] // test code: not in the shipped wasm
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    write_results(&format!(
        "first paint from a cold start with empty storage: {:.0} ms from script start \
         (target 150 ms), {:.0} ms from navigation\n",
        median(from_script),
        median(from_navigation)
    ));
}

#[tokio::test]
#[ignore = "a benchmark: run with `make bench`"]
async fn the_ranked_list_of_1_000_profiles_renders_and_searches_without_long_tasks() {
    let app = App::open("").await;
    let text = encode_workspace(&typical_workspace(1_000), crate::sample::now());
    let workspace: Value = serde_json::from_str(&text).unwrap();
    // From Home, which lists no profiles, so that only the ranking counts.
    app.load_workspace(&workspace).await;

    let mut report = String::new();
    watch_long_tasks(&app).await;
    take_long_tasks(&app).await;
    app.follow("Scoring").await;
    // The list draws its first 50 rows, and says so.
    app.wait_for(Role::Status, Name::Is("Showing 50 of 1,000 companies."))
        .await;
    wait_until(
        "the ranked list shows its first 50 rows",
        async || match ranked_rows(&app).await? {
            50 => Ok(()),
            n => Err(format!("it shows {n}")),
        },
    )
    .await;
    let render = take_long_tasks(&app).await;
    writeln!(
        report,
        "render the ranked list of 1,000 profiles (first 50 rows): {} (target none)",
        describe(&render)
    )
    .unwrap();

    // Typed a key at a time, as a person does: "Company 99" leaves 11 rows.
    let search = app.field("Search by company name").await.unwrap();
    for key in "Company 99".chars() {
        search.send_keys(&key.to_string()).await.unwrap();
    }
    wait_until("the search leaves 11 rows", async || {
        match ranked_rows(&app).await? {
            11 => Ok(()),
            n => Err(format!("it shows {n}")),
        }
    })
    .await;
    let typing = take_long_tasks(&app).await;
    writeln!(
        report,
        "type \"Company 99\" in its search box: {} (target none)",
        describe(&typing)
    )
    .unwrap();

    // Emptying the box brings the first 50 back; each press draws 50 more.
    let search = app.field("Search by company name").await.unwrap();
    search.clear().await.unwrap();
    search.send_keys(" ").await.unwrap();
    wait_until("the first 50 rows are back", async || {
        match ranked_rows(&app).await? {
            50 => Ok(()),
            n => Err(format!("it shows {n}")),
        }
    })
    .await;
    take_long_tasks(&app).await;
    for shown in (100..=1_000).step_by(50) {
        app.press("Show 50 more").await;
        wait_until(&format!("{shown} rows"), async || {
            match ranked_rows(&app).await? {
                n if n == shown => Ok(()),
                n => Err(format!("it shows {n}")),
            }
        })
        .await;
    }
    let more = take_long_tasks(&app).await;
    writeln!(
        report,
        "press \"Show 50 more\" until all 1,000 show: {} (target none)",
        describe(&more)
    )
    .unwrap();
    write_results(&report);
}
