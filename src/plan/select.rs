//! Which steps of a plan the user asked for: by kind, by recipient, by
//! check-in.

use super::due;
use super::steps::Step;
use crate::error::{Error, Result};
use crate::record::{Found, Kind, Record};

/// Which steps of a plan to write.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The kinds wanted; empty means all.
    pub kinds: Vec<Kind>,
    /// Only steps to the person this name means: the full name, the first
    /// name or the surname, ignoring case and accents.
    pub to: Option<String>,
    /// Only this check-in, counting from 1.
    pub step: Option<u8>,
    /// Only the steps the log does not show as sent, and none once the
    /// plan has stopped (a closed status, a reply).
    pub pending: bool,
}

impl Selection {
    /// The steps of `plan` this selection keeps; naming someone who is not
    /// in the record is an error that lists who is.
    pub fn apply(&self, record: &Record, plan: Vec<Step>) -> Result<Vec<Step>> {
        let people = match &self.to {
            Some(name) => match record.find(name) {
                Found::One(who) => Some(who),
                found => {
                    return Err(Error::NoSuchRecipient {
                        message: record.not_found(name, &found).unwrap_or_default(),
                    });
                }
            },
            None => None,
        };
        let stopped = self.pending && due::stopped_early(record).is_some();
        Ok(plan
            .into_iter()
            .filter(|step| {
                !(stopped || (self.pending && step.is_logged(record)))
                    && (self.kinds.is_empty() || self.kinds.contains(&step.kind))
                    && people.is_none_or(|who| who == step.who)
                    && self.step.is_none_or(|wanted| step.step == Some(wanted))
            })
            .collect())
    }
}
