//! Finding the wordings that read almost the same without comparing every
//! pair: each wording is compared only with earlier ones that share one of
//! its rarest word pairs, which two wordings that alike always do.

use std::collections::HashMap;

use super::wording::Wording;

/// A word pair of a wording, told apart from the same pair said again:
/// the pair's hash and how many times it came before in that wording, so
/// that the word pairs of a wording are a set and not a multiset.
type Token = (u64, u32);

/// What an empty wording is indexed by: empty wordings read alike (their
/// similarity is 1) and share nothing else.
const EMPTY: Token = (0, u32::MAX);

/// Each pair `(earlier, later)` of `wordings` whose similarity is above
/// `threshold`, sorted, comparing each wording with at most `most` earlier
/// ones: those that share its rarest word pairs, rarest first.
///
/// Two wordings of similarity above `t` share more than `t / (2 - t)` of
/// the word pairs of each, so they share one of the rarest
/// `1 - t / (2 - t)` of each one's word pairs (prefix filtering, as in
/// Chaudhuri, Ganti and Kaushik's set-similarity joins): the result is
/// exact whenever no wording has more than `most` earlier ones sharing such
/// a pair, and the work grows with the number of wordings times `most`,
/// not with every pair.
pub fn similar_pairs(wordings: &[&Wording], threshold: f64, most: usize) -> Vec<(usize, usize)> {
    search(wordings, threshold, most).0
}

/// The pairs [`similar_pairs`] finds, and how many comparisons it made.
fn search(wordings: &[&Wording], threshold: f64, most: usize) -> (Vec<(usize, usize)>, usize) {
    let mut comparisons = 0;
    let tokens: Vec<Vec<Token>> = wordings.iter().map(|wording| tokens(wording)).collect();
    let mut frequency: HashMap<Token, usize> = HashMap::new();
    for token in tokens.iter().flatten() {
        *frequency.entry(*token).or_default() += 1;
    }
    let mut postings: HashMap<Token, Vec<usize>> = HashMap::new();
    let mut seen_by = vec![usize::MAX; wordings.len()];
    let mut pairs = Vec::new();
    for (later, mut own) in tokens.into_iter().enumerate() {
        own.sort_unstable_by_key(|token| (frequency[token], *token));
        own.truncate(prefix_length(own.len(), threshold));
        let mut candidates = Vec::with_capacity(most.min(later));
        'collect: for token in &own {
            for &earlier in postings.get(token).map_or(&[][..], Vec::as_slice) {
                if candidates.len() == most {
                    break 'collect;
                }
                if seen_by[earlier] != later {
                    seen_by[earlier] = later;
                    candidates.push(earlier);
                }
            }
        }
        comparisons += candidates.len();
        pairs.extend(
            candidates
                .into_iter()
                .filter(|&earlier| wordings[earlier].similarity(wordings[later]) > threshold)
                .map(|earlier| (earlier, later)),
        );
        for token in own {
            postings.entry(token).or_default().push(later);
        }
    }
    pairs.sort_unstable();
    (pairs, comparisons)
}

/// The word pairs of `wording` as a set, each repeat told apart.
fn tokens(wording: &Wording) -> Vec<Token> {
    let pairs = wording.pairs();
    if pairs.is_empty() {
        return vec![EMPTY];
    }
    let mut tokens = Vec::with_capacity(pairs.len());
    let mut repeat = 0u32;
    for (index, &pair) in pairs.iter().enumerate() {
        // The pairs are sorted, so a repeat follows the pair it repeats.
        repeat = if index > 0 && pairs[index - 1] == pair {
            repeat + 1
        } else {
            0
        };
        tokens.push((pair, repeat));
    }
    tokens
}

/// How many of a wording's `size` rarest tokens another wording more alike
/// than `threshold` must share one of: all but the fewest it must share,
/// `t / (2 - t)` of its size, less one.
fn prefix_length(size: usize, threshold: f64) -> usize {
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    // Rounded down, which can only lengthen the prefix: never a miss.
    let shared = (threshold * size as f64 / (2.0 - threshold))
        .floor()
        .max(0.0) as usize;
    (size + 1).saturating_sub(shared).clamp(1, size.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair above `threshold`, comparing each with each.
    fn every_pair(wordings: &[&Wording], threshold: f64) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for (earlier, one) in wordings.iter().enumerate() {
            for (later, other) in wordings.iter().enumerate().skip(earlier + 1) {
                if one.similarity(other) > threshold {
                    pairs.push((earlier, later));
                }
            }
        }
        pairs
    }

    /// Drafts made of a few sentences each picked from a small pool, as a
    /// template's phrasings are: many pairs read alike, many do not.
    fn drafts(count: usize) -> Vec<Wording> {
        let pools = [
            [
                "Thank you for the talk",
                "Thanks so much for the chat",
                "I enjoyed our conversation",
            ],
            [
                "about the pipeline we discussed",
                "on how the team works",
                "about the roadmap ahead",
            ],
            [
                "I learned a great deal.",
                "It was really helpful.",
                "It gave me plenty to think about.",
            ],
            [
                "I hope to hear from you soon.",
                "I look forward to the next steps.",
                "Talk soon.",
            ],
        ];
        let mut seed = 7u64;
        (0..count)
            .map(|_| {
                let text: Vec<&str> = pools
                    .iter()
                    .map(|pool| {
                        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                        pool[usize::try_from(seed >> 33).unwrap_or(0) % pool.len()]
                    })
                    .collect();
                Wording::new(&text.join(" "), &[])
            })
            .collect()
    }

    #[test]
    fn finds_every_pair_a_full_comparison_finds() {
        let drafts = drafts(51);
        let wordings: Vec<&Wording> = drafts.iter().collect();
        for threshold in [0.5, 0.7, 0.85, 0.95] {
            let expected = every_pair(&wordings, threshold);
            assert!(!expected.is_empty());
            assert_eq!(
                similar_pairs(&wordings, threshold, 50),
                expected,
                "{threshold}"
            );
        }
    }

    #[test]
    fn empty_wordings_read_alike_and_like_nothing_else() {
        let (empty, other, text) = (
            Wording::new("", &[]),
            Wording::new("Hi", &[]),
            Wording::new("Thank you for the talk.", &[]),
        );
        let wordings = [&empty, &text, &other, &empty];
        assert_eq!(
            similar_pairs(&wordings, 0.85, 50),
            every_pair(&wordings, 0.85)
        );
        assert_eq!(similar_pairs(&wordings, 0.85, 50), [(0, 2), (0, 3), (2, 3)]);
    }

    #[test]
    fn six_thousand_drafts_take_a_bounded_number_of_comparisons() {
        // 6,000 drafts from three phrasings of each of four sentences: a
        // full comparison makes eighteen million, and finds millions of
        // pairs; this makes at most fifty a draft.
        let drafts = drafts(6000);
        let wordings: Vec<&Wording> = drafts.iter().collect();
        let (pairs, comparisons) = search(&wordings, 0.85, 50);
        assert!(comparisons <= 6000 * 50, "{comparisons}");
        assert!(pairs.len() > 6000, "{}", pairs.len());
        assert!(pairs.windows(2).all(|two| two[0] < two[1]));
        assert!(pairs.iter().all(|&(one, other)| {
            one < other && wordings[one].similarity(wordings[other]) > 0.85
        }));
    }
}
