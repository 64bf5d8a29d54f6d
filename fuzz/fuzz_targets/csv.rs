//! Any bytes, read as a customer list from a CRM: parsed as CSV, its
//! columns mapped by their headers, and its rows read into profiles and
//! matched with profiles here, by company name and by web domain. Nothing
//! may panic.
#![no_main]

use clientele::domain::csv::{MatchOn, guess_mapping, parse, read_rows};
use clientele::domain::{Profile, Timestamp};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The browser reads a chosen file as UTF-8, replacing what is not.
    let text = String::from_utf8_lossy(data);
    let Ok(table) = parse(&text) else { return };
    let now: Timestamp = "2026-11-22T09:00:00Z".parse().unwrap();
    let mapping = guess_mapping(&table.headers);
    // Profiles here that rows may match, with and without a web address.
    let mut here = vec![
        Profile::new("Northwind Traders, Ltd".to_owned(), now),
        Profile::new("Contoso".to_owned(), now),
    ];
    here[0].website = Some("https://www.northwind.com".to_owned());
    for match_on in [MatchOn::CompanyName, MatchOn::WebDomain] {
        let outcome = read_rows(&table, &mapping, match_on, &here, now);
        // Reading the same rows again gives the same profiles.
        let again = read_rows(&table, &mapping, match_on, &here, now);
        assert_eq!(outcome.created, again.created);
        assert_eq!(outcome.matched, again.matched);
    }
});
