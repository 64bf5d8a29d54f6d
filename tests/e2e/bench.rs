//! Benchmarks of the release build in headless Chromium: what a person
//! waits for on the page itself. `make bench` runs them (they are ignored by
//! `make test`) and they write `target/bench/page.txt`. They time and
//! report; they do not pass or fail on speed.

use crate::sample::typical_workspace;
use crate::support::{App, Link, Name, Role, wait_until};
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
async fn first_screen_from_a_cold_start_with_empty_storage() {
    let mut from_script = Vec::new();
    let mut from_navigation = Vec::new();
    for _ in 0..5 {
        // A new browser each time: nothing cached, nothing stored.
        let app = App::start().await;
        // The app's first frame, not the first contentful paint: that is
        // the loading screen's, before the script.
        app.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": WATCH_FIRST_SCREEN }),
        );
        app.goto("").await;
        let timing: Value = app
            .run(
                "const script = performance.getEntriesByType('resource') \
                   .find(e => e.name.endsWith('.js')); \
                 return [window.firstScreen ?? null, script ? script.responseEnd : null];",
                vec![],
            )
            .await;
        let paint = timing[0]
            .as_f64()
            .expect("the app's first screen was drawn");
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
        "first screen from a cold start with empty storage: {:.0} ms from script start \
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

#[tokio::test]
#[ignore = "a benchmark: run with `make bench`"]
async fn typing_in_one_profile_among_10_000_and_its_saves_without_long_tasks() {
    let workspace = typical_workspace(10_000);
    let id = workspace.profiles[5_000].id;
    let app = App::open(&format!("#/profiles/{id}/edit")).await;
    // Packed: as plain text 10,000 profiles would not fit in storage.
    let packed = clientele::format::encode_stored(&workspace, crate::sample::now());
    app.store(crate::support::WORKSPACE_KEY, &packed).await;
    app.reload().await;
    // A workspace stored whole (as before chunks) is stored in chunks by
    // its first save: made here, before the timing.
    app.type_into("Company name", "x").await;
    app.wait_until_stored("the first save", |_| Ok(())).await;

    let mut report = String::new();
    watch_long_tasks(&app).await;
    take_long_tasks(&app).await;
    // Typed a key at a time, as a person does; each key is saved 0.4 s
    // after typing stops, and once at the end.
    let name = app.field("Company name").await.unwrap();
    for key in "Northwind Traders Ltd".chars() {
        name.send_keys(&key.to_string()).await.unwrap();
    }
    // The status line only: reading the stored workspace back is work on
    // the page too, and would count.
    wait_until("the name is saved", async || {
        match app.save_status().await? {
            status if status.starts_with("All changes saved") => Ok(()),
            status => Err(format!("the status line says {status:?}")),
        }
    })
    .await;
    let tasks = take_long_tasks(&app).await;
    writeln!(
        report,
        "type a company name in one profile among 10,000, and save it: {} (target none)",
        describe(&tasks)
    )
    .unwrap();
    app.wait_until_stored("the name is stored", |stored| {
        let name = stored["data"]["profiles"][5_000]["name"].as_str();
        match name {
            Some(name) if name.ends_with("Northwind Traders Ltd") => Ok(()),
            other => Err(format!("the stored name is {other:?}")),
        }
    })
    .await;

    // Opening the app again reads the 10,000 profiles from their chunks.
    app.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": WATCH_FIRST_SCREEN }),
    );
    app.goto("").await;
    let first_screen = app
        .run("return window.firstScreen ?? null;", vec![])
        .await
        .as_f64()
        .expect("the app's first screen was drawn");
    writeln!(
        report,
        "open the app with 10,000 profiles stored: first screen {first_screen:.0} ms from \
         navigation (target 1.5 s)"
    )
    .unwrap();
    write_results(&report);
}

/// Slow 4G as the speed issue defines it: 150 ms round trip, 1.6 Mbit/s
/// (200,000 bytes a second) each way.
const SLOW_4G: Link = Link {
    latency: std::time::Duration::from_millis(150),
    bytes_per_second: 200_000,
};

/// Emulates `link` for the current tab's own requests through DevTools, or
/// ends the emulation with `None`. The service worker's requests are not
/// the tab's: DevTools lets them through at full speed.
fn throttle(app: &App, link: Option<Link>) {
    let (latency, throughput) = match link {
        Some(link) => (
            link.latency.as_secs_f64() * 1000.0,
            f64::from(link.bytes_per_second),
        ),
        None => (0.0, -1.0),
    };
    app.cdp(
        "Network.emulateNetworkConditions",
        serde_json::json!({
            "offline": false,
            "latency": latency,
            "downloadThroughput": throughput,
            "uploadThroughput": throughput,
        }),
    );
}

