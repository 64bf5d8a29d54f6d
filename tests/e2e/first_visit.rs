//! The first visit: what the served page shows before the app's script
//! has run, and the compressed files a host sends.

use crate::support::{App, NARROW, Name, Role, WIDE, wait_until};
use fantoccini::Locator;
use serde_json::json;

/// The loading screen's sentence about what Clientele is.
const WHAT_IT_IS: &str = "Customer profiles, your Ideal Customer Profile and prospect scoring \
                          for B2B sales teams, kept in your browser.";

/// The same sentence in Polish: the loading screen speaks both languages,
/// as no script has chosen one yet.
const CO_TO_JEST: &str = "Profile klientów, profil idealnego klienta i ocena potencjalnych \
                          klientów dla zespołów sprzedaży B2B, przechowywane w Twojej przeglądarce.";

#[tokio::test]
async fn the_loading_screen_shows_before_the_app_runs_and_goes_when_it_is_up() {
    let app = App::start().await;
    // The page as served, with its script held back: the WebAssembly never
    // arrives, as on a very slow link or in a browser that cannot run it.
    app.cdp(
        "Network.setBlockedURLs",
        json!({ "urls": ["*_bg.wasm", "*_bg.wasm?*"] }),
    );
    app.client()
        .goto(&app.url(""))
        .await
        .expect("the page opens");

    let status = app
        .wait_for(Role::Status, Name::StartsWith("Loading…"))
        .await;
    assert!(
        status.is_displayed().await.unwrap(),
        "Loading… is on screen"
    );
    assert!(
        status.text().await.unwrap().contains("Wczytywanie…"),
        "the status says it in Polish too"
    );
    for (text, lang) in [
        ("Clientele", None),
        (WHAT_IT_IS, None),
        (CO_TO_JEST, Some("pl")),
    ] {
        let xpath = format!("//p[normalize-space(.) = '{text}']");
        let shown = app
            .client()
            .find(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("the loading screen says {text:?}: {e}"));
        assert!(shown.is_displayed().await.unwrap(), "{text:?} is on screen");
        assert_eq!(
            shown.attr("lang").await.unwrap().as_deref(),
            lang,
            "{text:?} says its language to screen readers"
        );
    }
    // Styled by the page's own style sheet, as the app is: the name on the
    // app's blue bar.
    let bar = app
        .run(
            "const name = [...document.querySelectorAll('p')].find(p => p.textContent === 'Clientele');\n\
             return getComputedStyle(name.parentElement).backgroundColor;",
            vec![],
        )
        .await;
    assert_eq!(bar, json!("rgb(31, 78, 121)"), "the name's bar");
    // The hint for a browser that cannot run the app waits 20 s.
    let hint = app
        .client()
        .find(Locator::XPath(
            "//p[starts-with(normalize-space(.), 'Still loading?')]",
        ))
        .await
        .expect("the hint is in the page");
    assert!(!hint.is_displayed().await.unwrap(), "the hint waits");
    for width in [WIDE, NARROW] {
        app.set_width(width).await;
        let failures = app
            .audit(&format!("the loading screen at {width} px"))
            .await;
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert_eq!(app.scrolls_sideways().await, None, "at {width} px");
    }

    // Holding the wasm back is an error in the console; what follows may add none.
    let held_back = app.console_errors().len();

    // With its script, the app replaces the loading screen.
    app.cdp("Network.setBlockedURLs", json!({ "urls": [] }));
    app.reload().await;
    app.wait_for_main_heading("Home").await;
    wait_until("the loading screen is gone", async || {
        let left = app
            .run(
                "return [...document.querySelectorAll('p, [role=status]')]\n\
                   .filter(e => e.textContent.includes('Loading…') || e.textContent === arguments[0]\n\
                     || e.textContent === arguments[1])\n\
                   .length;",
                vec![json!(WHAT_IT_IS), json!(CO_TO_JEST)],
            )
            .await;
        match left.as_u64() {
            Some(0) => Ok(()),
            _ => Err(format!("{left} of its parts are still there")),
        }
    })
    .await;
    assert!(
        app.find(Role::Status, Name::StartsWith("Loading"))
            .await
            .is_err(),
        "no status says Loading…"
    );

    // The host sent the files compressed, where the build has a copy.
    let served = app.served();
    for suffix in ["_bg.wasm", ".js", ".css"] {
        let request = served
            .iter()
            .rfind(|r| r.path.ends_with(suffix))
            .unwrap_or_else(|| panic!("the page loaded its {suffix} file: {served:#?}"));
        assert!(
            matches!(request.encoding, Some("br" | "gzip")),
            "the {suffix} file came compressed: {request:?}"
        );
    }
    // Those copies are the host's business: the service worker keeps the
    // files themselves.
    let worker = std::fs::read_to_string(app.served_dir().join("sw.js")).unwrap();
    let assets = worker
        .lines()
        .find(|line| line.starts_with("const ASSETS = "))
        .expect("the worker's list of files");
    assert!(assets.contains("_bg.wasm\""), "{assets}");
    assert!(
        !assets.contains(".gz\"") && !assets.contains(".br\""),
        "{assets}"
    );
    let errors = app.console_errors();
    assert_eq!(
        errors[held_back..],
        [] as [String; 0],
        "console errors once the wasm came"
    );
}
