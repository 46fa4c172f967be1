//! The usage-code document: metadata, chapters of clauses, numbering and edits.
//!
//! Clause and chapter ids are stable: they survive edits and reordering, so quizzes
//! and rule findings can cite a clause even after it has been renumbered.

use serde::{Deserialize, Serialize};

use super::lang::Lang;

/// The usage code (《企业微信办公使用规范》).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Policy {
    pub meta: PolicyMeta,
    pub chapters: Vec<Chapter>,
}

/// The cover block of the document.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PolicyMeta {
    pub title: String,
    /// Document code such as `EXT-ADM-2025-007`.
    pub doc_code: String,
    pub version: String,
    /// `YYYY-MM-DD`, or empty while undecided.
    pub effective_date: String,
    pub drafter: String,
    pub reviewer: String,
    pub approver: String,
    /// Who receives the document (分发范围).
    pub distribution: String,
}

/// A chapter (章) holding clauses.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Chapter {
    pub id: String,
    pub title: String,
    pub clauses: Vec<Clause>,
}

/// A clause (条). The body is CommonMark Markdown.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Clause {
    pub id: String,
    /// Short heading; may be empty.
    #[serde(default)]
    pub title: String,
    pub body: String,
}

/// Where a clause sits: chapter index and clause index within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClausePos {
    pub chapter: usize,
    pub clause: usize,
}

/// A clause together with its document-wide article number (1-based).
#[derive(Debug, Clone, Copy)]
pub struct NumberedClause<'a> {
    pub chapter_number: usize,
    pub article_number: usize,
    pub chapter: &'a Chapter,
    pub clause: &'a Clause,
}

/// Chinese numerals for chapter numbers (一, 十二, 一百零五).
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return DIGITS[n].to_string();
    }
    if n < 20 {
        return format!("十{}", if n == 10 { "" } else { DIGITS[n % 10] });
    }
    if n < 100 {
        let ones = if n % 10 == 0 { "" } else { DIGITS[n % 10] };
        return format!("{}十{}", DIGITS[n / 10], ones);
    }
    if n < 1000 {
        let rest = n % 100;
        let tail = match rest {
            0 => String::new(),
            1..=9 => format!("零{}", DIGITS[rest]),
            10..=19 => format!("一{}", chinese_numeral(rest)),
            _ => chinese_numeral(rest),
        };
        return format!("{}百{}", DIGITS[n / 100], tail);
    }
    n.to_string()
}

/// The label of chapter `n` (1-based): 第一章 / Chapter 1.
pub fn chapter_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第{}章", chinese_numeral(n)),
        Lang::En => format!("Chapter {n}"),
    }
}

/// The label of article `n` (1-based, counted through the whole document): 第1条 / Article 1.
pub fn article_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第{n}条"),
        Lang::En => format!("Article {n}"),
    }
}

/// A heading or a clause of the document in reading order, numbered and labelled in the
/// document's language: what a reader sees, shared by the preview, the outline and exports.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocBlock {
    Chapter {
        id: String,
        label: String,
        title: String,
    },
    Clause {
        id: String,
        label: String,
        title: String,
        body: String,
    },
}

impl DocBlock {
    pub fn id(&self) -> &str {
        match self {
            DocBlock::Chapter { id, .. } | DocBlock::Clause { id, .. } => id,
        }
    }
}

/// A direction to move an item in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

