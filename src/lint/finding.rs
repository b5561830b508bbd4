//! One finding: what is weak, and the line of the record it is about.

/// One weakness, and the line of the record it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The 1-based line in the record, when there is one to point at.
    pub line: Option<usize>,
    /// What is weak and what to do about it.
    pub message: String,
}

impl Finding {
    /// A finding about `line`; 0 when there is no line to point at.
    pub fn at(line: usize, message: String) -> Self {
        Finding {
            line: (line > 0).then_some(line),
            message,
        }
    }
}