/// Run in every new document before its own scripts (DevTools, which the
/// page's policy does not govern): notes in `window.firstScreen` when the
/// first screen is drawn, the frame (its `performance.now()` time) that
/// first shows the app's section navigation and the screen's heading.
const WATCH_FIRST_SCREEN: &str = "(() => {\n\
   const ready = () => document.querySelector('nav[aria-label=\"Sections\"] a[href]')\n\
     && document.querySelector('main h1');\n\
   new MutationObserver((_, observer) => {\n\
     if (!ready()) return;\n\
     observer.disconnect();\n\
     requestAnimationFrame(frame => { window.firstScreen = frame; });\n\
   }).observe(document, { childList: true, subtree: true });\n\
 })();";

/// Opens `url` in the current tab and waits (up to a minute: the link is
/// slow) until its first screen is drawn; gives the time of the first
/// contentful paint and of the first screen, in ms from the navigation.
async fn visit(app: &App, url: &str) -> (f64, f64) {
    app.client().goto(url).await.expect("the page opens");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let timing: Value = app
            .run(
                "const paint = performance.getEntriesByName('first-contentful-paint')[0];\n\
                 return [paint ? paint.startTime : null, window.firstScreen ?? null];",
                vec![],
            )
            .await;
        if let (Some(paint), Some(screen)) = (timing[0].as_f64(), timing[1].as_f64()) {
            return (paint, screen);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the first screen of {url} was not drawn within a minute: {timing}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
#[ignore = "a benchmark: run with `make bench`"]
async fn first_and_repeat_visit_on_slow_4g() {
    let (mut paints, mut screens) = (Vec::new(), Vec::new());
    let (mut repeat_paints, mut repeat_screens, mut cut_screens) =
        (Vec::new(), Vec::new(), Vec::new());
    let mut encodings = Vec::new();
    for _ in 0..3 {
        // A new browser each time: nothing cached, nothing stored.
        let mut app = App::start().await;
        throttle(&app, Some(SLOW_4G));
        app.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": WATCH_FIRST_SCREEN }),
        );
        let url = app.url("");
        let (paint, screen) = visit(&app, &url).await;
        paints.push(paint);
        screens.push(screen);
        let wasm = app
            .served()
            .into_iter()
            .find(|r| r.path.ends_with("_bg.wasm"))
            .expect("the page loaded its wasm");
        let encoding = wasm.encoding.unwrap_or("uncompressed");
        if !encodings.contains(&encoding) {
            encodings.push(encoding);
        }

        // The service worker keeps the files once it controls the page (it
        // fetches them again over the same slow link).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while app
            .run("return !!navigator.serviceWorker.controller;", vec![])
            .await
            != Value::Bool(true)
        {
            assert!(
                std::time::Instant::now() < deadline,
                "the service worker took over within a minute"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // A repeat visit on the same slow link: the service worker asks the
        // network for the page first (DevTools would not slow that request,
        // so the server does now) and takes its files from its cache.
        throttle(&app, None);
        app.set_link(Some(SLOW_4G));
        let (paint, screen) = visit(&app, &url).await;
        repeat_paints.push(paint);
        repeat_screens.push(screen);
        // And with the network gone: all from the service worker.
        app.stop_server();
        let (_, screen) = visit(&app, &url).await;
        cut_screens.push(screen);
    }
    let median = |mut v: Vec<f64>| {
        #[allow(clippy::disallowed_methods)] // test code: not in the shipped wasm
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    // The first paint is the loading screen's when the app came later.
    let loading_first = paints.iter().zip(&screens).all(|(p, s)| p < s);
    write_results(&format!(
        "first visit on slow 4G (150 ms round trip, 1.6 Mbit/s, wasm sent {}), empty cache: \
         first contentful paint {:.0} ms{} (goal under 1000 ms), first screen usable {:.0} ms \
         (goal at most 3500 ms)\n\
         repeat visit from the service worker on slow 4G: first screen {:.0} ms (goal at most \
         300 ms), first contentful paint {:.0} ms; with the network cut: first screen {:.0} ms\n",
        encodings.join("/"),
        median(paints),
        if loading_first {
            ", the loading screen"
        } else {
            ""
        },
        median(screens),
        median(repeat_screens),
        median(repeat_paints),
        median(cut_screens),
    ));
}