impl Policy {
    /// Every clause in reading order with its chapter and article numbers.
    pub fn numbered(&self) -> Vec<NumberedClause<'_>> {
        let mut out = Vec::new();
        let mut article = 0;
        for (ci, chapter) in self.chapters.iter().enumerate() {
            for clause in &chapter.clauses {
                article += 1;
                out.push(NumberedClause {
                    chapter_number: ci + 1,
                    article_number: article,
                    chapter,
                    clause,
                });
            }
        }
        out
    }

    /// The document as numbered blocks: each chapter heading followed by its clauses.
    pub fn blocks(&self, lang: Lang) -> Vec<DocBlock> {
        let mut out = Vec::with_capacity(self.chapters.len() + self.clause_count());
        let mut article = 0;
        for (ci, ch) in self.chapters.iter().enumerate() {
            out.push(DocBlock::Chapter {
                id: ch.id.clone(),
                label: chapter_label(lang, ci + 1),
                title: ch.title.clone(),
            });
            for c in &ch.clauses {
                article += 1;
                out.push(DocBlock::Clause {
                    id: c.id.clone(),
                    label: article_label(lang, article),
                    title: c.title.clone(),
                    body: c.body.clone(),
                });
            }
        }
        out
    }

    /// Number of clauses in the whole document.
    pub fn clause_count(&self) -> usize {
        self.chapters.iter().map(|c| c.clauses.len()).sum()
    }

    /// Finds a clause by id.
    pub fn find_clause(&self, id: &str) -> Option<ClausePos> {
        self.chapters.iter().enumerate().find_map(|(ci, ch)| {
            ch.clauses
                .iter()
                .position(|c| c.id == id)
                .map(|k| ClausePos {
                    chapter: ci,
                    clause: k,
                })
        })
    }

    /// The clause with this id.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        let pos = self.find_clause(id)?;
        Some(&self.chapters[pos.chapter].clauses[pos.clause])
    }

    /// The clause with this id, mutably.
    pub fn clause_mut(&mut self, id: &str) -> Option<&mut Clause> {
        let pos = self.find_clause(id)?;
        Some(&mut self.chapters[pos.chapter].clauses[pos.clause])
    }

    /// Index of the chapter with this id.
    pub fn chapter_index(&self, id: &str) -> Option<usize> {
        self.chapters.iter().position(|c| c.id == id)
    }

    /// The article number (1-based, document-wide) of a clause.
    pub fn article_number(&self, id: &str) -> Option<usize> {
        self.numbered()
            .iter()
            .find(|n| n.clause.id == id)
            .map(|n| n.article_number)
    }

    /// A fresh id with this prefix that no chapter or clause uses yet (`prefix-1`, `prefix-2`, …).
    pub fn fresh_id(&self, prefix: &str) -> String {
        let taken = |id: &str| {
            self.chapters
                .iter()
                .any(|ch| ch.id == id || ch.clauses.iter().any(|c| c.id == id))
        };
        (1..)
            .map(|n| format!("{prefix}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or_default()
    }

    /// Adds an empty chapter after the chapter at `after` (or at the end) and returns its id.
    pub fn add_chapter(&mut self, after: Option<usize>, title: &str) -> String {
        let id = self.fresh_id("ch");
        let at = after.map_or(self.chapters.len(), |i| (i + 1).min(self.chapters.len()));
        self.chapters.insert(
            at,
            Chapter {
                id: id.clone(),
                title: title.to_string(),
                clauses: Vec::new(),
            },
        );
        id
    }

    /// Removes a chapter and its clauses. Returns false when there is no such chapter.
    pub fn delete_chapter(&mut self, id: &str) -> bool {
        match self.chapter_index(id) {
            Some(i) => {
                self.chapters.remove(i);
                true
            }
            None => false,
        }
    }

    /// Moves a chapter one place up or down. Returns false when it cannot move.
    pub fn move_chapter(&mut self, id: &str, dir: Move) -> bool {
        let Some(i) = self.chapter_index(id) else {
            return false;
        };
        match dir {
            Move::Up if i > 0 => self.chapters.swap(i, i - 1),
            Move::Down if i + 1 < self.chapters.len() => self.chapters.swap(i, i + 1),
            _ => return false,
        }
        true
    }

    /// Adds an empty clause to a chapter, after the clause `after` (or at the chapter's end).
    /// Returns the new clause's id, or `None` when the chapter does not exist.
    pub fn add_clause(&mut self, chapter_id: &str, after: Option<&str>) -> Option<String> {
        let ci = self.chapter_index(chapter_id)?;
        let id = self.fresh_id("c");
        let chapter = &mut self.chapters[ci];
        let at = after
            .and_then(|a| chapter.clauses.iter().position(|c| c.id == a))
            .map_or(chapter.clauses.len(), |k| k + 1);
        chapter.clauses.insert(
            at,
            Clause {
                id: id.clone(),
                title: String::new(),
                body: String::new(),
            },
        );
        Some(id)
    }

    /// Removes a clause. Returns false when there is no such clause.
    pub fn delete_clause(&mut self, id: &str) -> bool {
        match self.find_clause(id) {
            Some(p) => {
                self.chapters[p.chapter].clauses.remove(p.clause);
                true
            }
            None => false,
        }
    }

    /// Moves a clause one place up or down; at a chapter's edge it crosses into the
    /// neighbouring chapter. Returns false when it cannot move.
    pub fn move_clause(&mut self, id: &str, dir: Move) -> bool {
        let Some(p) = self.find_clause(id) else {
            return false;
        };
        let len = self.chapters[p.chapter].clauses.len();
        match dir {
            Move::Up if p.clause > 0 => self.chapters[p.chapter]
                .clauses
                .swap(p.clause, p.clause - 1),
            Move::Down if p.clause + 1 < len => self.chapters[p.chapter]
                .clauses
                .swap(p.clause, p.clause + 1),
            Move::Up if p.chapter > 0 => {
                let clause = self.chapters[p.chapter].clauses.remove(p.clause);
                self.chapters[p.chapter - 1].clauses.push(clause);
            }
            Move::Down if p.chapter + 1 < self.chapters.len() => {
                let clause = self.chapters[p.chapter].clauses.remove(p.clause);
                self.chapters[p.chapter + 1].clauses.insert(0, clause);
            }
            _ => return false,
        }
        true
    }

    /// Clauses whose title or body contains `query`, in reading order. Latin letters match
    /// regardless of case (Chinese has none); an empty or blank query matches nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let needle = fold(query.trim());
        if needle.is_empty() {
            return Vec::new();
        }
        self.numbered()
            .into_iter()
            .filter_map(|n| {
                let title = fold(&n.clause.title);
                let body = fold(&n.clause.body);
                let count = title.matches(&needle).count() + body.matches(&needle).count();
                (count > 0).then(|| SearchHit {
                    clause_id: n.clause.id.clone(),
                    article_number: n.article_number,
                    matches: count,
                    snippet: snippet(&n.clause.body, &n.clause.title, &needle),
                })
            })
            .collect()
    }
}

