//! The languages of the interface, and how each writes counts, numbers,
//! money and dates (#20): Polish sales teams are the first users.
//!
//! Only the way values are shown depends on the language; what people type
//! is read in either form whatever the language ([`super::input`]), and the
//! user's own data is never translated.

use super::Date;
use super::decimal::grouped_with;
pub use crate::i18n::{Language, NO_BREAK_SPACE, Plural};
use rust_decimal::Decimal;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An amount with its currency in the interface's language (see
/// [`Language::money`]).
pub fn money(value: Decimal, currency: &str) -> String {
    crate::i18n::language().money(value, currency)
}

impl Language {
    /// `n` and the form of the noun it takes, from the noun's `[one, few,
    /// many]` forms (English: `[one, other, other]`): "5 profili".
    pub fn count(self, n: u64, forms: [&str; 3]) -> String {
        let form = match self.plural(n) {
            Plural::One => forms[0],
            Plural::Few => forms[1],
            Plural::Many => forms[2],
        };
        format!("{} {form}", self.number(Decimal::from(n)))
    }

    /// A number for reading: "1,250,000.5" in English, "1 250 000,50" in
    /// Polish (two places once there is a fraction, as amounts are written).
    pub fn number(self, value: Decimal) -> String {
        match self {
            Language::English => grouped_with(value, ',', '.'),
            Language::Polish => grouped_with(value, NO_BREAK_SPACE, ','),
        }
    }

    /// An amount with its currency: "1,250,000.50 PLN" in English,
    /// "1 250 000,50 zł" in Polish, which writes its own currency as zł
    /// and others by their code. Just the amount without a currency.
    pub fn money(self, value: Decimal, currency: &str) -> String {
        let amount = self.number(value);
        let currency = match (self, currency) {
            (_, "") => return amount,
            (Language::Polish, "PLN") => "zł",
            (_, code) => code,
        };
        format!("{amount}{NO_BREAK_SPACE}{currency}")
    }

    /// A day for reading: "Dec 5, 2026" in English, "05.12.2026" in Polish.
    pub fn date(self, day: Date) -> String {
        match self {
            Language::English => format!(
                "{} {}, {}",
                MONTHS[day.month() as usize - 1],
                day.day(),
                day.year()
            ),
            Language::Polish => format!("{:02}.{:02}.{}", day.day(), day.month(), day.year()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn polish_counts_take_one_of_three_forms() {
        let profiles = ["profil", "profile", "profili"];
        let criteria = ["kryterium", "kryteria", "kryteriów"];
        let pl = Language::Polish;
        for (n, profile, criterion) in [
            (0, "0 profili", "0 kryteriów"),
            (1, "1 profil", "1 kryterium"),
            (2, "2 profile", "2 kryteria"),
            (4, "4 profile", "4 kryteria"),
            (5, "5 profili", "5 kryteriów"),
            (11, "11 profili", "11 kryteriów"),
            (12, "12 profili", "12 kryteriów"),
            (14, "14 profili", "14 kryteriów"),
            (21, "21 profili", "21 kryteriów"),
            (22, "22 profile", "22 kryteria"),
            (104, "104 profile", "104 kryteria"),
            (112, "112 profili", "112 kryteriów"),
        ] {
            assert_eq!(pl.count(n, profiles), profile);
            assert_eq!(pl.count(n, criteria), criterion);
        }
        let thousands = pl.count(1_002, profiles);
        assert_eq!(
            thousands, "1\u{a0}002 profile",
            "grouped, and 2 takes the few form"
        );
        let en = Language::English;
        for (n, shown) in [
            (0, "0 profiles"),
            (1, "1 profile"),
            (2, "2 profiles"),
            (1_250, "1,250 profiles"),
        ] {
            assert_eq!(en.count(n, ["profile", "profiles", "profiles"]), shown);
        }
    }

    #[test]
    fn numbers_money_and_dates_are_written_as_each_language_writes_them() {
        let (en, pl) = (Language::English, Language::Polish);
        assert_eq!(en.number(dec("1250000.50")), "1,250,000.50");
        assert_eq!(pl.number(dec("1250000.50")), "1\u{a0}250\u{a0}000,50");
        assert_eq!(pl.number(dec("-12500.5")), "-12\u{a0}500,50");
        assert_eq!(pl.number(dec("999")), "999");
        assert_eq!(
            pl.money(dec("1250000.50"), "PLN"),
            "1\u{a0}250\u{a0}000,50\u{a0}zł"
        );
        assert_eq!(pl.money(dec("85000"), "EUR"), "85\u{a0}000\u{a0}EUR");
        assert_eq!(en.money(dec("1250000.50"), "PLN"), "1,250,000.50\u{a0}PLN");
        assert_eq!(en.money(dec("12"), ""), "12");
        let day = Date::new(2026, 12, 5).unwrap();
        assert_eq!(en.date(day), "Dec 5, 2026");
        assert_eq!(pl.date(day), "05.12.2026");
    }

    #[test]
    fn the_first_choice_follows_the_browsers_languages() {
        assert_eq!(Language::preferred(["pl-PL", "en-US"]), Language::Polish);
        assert_eq!(
            Language::preferred(["de-DE", "en-GB", "pl"]),
            Language::English
        );
        assert_eq!(Language::preferred(["de-DE", "fr"]), Language::English);
        assert_eq!(Language::preferred([]), Language::English);
        assert_eq!(Language::from_code("PL_pl"), Some(Language::Polish));
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
    }
}
