//! Canada's holidays: the national ones and each province's and territory's.

use jiff::civil::Weekday;

use super::rules::{Holiday, day, easter, named, nth, shifted};

/// The provinces and territories whose holidays are known, by their ISO
/// 3166-2 codes.
pub(super) const PROVINCES: &[&str] = &[
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// How a holiday that falls on a weekend is made up on a weekday: each
/// always by the same count of days, even onto another holiday.
#[derive(Debug, Clone, Copy)]
enum Observed {
    /// Not at all.
    Never,
    /// On the Monday after, from a Saturday or a Sunday.
    Monday,
    /// On the Monday after a Sunday; a Saturday is lost.
    SundayToMonday,
    /// Two days later, from a Saturday to Monday or from a Sunday to
    /// Tuesday (Boxing Day, when Christmas Day takes the Monday).
    TwoDaysLater,
}

impl Observed {
    /// The weekday `holiday` is made up on, when it falls on a weekend this
    /// rule makes up.
    fn of(self, holiday: &Holiday) -> Option<Holiday> {
        let days = match (self, holiday.date.weekday()) {
            (Self::Monday | Self::TwoDaysLater, Weekday::Saturday)
            | (Self::TwoDaysLater, Weekday::Sunday) => 2,
            (Self::Monday | Self::SundayToMonday, Weekday::Sunday) => 1,
            _ => return None,
        };
        named(
            shifted(Some(holiday.date), days),
            &format!("{} (observed)", holiday.name),
        )
    }
}

/// A holiday (if it is kept that year) and how it is made up when it falls
/// on a weekend.
type Rule = (Option<Holiday>, Observed);

/// Canada's national holidays and, with a province or territory, its own;
/// each with the weekday it is observed on when it falls on a weekend.
pub(super) fn canada(year: i16, province: Option<&str>) -> Vec<Holiday> {
    let mut rules = national(year, province.map_or(Observed::Never, canada_day));
    rules.extend(
        province
            .map(|province| own(year, province))
            .into_iter()
            .flatten(),
    );
    rules
        .into_iter()
        .flat_map(|(holiday, observed)| {
            let made_up = holiday.as_ref().and_then(|holiday| observed.of(holiday));
            holiday.into_iter().chain(made_up)
        })
        .collect()
}

/// The holidays of the whole country; Canada Day is made up as
/// `canada_day` says, the provinces' to give, as Python's `holidays` has it.
fn national(year: i16, canada_day: Observed) -> Vec<Rule> {
    vec![
        (named(day(year, 1, 1), "New Year's Day"), Observed::Monday),
        (
            named(shifted(easter(year), -2), "Good Friday"),
            Observed::Never,
        ),
        (named(day(year, 7, 1), "Canada Day"), canada_day),
        (
            named(nth(year, 9, Weekday::Monday, 1), "Labour Day"),
            Observed::Never,
        ),
        (named(day(year, 12, 25), "Christmas Day"), Observed::Monday),
    ]
}

/// How `province` makes up Canada Day when it falls on a weekend.
fn canada_day(province: &str) -> Observed {
    match province {
        "NL" | "PE" | "SK" | "YT" => Observed::Monday,
        "AB" | "BC" | "QC" => Observed::SundayToMonday,
        _ => Observed::Never,
    }
}

/// The holidays `province` (an ISO 3166-2 code) keeps besides the
/// national ones.
fn own(year: i16, province: &str) -> Vec<Rule> {
    match province {
        "AB" => alberta(year),
        "BC" => british_columbia(year),
        "MB" => manitoba(year),
        "NB" => new_brunswick(year),
        "NL" => newfoundland_and_labrador(year),
        "NS" => nova_scotia(year),
        "NT" => northwest_territories(year),
        "NU" => nunavut(year),
        "ON" => ontario(year),
        "PE" => prince_edward_island(year),
        "QC" => quebec(year),
        "SK" => saskatchewan(year),
        "YT" => yukon(year),
        _ => Vec::new(),
    }
}

/// Alberta: Family Day, Victoria Day, Thanksgiving and Remembrance Day.
fn alberta(year: i16) -> Vec<Rule> {
    vec![
        (february(year, 3, "Family Day"), Observed::Never),
        (victoria_day(year), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Monday),
    ]
}

/// British Columbia: Family Day (the second Monday of February until
/// 2018, the third since), Victoria Day, British Columbia Day, the
/// National Day for Truth and Reconciliation (since 2023), Thanksgiving
/// and Remembrance Day.
fn british_columbia(year: i16) -> Vec<Rule> {
    let family_day = february(year, if year < 2019 { 2 } else { 3 }, "Family Day");
    vec![
        (family_day.filter(|_| year >= 2013), Observed::Never),
        (victoria_day(year), Observed::Never),
        (august(year, 1, "British Columbia Day"), Observed::Never),
        (truth_and_reconciliation(year, 2023), Observed::Monday),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Never),
        (queens_funeral(year), Observed::Never),
    ]
}

