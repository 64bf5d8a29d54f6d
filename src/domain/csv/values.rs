//! Reading the CSV cells that have no reader in `input.rs`: statuses and
//! dates as CRMs write them, and the keys rows are matched on.

use crate::domain::Date;
use crate::domain::profile::Status;

/// Which number comes first in a date written with slashes, where
/// `03/04/2026` is 3 April in Poland and most of Europe, 4 March in the US.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlashOrder {
    /// `DD/MM/YYYY`: the default, as the brief asks and as European CRMs
    /// write it.
    #[default]
    DayFirst,
    /// `MM/DD/YYYY`, as US exports (Salesforce, HubSpot reports) write it.
    MonthFirst,
}

impl SlashOrder {
    /// The order a whole column of dates shows. Month first only when some
    /// date can be read no other way (`03/25/2026`) and none can only be
    /// read day first (`25/03/2026`); day first otherwise. A column is
    /// judged as a whole because one export never mixes the two, while a
    /// single `03/04/2026` says nothing by itself.
    pub fn of_column<'a>(cells: impl IntoIterator<Item = &'a str>) -> SlashOrder {
        let (mut day_first, mut month_first) = (false, false);
        for cell in cells {
            if let Some([first, second, _]) = slash_parts(cell) {
                day_first |= first > 12;
                month_first |= second > 12;
            }
        }
        if month_first && !day_first {
            SlashOrder::MonthFirst
        } else {
            SlashOrder::DayFirst
        }
    }
}

/// Reads a date as CRM exports write it:
/// - `YYYY-MM-DD` (ISO, what Clientele itself writes);
/// - `DD.MM.YYYY` (Polish and German exports);
/// - `DD/MM/YYYY` or `MM/DD/YYYY`, as `order` says (see [`SlashOrder`]);
/// - `YYYY/MM/DD`.
///
/// Day and month may have one or two digits; the year needs four, because
/// `14.03.19` would otherwise become the year 19. A time after the date
/// (`2019-03-14T10:22:00Z`, `14.03.2019 10:22`) is ignored: the profile
/// keeps the day only. `None` when the text is no such date or the day does
/// not exist (30 February).
pub fn parse_date(text: &str, order: SlashOrder) -> Option<Date> {
    let date = text.trim().split([' ', 'T']).next()?;
    if date.contains('-') {
        return date.parse().ok();
    }
    if date.contains('.') {
        let [day, month, year] = day_month_year(date, '.')?;
        return Date::new(i32::try_from(year).ok()?, month, day);
    }
    let parts: Vec<&str> = date.split('/').collect();
    if let [year, month, day] = parts[..]
        && year.len() == 4
    {
        return Date::new(
            i32::try_from(number(year, 4)?).ok()?,
            number(month, 2)?,
            number(day, 2)?,
        );
    }
    let [first, second, year] = slash_parts(date)?;
    let (day, month) = match order {
        SlashOrder::DayFirst => (first, second),
        SlashOrder::MonthFirst => (second, first),
    };
    Date::new(i32::try_from(year).ok()?, month, day)
}

/// The three numbers of `N/N/YYYY` (any time after it dropped).
fn slash_parts(text: &str) -> Option<[u32; 3]> {
    day_month_year(text.trim().split([' ', 'T']).next()?, '/')
}

/// `a`, `b` and the year of `a<sep>b<sep>YYYY`, with one or two digits for
/// `a` and `b` and exactly four for the year.
fn day_month_year(text: &str, separator: char) -> Option<[u32; 3]> {
    let mut parts = text.split(separator);
    let (Some(a), Some(b), Some(year), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if year.len() != 4 {
        return None;
    }
    Some([number(a, 2)?, number(b, 2)?, number(year, 4)?])
}

/// 1 to `max_digits` ASCII digits as a number.
fn number(text: &str, max_digits: usize) -> Option<u32> {
    let ok = (1..=max_digits).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| text.parse().ok()).flatten()
}

/// Reads a status in the words CRMs use, in English and Polish, ignoring
/// case, accents and punctuation (`Customer - Direct` is a customer). Only
/// whole phrases from the lists below count: a word that is merely near one
/// (`Partner`, `Closed lost`) is refused rather than guessed, so it is
/// reported instead of silently filed under the wrong status.
pub fn parse_status(text: &str) -> Option<Status> {
    const CUSTOMER: &[&str] = &[
        "customer",
        "client",
        "active",
        "active customer",
        "active client",
        "won",
        "closed won",
        "evangelist",
        "customer direct",
        "customer channel",
        "klient",
        "aktywny",
        "aktywny klient",
        "klient aktywny",
        "staly klient",
    ];
    const PROSPECT: &[&str] = &[
        "prospect",
        "lead",
        "new lead",
        "qualified lead",
        "marketing qualified lead",
        "sales qualified lead",
        "mql",
        "sql",
        "opportunity",
        "subscriber",
        "potential",
        "potential customer",
        "new",
        "prospekt",
        "potencjalny",
        "potencjalny klient",
        "nowy",
        "nowy klient",
        "szansa",
    ];
    const FORMER: &[&str] = &[
        "former",
        "former customer",
        "former client",
        "ex customer",
        "ex client",
        "churned",
        "churned customer",
        "lost customer",
        "inactive",
        "inactive customer",
        "byly",
        "byly klient",
        "nieaktywny",
        "utracony",
        "utracony klient",
    ];
    let words = words(text);
    [
        (CUSTOMER, Status::Customer),
        (PROSPECT, Status::Prospect),
        (FORMER, Status::FormerCustomer),
    ]
    .into_iter()
    .find(|(phrases, _)| phrases.contains(&words.as_str()))
    .map(|(_, status)| status)
}

