//! What `check` read into a record that the record does not say in so
//! many words: a recruiter who interviewed the candidate, one person
//! written twice, cards left out after a phone call. Told as notes, not
//! warnings: nothing is wrong, but the user should know.

use super::finding::Finding;
use crate::english;
use crate::plan::holidays::{self, COVERED};
use crate::record::{Medium, Record, Who};

/// A note for each thing read into `record`.
pub fn inferences(record: &Record) -> Vec<Finding> {
    let mut notes = Vec::new();
    if let Some(recruiter) = &record.recruiter {
        let line = record
            .lines
            .recruiter
            .as_ref()
            .map_or(0, |lines| lines.name);
        let name = &recruiter.person.name;
        if let Some(also) = recruiter.also_interviewer_at {
            notes.push(Finding::at(
                also,
                format!(
                    "{name} is both the recruiter and an interviewer: read as one person, who gets the thank-you notes and the check-ins"
                ),
            ));
        } else if !recruiter.person.topics.is_empty() {
            let alone = if record.interviewers.is_empty() {
                "a screen with the recruiter alone: "
            } else {
                ""
            };
            notes.push(Finding::at(
                line,
                format!(
                    "{alone}{name} has topics, so is read as having interviewed you, and gets the thank-you email as well as the check-ins"
                ),
            ));
        }
    }
    match COVERED.iter().find(|(country, _)| *country == record.country) {
        None => notes.push(Finding::at(
            0,
            format!(
                "the public holidays of {} are not known to thankyou yet (it knows {}), so a step may fall on one; list days off under `holidays:`",
                record.country,
                english::join_and(COVERED.iter().map(|(country, _)| *country))
            ),
        )),
        Some((country, regions)) => {
            if let Some(region) = &record.region
                && !regions.contains(&region.as_str())
            {
                notes.push(Finding::at(
                    0,
                    format!(
                        "region {region} has no holidays of its own that thankyou knows for {country}; the country's apply"
                    ),
                ));
            }
        }
    }
    if let Some(unknown) = unknown_holidays(record) {
        notes.push(Finding::at(
            record.lines.interview_date,
            format!("{unknown}, so a step may fall on one; list days off under `holidays:`"),
        ));
    }
    if record.medium == Medium::Phone && record.interviewed().all(|(_, person)| !person.card) {
        notes.push(Finding::at(
            record.lines.interview_date,
            "no cards are planned after a phone interview; set `cards: true` to send them".into(),
        ));
    }
    notes
}

/// What is not known of the holidays of the record's country in the weeks
/// its plan spans.
fn unknown_holidays(record: &Record) -> Option<String> {
    let start = record.interview_date;
    let end = start.saturating_add(jiff::Span::new().days(PLAN_SPAN_DAYS));
    (start.year()..=end.year()).find_map(|year| holidays::unknown(&record.country, year))
}

/// About how long a plan runs, from the interview to the closing note.
const PLAN_SPAN_DAYS: i64 = 60;

/// Honorifics a job title implies, in the order they are looked for.
const IMPLIED: &[(&[&str], &str)] = &[
    (&["professor", "lecturer"], "Professor"),
    (&["judge", "justice"], "Judge"),
    (&["physician", "surgeon", "md", "phd", "doctor"], "Dr."),
];

/// The honorific a person's title implies at `company`: "Professor" for
/// a professor, or the chair of a department or a dean at a university.
pub fn implied_honorific(title: &str, company: &str) -> Option<&'static str> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let has = |word: &str| words.iter().any(|one| one == word);
    if let Some((_, honorific)) = IMPLIED
        .iter()
        .find(|(titles, _)| titles.iter().any(|title| has(title)))
    {
        return Some(honorific);
    }
    let academic = ["university", "college", "institute", "school"]
        .iter()
        .any(|word| company.to_lowercase().contains(word));
    (academic && (has("chair") || has("dean") || has("provost"))).then_some("Professor")
}

/// In a formal record, a warning for each person whose title implies an
/// honorific the record does not give: the greeting would use the full name.
pub fn missing_honorifics(record: &Record) -> Vec<Finding> {
    if record.tone != crate::record::Tone::Formal {
        return Vec::new();
    }
    record
        .people()
        .filter(|(_, person)| person.honorific.is_none())
        .filter_map(|(who, person)| {
            let title = person.title.as_deref()?;
            let honorific = implied_honorific(title, &record.company)?;
            let line = match who {
                Who::Interviewer(index) => record.lines.interviewers.get(index),
                Who::Recruiter => record.lines.recruiter.as_ref(),
            }
            .map_or(0, |lines| lines.name);
            Some(Finding::at(
                line,
                format!(
                    "{}'s title ({title}) suggests an honorific: add `honorific: {honorific}` to greet them \"Dear {honorific} {}\" rather than by full name",
                    person.name, person.surname
                ),
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_imply_honorifics() {
        let university = "Westbrook University";
        for (title, expected) in [
            ("Associate Professor of Chemistry", Some("Professor")),
            ("Chair of the Department of Chemistry", Some("Professor")),
            ("Dean of Engineering", Some("Professor")),
            ("Attending Physician", Some("Dr.")),
            ("HR Partner", None),
            ("Professorship Coordinator", None),
        ] {
            assert_eq!(implied_honorific(title, university), expected, "{title}");
        }
        assert_eq!(
            implied_honorific("Chair of the Board", "Northwind Traders"),
            None
        );
    }
}