/// Manitoba: Louis Riel Day (since 2008), Victoria Day, the National Day
/// for Truth and Reconciliation (since 2024) and Thanksgiving.
fn manitoba(year: i16) -> Vec<Rule> {
    vec![
        (
            since(year, 2008, february(year, 3, "Louis Riel Day")),
            Observed::Never,
        ),
        (victoria_day(year), Observed::Never),
        (truth_and_reconciliation(year, 2024), Observed::Monday),
        (thanksgiving(year), Observed::Never),
    ]
}

/// New Brunswick: Family Day (since 2018), New Brunswick Day and
/// Remembrance Day.
fn new_brunswick(year: i16) -> Vec<Rule> {
    vec![
        (
            since(year, 2018, february(year, 3, "Family Day")),
            Observed::Never,
        ),
        (august(year, 1, "New Brunswick Day"), Observed::Never),
        (remembrance_day(year), Observed::Never),
        (queens_funeral(year), Observed::Never),
    ]
}

/// Newfoundland and Labrador: Memorial Day (on Canada Day, and made up
/// with it) and Remembrance Day.
fn newfoundland_and_labrador(year: i16) -> Vec<Rule> {
    vec![
        (named(day(year, 7, 1), "Memorial Day"), Observed::Monday),
        (remembrance_day(year), Observed::Monday),
        (queens_funeral(year), Observed::Never),
    ]
}

/// Nova Scotia: Heritage Day (since 2015) and Remembrance Day.
fn nova_scotia(year: i16) -> Vec<Rule> {
    vec![
        (
            since(year, 2015, february(year, 3, "Heritage Day")),
            Observed::Never,
        ),
        (remembrance_day(year), Observed::Monday),
        (queens_funeral(year), Observed::Never),
    ]
}

/// The Northwest Territories: Victoria Day, National Aboriginal Day
/// (since 2001), the Civic Holiday, the National Day for Truth and
/// Reconciliation (since 2022), Thanksgiving and Remembrance Day.
fn northwest_territories(year: i16) -> Vec<Rule> {
    let aboriginal = named(day(year, 6, 21), "National Aboriginal Day");
    vec![
        (victoria_day(year), Observed::Never),
        (since(year, 2001, aboriginal), Observed::Never),
        (august(year, 1, "Civic Holiday"), Observed::Never),
        (truth_and_reconciliation(year, 2022), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Never),
    ]
}

/// Nunavut: Victoria Day, Nunavut Day (a public holiday since 2020), the
/// Civic Holiday, the National Day for Truth and Reconciliation (since
/// 2022), Thanksgiving and Remembrance Day.
fn nunavut(year: i16) -> Vec<Rule> {
    vec![
        (victoria_day(year), Observed::Never),
        (
            since(year, 2020, named(day(year, 7, 9), "Nunavut Day")),
            Observed::Never,
        ),
        (august(year, 1, "Civic Holiday"), Observed::Never),
        (truth_and_reconciliation(year, 2022), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Never),
    ]
}

