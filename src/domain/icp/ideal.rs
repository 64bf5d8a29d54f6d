//! The ideal profile, row by row, and its parts: the most common answers,
//! typical spans, averages and shares of yes answers.

use rust_decimal::Decimal;

/// The most common answers of a text row, with their counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mode {
    /// The most common answers (several when tied), as first written.
    pub values: Vec<String>,
    /// How many columns gave each of them.
    pub count: usize,
    /// How many columns answered at all.
    pub known: usize,
}

/// A typical span of a numeric row: the median of the low ends to the
/// median of the high ends, and the smallest to the largest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typical<T> {
    /// Median of the low ends.
    pub median_low: T,
    /// Median of the high ends (equal to `median_low` when all are exact).
    pub median_high: T,
    /// Smallest low end.
    pub min: T,
    /// Largest high end.
    pub max: T,
    /// How many columns answered.
    pub known: usize,
}

/// A share of yes answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    /// Columns that answered yes.
    pub yes: usize,
    /// Columns that answered yes or no.
    pub known: usize,
}

impl Share {
    /// Whether most known answers are yes.
    pub fn mostly_yes(self) -> bool {
        self.known > 0 && self.yes * 2 > self.known
    }
}

/// An average of known amounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Average {
    /// The mean, to the cent.
    pub mean: Decimal,
    /// Smallest known.
    pub min: Decimal,
    /// Largest known.
    pub max: Decimal,
    /// How many columns were known.
    pub known: usize,
}

/// A purchase shared by several charted customers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPurchase {
    /// The purchase, as first written.
    pub name: String,
    /// How many customers buy it.
    pub count: usize,
}

/// The ideal customer, row by row, derived from the chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IdealProfile {
    /// Columns on the chart.
    pub columns: usize,
    /// Most common industry.
    pub industry: Mode,
    /// Most common type of business.
    pub business_type: Mode,
    /// Typical number of employees.
    pub employees: Option<Typical<u32>>,
    /// Typical revenue.
    pub revenue: Option<Typical<Decimal>>,
    /// Most common location.
    pub location: Mode,
    /// Typical tenure in years.
    pub years: Option<Typical<u32>>,
    /// Purchases most of them share, most shared first.
    pub purchases: Vec<SharedPurchase>,
    /// Columns that listed any purchase.
    pub purchases_known: usize,
    /// Average monthly spend.
    pub monthly_spend: Option<Average>,
    /// Average yearly spend.
    pub yearly_spend: Option<Average>,
    /// Share who referred us.
    pub referred: Share,
    /// Share who gave a testimonial.
    pub testimonial: Share,
}
