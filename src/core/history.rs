//! Undo and redo over whole states.
//!
//! States are stored whole (a workspace is at most a few hundred kilobytes, and a hundred
//! copies are cheap next to the bugs of inverse operations). Typing into one field is
//! coalesced into a single step while the edits keep coming within [`COALESCE_MS`], so undo
//! takes back a word or a sentence, not a character.

use std::collections::VecDeque;

/// Edits of the same field closer together than this (milliseconds) form one undo step.
pub const COALESCE_MS: f64 = 1000.0;

/// Undo and redo stacks.
#[derive(Debug, Clone)]
pub struct History<T> {
    undo: VecDeque<T>,
    redo: Vec<T>,
    limit: usize,
    /// The field of the last recorded edit and when it happened, for coalescing.
    last: Option<(String, f64)>,
}

impl<T: Clone> History<T> {
    /// A history keeping at most `limit` undo steps.
    pub fn new(limit: usize) -> Self {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            last: None,
        }
    }

    /// Records `before`, the state just before an edit. `key` names the field being edited
    /// (`None` for edits that must always be their own step, such as deleting a clause);
    /// `now_ms` is the time of the edit.
    pub fn record(&mut self, before: &T, key: Option<&str>, now_ms: f64) {
        let coalesce = match (key, &self.last) {
            (Some(k), Some((last_key, at))) => {
                k == last_key && now_ms - at < COALESCE_MS && now_ms >= *at
            }
            _ => false,
        };
        self.last = key.map(|k| (k.to_string(), now_ms));
        self.redo.clear();
        if coalesce {
            return;
        }
        self.undo.push_back(before.clone());
        while self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Steps back: returns the state to restore, and keeps `current` for redo.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let previous = self.undo.pop_back()?;
        self.redo.push(current.clone());
        self.last = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let next = self.redo.pop()?;
        self.undo.push_back(current.clone());
        self.last = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps available.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Forgets everything (after opening another workspace the old steps would mislead).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new(50);
        let mut doc = String::new();
        for (i, ch) in "hello".chars().enumerate() {
            h.record(&doc, Some("body:a"), i as f64 * 100.0);
            doc.push(ch);
        }
        assert_eq!(h.undo_len(), 1);
        assert_eq!(h.undo(&doc).as_deref(), Some(""));
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut h = History::new(50);
        h.record(&"a".to_string(), Some("x"), 0.0);
        h.record(&"ab".to_string(), Some("x"), 2000.0);
        h.record(&"abc".to_string(), Some("y"), 2100.0);
        h.record(&"abcd".to_string(), None, 2150.0);
        assert_eq!(h.undo_len(), 4);
    }

    #[test]
    fn undo_redo_round_trip_and_new_edit_clears_redo() {
        let mut h = History::new(50);
        h.record(&1, None, 0.0);
        let now = 2;
        let back = h.undo(&now).expect("one step");
        assert_eq!(back, 1);
        assert!(h.can_redo());
        assert_eq!(h.redo(&back), Some(2));
        assert_eq!(h.undo(&2), Some(1));
        h.record(&1, None, 10.0);
        assert!(!h.can_redo(), "a new edit forgets the redo branch");
    }

    #[test]
    fn keeps_at_least_fifty_steps_and_at_most_the_limit() {
        let mut h = History::new(100);
        for i in 0..150 {
            h.record(&i, None, f64::from(i));
        }
        assert_eq!(h.undo_len(), 100);
        let mut state = 150;
        let mut steps = 0;
        while let Some(prev) = h.undo(&state) {
            state = prev;
            steps += 1;
        }
        assert_eq!(steps, 100);
        assert_eq!(state, 50, "the oldest steps were dropped first");
    }
}