/// A clause that matches a search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub clause_id: String,
    pub article_number: usize,
    /// How many times the query occurs in the clause.
    pub matches: usize,
    /// A short piece of text around the first match.
    pub snippet: String,
}

/// Folds ASCII letters to lower case and leaves every other character as it is. Full
/// Unicode case folding would add its tables to the WebAssembly for no gain in Chinese text.
fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// About 40 characters around the first occurrence of `needle` (already folded).
fn snippet(body: &str, title: &str, needle: &str) -> String {
    let source = if fold(body).contains(needle) {
        body
    } else {
        title
    };
    let chars: Vec<char> = source.chars().collect();
    let folded: Vec<char> = chars.iter().map(char::to_ascii_lowercase).collect();
    let needle_chars: Vec<char> = needle.chars().collect();
    let start = folded
        .windows(needle_chars.len().max(1))
        .position(|w| w == needle_chars.as_slice())
        .unwrap_or(0);
    let from = start.saturating_sub(15);
    let to = (start + needle_chars.len() + 25).min(chars.len());
    let mut s: String = chars[from..to].iter().collect();
    s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if from > 0 {
        s.insert(0, '…');
    }
    if to < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Policy {
        let clause = |id: &str| Clause {
            id: id.into(),
            title: String::new(),
            body: format!("text of {id}"),
        };
        Policy {
            meta: PolicyMeta::default(),
            chapters: vec![
                Chapter {
                    id: "a".into(),
                    title: "A".into(),
                    clauses: vec![clause("a1"), clause("a2")],
                },
                Chapter {
                    id: "b".into(),
                    title: "B".into(),
                    clauses: vec![clause("b1")],
                },
            ],
        }
    }

    fn order(p: &Policy) -> Vec<String> {
        p.numbered().iter().map(|n| n.clause.id.clone()).collect()
    }

    #[test]
    fn chinese_numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (115, "一百一十五"),
            (230, "二百三十"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(chapter_label(Lang::Zh, 1), "第一章");
        assert_eq!(chapter_label(Lang::Zh, 12), "第十二章");
        assert_eq!(chapter_label(Lang::En, 12), "Chapter 12");
        assert_eq!(article_label(Lang::Zh, 31), "第31条");
        assert_eq!(article_label(Lang::En, 31), "Article 31");
    }

    #[test]
    fn blocks_interleave_headings_and_numbered_clauses() {
        let labels: Vec<(String, String)> = doc()
            .blocks(Lang::Zh)
            .iter()
            .map(|b| match b {
                DocBlock::Chapter { id, label, .. } | DocBlock::Clause { id, label, .. } => {
                    (id.clone(), label.clone())
                }
            })
            .collect();
        let want = [
            ("a", "第一章"),
            ("a1", "第1条"),
            ("a2", "第2条"),
            ("b", "第二章"),
            ("b1", "第3条"),
        ];
        assert_eq!(labels, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn articles_are_numbered_through_the_document() {
        let p = doc();
        assert_eq!(p.article_number("a1"), Some(1));
        assert_eq!(p.article_number("b1"), Some(3));
        assert_eq!(p.article_number("zz"), None);
    }

    #[test]
    fn clauses_move_within_and_across_chapters() {
        let mut p = doc();
        assert!(
            p.move_clause("a2", Move::Down),
            "crosses into the next chapter"
        );
        assert_eq!(p.chapters[1].clauses[0].id, "a2");
        assert_eq!(
            order(&p),
            ["a1", "a2", "b1"],
            "reading order is unchanged by crossing"
        );
        assert!(p.move_clause("b1", Move::Up));
        assert_eq!(order(&p), ["a1", "b1", "a2"]);
        assert!(!p.move_clause("a1", Move::Up), "first clause cannot go up");
        assert!(p.move_clause("a1", Move::Down));
        assert_eq!(
            order(&p),
            ["a1", "b1", "a2"],
            "crossing keeps reading order"
        );
        assert!(p.chapters[0].clauses.is_empty(), "a1 now opens chapter b");
    }

    #[test]
    fn add_and_delete_keep_ids_unique() {
        let mut p = doc();
        let c = p.add_clause("a", Some("a1")).expect("chapter exists");
        assert_eq!(c, "c-1");
        assert_eq!(order(&p), ["a1", "c-1", "a2", "b1"]);
        let c2 = p.add_clause("b", None).expect("chapter exists");
        assert_eq!(c2, "c-2");
        assert!(p.delete_clause("c-1"));
        assert_eq!(
            p.add_clause("a", None).as_deref(),
            Some("c-1"),
            "a freed id may be reused"
        );
        assert_eq!(p.add_clause("nope", None), None);
        let ch = p.add_chapter(Some(0), "新章");
        assert_eq!(p.chapters[1].id, ch);
        assert!(p.delete_chapter(&ch));
        assert!(!p.delete_chapter(&ch));
        assert!(p.move_chapter("b", Move::Up));
        assert_eq!(p.chapters[0].id, "b");
    }

    #[test]
    fn search_is_case_insensitive_and_counts() {
        let mut p = doc();
        p.chapters[0].clauses[0].body = "Reply within 30 minutes. REPLY politely.".into();
        p.chapters[1].clauses[0].title = "回复时效".into();
        let hits = p.search("reply");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matches, 2);
        assert_eq!(hits[0].article_number, 1);
        assert_eq!(p.search("回复")[0].clause_id, "b1");
        assert!(p.search("   ").is_empty());
        assert!(p.search("absent").is_empty());
    }
}