/// Text as compared with a list of known words: lower case, Polish letters
/// without their accents, anything but letters and digits as one space.
pub(super) fn words(text: &str) -> String {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text meant for one line, with runs of white space (line breaks from a
/// quoted cell included) as one space.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A company name as rows are matched on it: trimmed, lower case, runs of
/// white space as one space. Accents are kept: `Łódź Trans` and
/// `Lodz Trans` may well be two companies.
pub fn name_key(name: &str) -> String {
    one_line(name).to_lowercase()
}

/// The web domain of an address or a bare domain, as rows are matched on
/// it: the host without scheme, user, `www.`, port, path, query or final
/// dot, in lower case (`https://WWW.Acme.com:8080/about` is `acme.com`).
/// `None` when no dotted host is left.
pub fn domain_key(text: &str) -> Option<String> {
    let text = text.trim().to_lowercase();
    let rest = text.split_once("://").map_or(text.as_str(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let plausible = host.contains('.')
        && !host.starts_with('.')
        && !host.contains(char::is_whitespace)
        && !host.contains("..");
    plausible.then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str, order: SlashOrder) -> Option<String> {
        parse_date(text, order).map(|d| d.to_string())
    }

    #[test]
    fn iso_and_dotted_dates_are_read_with_or_without_a_time() {
        let day = SlashOrder::DayFirst;
        assert_eq!(date("2019-03-14", day).as_deref(), Some("2019-03-14"));
        assert_eq!(
            date("2019-03-14T10:22:00.000Z", day).as_deref(),
            Some("2019-03-14")
        );
        assert_eq!(date("2019-03-14 10:22", day).as_deref(), Some("2019-03-14"));
        assert_eq!(date("14.03.2019", day).as_deref(), Some("2019-03-14"));
        assert_eq!(date("4.3.2019 08:00", day).as_deref(), Some("2019-03-04"));
        assert_eq!(date("2019/03/14", day).as_deref(), Some("2019-03-14"));
    }

    #[test]
    fn slash_dates_are_day_first_unless_the_column_shows_otherwise() {
        assert_eq!(
            date("03/04/2026", SlashOrder::DayFirst).as_deref(),
            Some("2026-04-03")
        );
        assert_eq!(
            date("03/04/2026", SlashOrder::MonthFirst).as_deref(),
            Some("2026-03-04")
        );
        assert_eq!(
            SlashOrder::of_column(["3/4/2026", "", "3/25/2026 9:00 AM"]),
            SlashOrder::MonthFirst
        );
        assert_eq!(
            SlashOrder::of_column(["3/4/2026", "25/3/2026"]),
            SlashOrder::DayFirst
        );
        assert_eq!(
            SlashOrder::of_column(["3/4/2026", "2026-05-01"]),
            SlashOrder::DayFirst,
            "nothing shows the order: the default"
        );
        assert_eq!(
            SlashOrder::of_column(["25/3/2026", "3/25/2026"]),
            SlashOrder::DayFirst,
            "a mixed column stays day first; the other dates are refused"
        );
    }

    #[test]
    fn impossible_or_two_digit_year_dates_are_refused() {
        for text in [
            "2019-02-30",
            "30.02.2019",
            "14.03.19",
            "3/14/19",
            "14/13/2019",
            "2019-3-14",
            "14.03.2019.",
            "March 14, 2019",
            "soon",
            "",
        ] {
            assert_eq!(date(text, SlashOrder::DayFirst), None, "{text:?}");
        }
        assert_eq!(date("3/14/2019", SlashOrder::DayFirst), None);
    }

    #[test]
    fn statuses_are_read_from_common_crm_words_in_english_and_polish() {
        let cases = [
            ("Customer", Status::Customer),
            ("CLIENT", Status::Customer),
            ("Klient", Status::Customer),
            ("Customer - Direct", Status::Customer),
            ("Stały klient", Status::Customer),
            ("Prospect", Status::Prospect),
            ("Lead", Status::Prospect),
            ("Marketing Qualified Lead", Status::Prospect),
            ("Potencjalny klient", Status::Prospect),
            ("Former customer", Status::FormerCustomer),
            ("Churned", Status::FormerCustomer),
            ("Były klient", Status::FormerCustomer),
        ];
        for (text, status) in cases {
            assert_eq!(parse_status(text), Some(status), "{text:?}");
        }
        for text in [
            "Partner",
            "Closed lost",
            "VIP",
            "",
            "Channel Partner / Reseller",
        ] {
            assert_eq!(parse_status(text), None, "{text:?}");
        }
    }

    #[test]
    fn domains_lose_scheme_www_port_path_and_case() {
        for text in [
            "acme.com",
            "ACME.com",
            "www.acme.com",
            "https://www.Acme.com/about?x=1#top",
            "http://acme.com:8080",
            "https://user@acme.com/",
            "acme.com.",
            " acme.com/path ",
        ] {
            assert_eq!(domain_key(text).as_deref(), Some("acme.com"), "{text:?}");
        }
        assert_eq!(
            domain_key("shop.acme.co.uk").as_deref(),
            Some("shop.acme.co.uk")
        );
        for text in ["acme", "", "https://", "localhost:8080", "a..b"] {
            assert_eq!(domain_key(text), None, "{text:?}");
        }
    }

    #[test]
    fn names_match_ignoring_case_and_spacing_but_not_accents() {
        assert_eq!(name_key("  Northwind\n Traders  "), "northwind traders");
        assert_eq!(name_key("ACME  Inc"), name_key("acme inc"));
        assert_ne!(name_key("Łódź Trans"), name_key("Lodz Trans"));
    }
}
