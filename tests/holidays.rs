//! The public holidays against an independent oracle: Python's `holidays`
//! package (installed by `.ci/run`), for every covered country and region
//! and every year from 2020 to 2040.

use thankyou::plan::holidays::{COVERED, holidays, unknown};

use crate::test::{Test, python};

/// A holiday the oracle lists that `thankyou` leaves out on purpose: the
/// place, the date and why.
type Intended = (&'static str, &'static str, &'static str);

/// Where `country`'s holidays differ from the oracle's, for every year
/// from 2020 to 2040, in it and in each of its covered regions.
fn differences_from_python(country: &str, intentional: &[Intended]) -> Vec<String> {
    let script = r"
import sys, holidays
for place in sys.argv[1:]:
    country, _, subdiv = place.partition('-')
    for year in range(2020, 2041):
        days = holidays.country_holidays(country, subdiv=subdiv or None, years=year)
        for date, name in sorted(days.items()):
            if date.year == year:
                print(place, date.isoformat(), name, sep='\t')
";
    let (_, regions) = COVERED
        .iter()
        .find(|(covered, _)| *covered == country)
        .unwrap_or_else(|| panic!("{country} is not covered"));
    let mut places = vec![country.to_owned()];
    places.extend(regions.iter().map(|region| format!("{country}-{region}")));
    let args: Vec<&std::ffi::OsStr> = places.iter().map(std::ffi::OsStr::new).collect();
    let oracle = python(script, &args, None);
    let mut differences = Vec::new();
    for place in &places {
        let region = place.split_once('-').map(|(_, region)| region);
        let expected: Vec<(&str, &str)> = oracle
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                (fields.next() == Some(place.as_str()))
                    .then(|| (fields.next().unwrap(), fields.next().unwrap()))
            })
            .collect();
        assert!(
            expected.len() > 100,
            "{place}: only {} dates from the oracle",
            expected.len()
        );
        let mut ours: Vec<String> = (2020..=2040)
            .flat_map(|year| holidays(country, region, year).unwrap())
            .map(|holiday| holiday.date.to_string())
            .collect();
        ours.sort();
        ours.dedup();
        for (date, name) in &expected {
            let year: i16 = date[..4].parse().unwrap();
            let intended = intentional
                .iter()
                .any(|(at, day, _)| at == place && day == date)
                || (name.contains("(estimated)") && unknown(country, year).is_some());
            if !ours.iter().any(|ours| ours == date) && !intended {
                differences.push(format!("{place}: missing {date} {name}"));
            }
        }
        for date in &ours {
            if !expected.iter().any(|(expected, _)| expected == date) {
                differences.push(format!("{place}: extra {date}"));
            }
        }
    }
    differences
}