/// Ontario: Family Day (since 2008), Victoria Day, Thanksgiving and Boxing
/// Day.
fn ontario(year: i16) -> Vec<Rule> {
    vec![
        (
            since(year, 2008, february(year, 3, "Family Day")),
            Observed::Never,
        ),
        (victoria_day(year), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (
            named(day(year, 12, 26), "Boxing Day"),
            Observed::TwoDaysLater,
        ),
    ]
}

/// Prince Edward Island: Islander Day (the second Monday of February in
/// 2009, the third since), the National Day for Truth and Reconciliation
/// (since 2022) and Remembrance Day.
fn prince_edward_island(year: i16) -> Vec<Rule> {
    let islander_day = february(year, if year < 2010 { 2 } else { 3 }, "Islander Day");
    vec![
        (since(year, 2009, islander_day), Observed::Never),
        (truth_and_reconciliation(year, 2022), Observed::Never),
        (remembrance_day(year), Observed::Monday),
        (queens_funeral(year), Observed::Never),
    ]
}

/// Quebec: National Patriots' Day (on Victoria Day, since 2003),
/// Saint-Jean-Baptiste Day and Thanksgiving.
fn quebec(year: i16) -> Vec<Rule> {
    let patriots = victoria_day(year).map(|day| Holiday {
        name: "National Patriots' Day".to_owned(),
        ..day
    });
    vec![
        (since(year, 2003, patriots), Observed::Never),
        (
            named(day(year, 6, 24), "Saint-Jean-Baptiste Day"),
            Observed::SundayToMonday,
        ),
        (thanksgiving(year), Observed::Never),
    ]
}

/// Saskatchewan: Family Day (since 2007), Victoria Day, Saskatchewan Day,
/// Thanksgiving and Remembrance Day.
fn saskatchewan(year: i16) -> Vec<Rule> {
    vec![
        (
            since(year, 2007, february(year, 3, "Family Day")),
            Observed::Never,
        ),
        (victoria_day(year), Observed::Never),
        (august(year, 1, "Saskatchewan Day"), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Monday),
    ]
}

/// Yukon: Victoria Day, National Aboriginal Day (since 2017), Discovery
/// Day, the National Day for Truth and Reconciliation (since 2023),
/// Thanksgiving and Remembrance Day.
fn yukon(year: i16) -> Vec<Rule> {
    let aboriginal = named(day(year, 6, 21), "National Aboriginal Day");
    vec![
        (victoria_day(year), Observed::Never),
        (since(year, 2017, aboriginal), Observed::Never),
        (august(year, 3, "Discovery Day"), Observed::Never),
        (truth_and_reconciliation(year, 2023), Observed::Never),
        (thanksgiving(year), Observed::Never),
        (remembrance_day(year), Observed::Monday),
        (queens_funeral(year), Observed::Never),
    ]
}

/// `holiday`, when `year` is `first` or later.
fn since(year: i16, first: i16, holiday: Option<Holiday>) -> Option<Holiday> {
    holiday.filter(|_| year >= first)
}

/// The `n`th Monday of February, named `name` (Family Day and its kin).
fn february(year: i16, n: i8, name: &str) -> Option<Holiday> {
    named(nth(year, 2, Weekday::Monday, n), name)
}

/// The `n`th Monday of August, named `name` (the Civic Holiday and its
/// kin).
fn august(year: i16, n: i8, name: &str) -> Option<Holiday> {
    named(nth(year, 8, Weekday::Monday, n), name)
}

/// Victoria Day: the last Monday on or before May 24.
fn victoria_day(year: i16) -> Option<Holiday> {
    let monday = day(year, 5, 25).and_then(|after| after.nth_weekday(-1, Weekday::Monday).ok());
    named(monday, "Victoria Day")
}

/// Thanksgiving: the second Monday of October.
fn thanksgiving(year: i16) -> Option<Holiday> {
    named(nth(year, 10, Weekday::Monday, 2), "Thanksgiving Day")
}

/// Remembrance Day: November 11.
fn remembrance_day(year: i16) -> Option<Holiday> {
    named(day(year, 11, 11), "Remembrance Day")
}

/// The National Day for Truth and Reconciliation, September 30, where it
/// is a holiday from `first` on.
fn truth_and_reconciliation(year: i16, first: i16) -> Option<Holiday> {
    let holiday = named(
        day(year, 9, 30),
        "National Day for Truth and Reconciliation",
    );
    since(year, first, holiday)
}

/// The funeral of Queen Elizabeth II, a holiday in 2022 in some provinces.
fn queens_funeral(year: i16) -> Option<Holiday> {
    named(day(year, 9, 19), "Funeral of Queen Elizabeth II").filter(|_| year == 2022)
}