/// Asserts that `country` and its regions match the oracle, but for the
/// `intentional` differences.
fn matches_python(country: &str, intentional: &[Intended]) {
    let differences = differences_from_python(country, intentional);
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn united_states_matches_python_holidays() {
    matches_python("US", &[]);
}

#[test]
fn britain_and_its_nations_match_python_holidays() {
    matches_python(
        "GB",
        &[
            // Announced only for the case that Scotland reaches the final,
            // which a plan written months ahead cannot know.
            (
                "GB-SCT",
                "2026-06-15",
                "Scotland's participation in the FIFA World Cup final",
            ),
        ],
    );
}

#[test]
fn ireland_matches_python_holidays() {
    matches_python("IE", &[]);
}

#[test]
fn canada_and_its_provinces_match_python_holidays() {
    matches_python("CA", &[]);
}

#[test]
fn australia_and_its_states_match_python_holidays() {
    matches_python("AU", &[]);
}

#[test]
fn new_zealand_and_its_regions_match_python_holidays() {
    matches_python("NZ", &[]);
}

#[test]
fn india_matches_python_holidays() {
    // Past `LUNAR_YEARS`, Python still estimates the Islamic festivals
    // from the Hijri calendar (it has no Hindu ones there); `thankyou`
    // leaves every lunar festival out and `check` says so. Those are
    // passed over in `differences_from_python`, as a class.
    matches_python("IN", &[]);
}

#[test]
fn every_covered_country_has_its_test() {
    let source: String = include_str!("holidays.rs").split_whitespace().collect();
    for (country, _) in COVERED {
        assert!(
            source.contains(&format!("matches_python(\"{country}\"")),
            "{country} has no comparison with Python's holidays"
        );
    }
}

/// A one-interviewer record interviewed on `date`, with `extra` lines.
fn record(date: &str, extra: &str) -> String {
    format!(
        "candidate: {{name: Jordan Lee}}\ncompany: Northwind Traders\nrole: Data Engineer\ninterview_date: {date}\ninterviewers:\n  - name: Priya Shah\n    topics: [the schema registry]\n{extra}"
    )
}

/// The schedule of `record` as a table.
fn schedule(record: &str) -> String {
    Test::new()
        .record(record)
        .args(["schedule", "record.yaml"])
        .any_stdout()
        .run()
        .stdout
}

#[test]
fn no_step_falls_on_a_public_holiday_and_the_schedule_says_why() {
    // Thanksgiving: the check-in a week after Thursday 19 November.
    assert_eq!(
        schedule(&record("2026-11-19", "")),
        "\
WHEN                   WHAT               TO
Thursday, November 19  send email         Priya Shah
Friday, November 20    mail card          Priya Shah
Friday, November 27    send check-in 1    Priya Shah
                       moved from Thursday, November 26: Thanksgiving Day
Friday, December 4     send check-in 2    Priya Shah
Friday, December 11    send closing note  Priya Shah
"
    );
    // Christmas Day and New Year's Day, a week apart.
    assert_eq!(
        schedule(&record("2026-12-18", "")),
        "\
WHEN                   WHAT               TO
Friday, December 18    send email         Priya Shah
Saturday, December 19  mail card          Priya Shah
Monday, December 28    send check-in 1    Priya Shah
                       moved from Friday, December 25: Christmas Day
Monday, January 4      send check-in 2    Priya Shah
Monday, January 11     send closing note  Priya Shah
"
    );
    // A card not mailed on Christmas Day.
    assert!(schedule(&record("2026-12-24", "")).contains(
        "Saturday, December 26  mail card          Priya Shah\n                       moved from Friday, December 25: Christmas Day\n"
    ));
}

#[test]
fn scotland_keeps_the_second_of_january_and_the_record_its_own_days_off() {
    // The first check-in is due the day after the decision date, 1 January.
    let decided = "recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-01-01\nlocale: en-GB\n";
    let scottish = schedule(&record("2025-12-17", &format!("{decided}region: SCT\n")));
    assert!(
        scottish.contains("Monday 5 January       send check-in 1    Sam Ortiz\n                       moved from Friday 2 January: New Year Holiday\n"),
        "{scottish}"
    );
    let english = schedule(&record("2025-12-17", &format!("{decided}region: ENG\n")));
    assert!(
        english.contains("Friday 2 January       send check-in 1"),
        "{english}"
    );
    let closed = record("2026-11-10", "holidays: [2026-11-17]\n");
    assert!(
        schedule(&closed).contains("moved from Tuesday, November 17: a day off in your record")
    );
}

#[test]
fn the_config_folder_says_where_the_candidate_lives() {
    let decided = "recruiter:\n  name: Sam Ortiz\n  decision_date: 2026-01-01\n";
    let with_config = |config: &str, extra: &str| {
        Test::new()
            .file("no-config/thankyou/config.yaml", config.as_bytes())
            .record(&record("2025-12-17", &format!("{decided}{extra}")))
            .args(["schedule", "record.yaml"])
            .any_stdout()
            .run()
            .stdout
    };
    let scottish = with_config("locale: en-GB\ncountry: GB\nregion: SCT\n", "");
    assert!(
        scottish.contains("moved from Friday 2 January: New Year Holiday"),
        "{scottish}"
    );
    // The config's region is Scotland's: a record set in Canada does not
    // take it, and a record's own region wins.
    let canadian = with_config("country: GB\nregion: SCT\n", "country: CA\n");
    assert!(
        canadian.contains("Friday, January 2       send check-in 1"),
        "{canadian}"
    );
    let english = with_config("locale: en-GB\ncountry: GB\nregion: SCT\n", "region: ENG\n");
    assert!(
        english.contains("Friday 2 January       send check-in 1"),
        "{english}"
    );
    Test::new()
        .file("no-config/thankyou/config.yaml", b"country: Scotland\n")
        .record(&record("2025-12-17", ""))
        .args(["schedule", "record.yaml"])
        .status(1)
        .stderr_contains(
            "config.yaml:1:10: `country`: `Scotland` is not a country code; write two letters, such as `GB` or `IE`",
        )
        .run();
}

#[test]
fn check_says_when_a_countrys_festivals_are_not_known_for_the_year() {
    let indian = |date: &str| record(date, "locale: en-IN\n");
    Test::new()
        .record(&indian("2040-03-02"))
        .args(["check", "record.yaml", "--today", "2040-03-02"])
        .stderr_contains("record.yaml:4: note: India's festivals that follow lunar calendars (Holi, Diwali, Eid and others) are known for 2001 to 2035 only, so a step may fall on one; list days off under `holidays:`\n")
        .run();
    let known = Test::new()
        .record(&indian("2026-03-02"))
        .args(["check", "record.yaml", "--today", "2026-03-02"])
        .any_stderr()
        .run()
        .stderr;
    assert!(!known.contains("lunar"), "{known}");
}

#[test]
fn the_thank_you_email_goes_on_the_interview_day_even_a_holiday() {
    // An interview held on Guru Nanak's Birthday: the office was open.
    let indian = record("2026-11-24", "locale: en-IN\n");
    let plan = schedule(&indian);
    assert!(
        plan.starts_with("WHEN                   WHAT               TO\nTuesday 24 November    send email         Priya Shah\n"),
        "{plan}"
    );
    assert!(!plan.contains("Guru Nanak"), "{plan}");
}
