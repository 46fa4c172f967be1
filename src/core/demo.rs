//! Trainer demo mode as data: the deck of slides a workspace presents (the title, one slide
//! per chapter, a live name check per naming scheme, an approval route per route fixture,
//! then the quiz questions), and where the presenter is in it.
//!
//! A slide may hold *reveals*, shown one at a time on the same slide: the steps of a route,
//! then its end; a quiz question's answer. [`Nav`] moves through slides and reveals the way
//! presentation software does: "next" reveals what the slide still hides before it moves on,
//! "previous" hides it again, and going back to an earlier slide shows it fully revealed.
//!
//! Everything shown is computed by the engines the rest of the app uses: routes by
//! [`simulate`](crate::core::simulate), naming examples by
//! [`generate`](crate::core::naming::generate), questions by [`quiz`](crate::core::quiz).
//! The interface words the codes in its language.

use crate::core::bundle::Bundle;
use crate::core::naming::generate::examples;
use crate::core::policy::{article_label, chapter_label};
use crate::core::quiz::generate::for_set;
use crate::core::quiz::paper::QuizQuestion;
use crate::core::simulate::{fixture_form, simulate_with_picks, Route, SimError, TraceEntry};
use crate::core::synth;

/// The slides of a presentation, in order. Never empty: the title slide is always there.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub slides: Vec<Slide>,
}

/// One slide.
#[derive(Debug, Clone, PartialEq)]
pub enum Slide {
    Title(TitleSlide),
    Chapter(ChapterSlide),
    Naming(NamingSlide),
    Route(Box<RouteSlide>),
    Question(Box<QuestionSlide>),
}

/// The parts of a presentation, for jumping to the start of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Title,
    Policy,
    Naming,
    Routes,
    Quiz,
}

/// The cover: the policy's title, document code, version and effective date.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleSlide {
    pub title: String,
    pub doc_code: String,
    pub version: String,
    pub effective_date: String,
}

/// A chapter with its clauses, labelled in the document's language (第一章, 第1条).
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterSlide {
    pub id: String,
    pub label: String,
    pub title: String,
    pub clauses: Vec<ClauseItem>,
}

/// A clause on a chapter slide. The body is the clause's Markdown, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseItem {
    pub id: String,
    pub label: String,
    pub title: String,
    pub body: String,
}

/// A live name check against one naming scheme, with examples to load.
#[derive(Debug, Clone, PartialEq)]
pub struct NamingSlide {
    /// Index of the scheme in the workspace.
    pub scheme: usize,
    pub name: String,
    pub description: String,
    /// The scheme's shape, such as `【部门】-【项目】-【群类型】`.
    pub pattern: String,
    /// A name the checker passes, made by the generator.
    pub valid: Option<String>,
    /// A near miss the checker fails, and the kind of mistake it shows
    /// (see [`examples`](crate::core::naming::generate::examples)).
    pub near_miss: Option<(String, &'static str)>,
}

/// One request and the route it takes, revealed step by step.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteSlide {
    /// The route fixture's name, or the template's for a representative request.
    pub name: String,
    pub template: String,
    pub requester: String,
    /// The form as typed (field id, value).
    pub form: Vec<(String, String)>,
    /// The route with its reveals, or why the request has none (a refusal included).
    pub outcome: Result<RouteShow, SimError>,
}

/// A route cut into what the presenter reveals one at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct RouteShow {
    pub route: Route,
    /// One per step the route reached (dropped steps included), then the end of the route.
    pub reveals: Vec<Reveal>,
}

/// What one press of "next" shows of a route: the branch conditions that held on the way to
/// a step, the step and how its approvers were found (who was skipped and why, a step
/// redirected or dropped); or, last, the end of the route with its CC.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reveal {
    /// `branch` entries that held and `default_taken` entries, in order.
    pub decisions: Vec<TraceEntry>,
    /// The template's step id; `None` for the end of the route.
    pub step: Option<String>,
    /// Index in the route's steps, when the step stayed in the route.
    pub route_step: Option<usize>,
    /// The step's `resolved`, `skip_*`, `redirect` and `step_dropped` entries; for the end
    /// of the route its `cc`, `cc_skip_self` and `cc_skip_left` entries.
    pub entries: Vec<TraceEntry>,
}

/// A quiz question, its answer revealed on the next press.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSlide {
    /// 1-based.
    pub number: usize,
    pub total: usize,
    pub question: QuizQuestion,
}

/// Seed of the representative requests made when the workspace has no route fixtures.
const REPRESENTATIVE_SEED: u64 = 7;

impl Deck {
    /// The presentation of a workspace, with the questions of quiz set `quiz_set` (an index
    /// into the bank's sets; the bank's own questions when there is no such set).
    pub fn build(b: &Bundle, quiz_set: Option<usize>) -> Deck {
        let mut slides = vec![Slide::Title(TitleSlide {
            title: b.policy.meta.title.clone(),
            doc_code: b.policy.meta.doc_code.clone(),
            version: b.policy.meta.version.clone(),
            effective_date: b.policy.meta.effective_date.clone(),
        })];
        slides.extend(chapter_slides(b));
        slides.extend(naming_slides(b));
        slides.extend(
            route_slides(b)
                .into_iter()
                .map(|r| Slide::Route(Box::new(r))),
        );
        let questions = questions(b, quiz_set);
        let total = questions.len();
        slides.extend(questions.into_iter().enumerate().map(|(i, question)| {
            Slide::Question(Box::new(QuestionSlide {
                number: i + 1,
                total,
                question,
            }))
        }));
        Deck { slides }
    }

    pub fn len(&self) -> usize {
        self.slides.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slides.is_empty()
    }

    /// How many reveals slide `i` holds (0 for a slide out of range).
    pub fn reveals(&self, i: usize) -> usize {
        self.slides.get(i).map_or(0, Slide::reveals)
    }

    /// The first slide of a section, if the deck has one.
    pub fn section_start(&self, section: Section) -> Option<usize> {
        self.slides.iter().position(|s| s.section() == section)
    }
}

impl Slide {
    /// How many times "next" reveals something on this slide before moving on.
    pub fn reveals(&self) -> usize {
        match self {
            Slide::Route(r) => r.outcome.as_ref().map_or(0, |s| s.reveals.len()),
            Slide::Question(_) => 1,
            Slide::Title(_) | Slide::Chapter(_) | Slide::Naming(_) => 0,
        }
    }

    pub fn section(&self) -> Section {
        match self {
            Slide::Title(_) => Section::Title,
            Slide::Chapter(_) => Section::Policy,
            Slide::Naming(_) => Section::Naming,
            Slide::Route(_) => Section::Routes,
            Slide::Question(_) => Section::Quiz,
        }
    }

    /// A short title for a table of contents (the interface adds the section's name).
    pub fn title(&self) -> String {
        match self {
            Slide::Title(t) => t.title.clone(),
            Slide::Chapter(c) => format!("{} {}", c.label, c.title),
            Slide::Naming(n) => n.name.clone(),
            Slide::Route(r) => r.name.clone(),
            Slide::Question(q) => {
                let prompt: String = q.question.prompt.chars().take(40).collect();
                let more = q.question.prompt.chars().count() > 40;
                format!("{}. {prompt}{}", q.number, if more { "…" } else { "" })
            }
        }
    }
}

fn chapter_slides(b: &Bundle) -> Vec<Slide> {
    let lang = b.settings.lang;
    let mut article = 0;
    b.policy
        .chapters
        .iter()
        .enumerate()
        .map(|(ci, ch)| {
            let clauses = ch
                .clauses
                .iter()
                .map(|c| {
                    article += 1;
                    ClauseItem {
                        id: c.id.clone(),
                        label: article_label(lang, article),
                        title: c.title.clone(),
                        body: c.body.clone(),
                    }
                })
                .collect();
            Slide::Chapter(ChapterSlide {
                id: ch.id.clone(),
                label: chapter_label(lang, ci + 1),
                title: ch.title.clone(),
                clauses,
            })
        })
        .collect()
}

fn naming_slides(b: &Bundle) -> Vec<Slide> {
    b.naming
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let ex = examples(s, &b.org);
            Slide::Naming(NamingSlide {
                scheme: i,
                name: s.name.clone(),
                description: s.description.clone(),
                pattern: s.pattern(),
                valid: ex.iter().find(|e| e.ok).map(|e| e.name.clone()),
                near_miss: ex.iter().find(|e| !e.ok).map(|e| (e.name.clone(), e.kind)),
            })
        })
        .collect()
}

/// One slide per route fixture; without fixtures, one representative request per template.
fn route_slides(b: &Bundle) -> Vec<RouteSlide> {
    if !b.fixtures.is_empty() {
        return b
            .fixtures
            .iter()
            .map(|f| {
                let picks: Vec<(String, Vec<String>)> = f
                    .picks
                    .iter()
                    .map(|(s, p)| (s.clone(), p.clone()))
                    .collect();
                let form = fixture_form(f);
                let outcome = form.clone().and_then(|form| {
                    simulate_with_picks(b, &f.template, &f.requester, &form, &picks)
                });
                route_slide(
                    f.name.clone(),
                    &f.template,
                    &f.requester,
                    form.unwrap_or_default(),
                    outcome,
                )
            })
            .collect();
    }
    let templates = &b.approvals.templates;
    let drawn = synth::requests(b, templates.len() * 16, REPRESENTATIVE_SEED);
    templates
        .iter()
        .filter_map(|t| {
            let r = drawn.iter().find(|r| r.template == t.id)?;
            let outcome = simulate_with_picks(b, &r.template, &r.requester, &r.form, &r.picks);
            Some(route_slide(
                t.name.clone(),
                &t.id,
                &r.requester,
                r.form.clone(),
                outcome,
            ))
        })
        .collect()
}

fn route_slide(
    name: String,
    template: &str,
    requester: &str,
    form: Vec<(String, String)>,
    outcome: Result<Route, SimError>,
) -> RouteSlide {
    RouteSlide {
        name,
        template: template.to_string(),
        requester: requester.to_string(),
        form,
        outcome: outcome.map(|route| RouteShow {
            reveals: reveals(&route),
            route,
        }),
    }
}

/// Cuts a route's trace into reveals: each step the trace reaches with the branch decisions
/// that led to it and what happened to its approvers, then the end of the route (with branch
/// decisions after the last step, and the CC). The request's own entries (`requester`,
/// `policies`, `field`) and the branches that did not hold are left out: the slide shows the
/// request itself, and a presenter tells the branch that applied.
pub fn reveals(route: &Route) -> Vec<Reveal> {
    let mut out = Vec::new();
    let mut current = Reveal::default();
    let mut end: Vec<TraceEntry> = Vec::new();
    for e in &route.trace {
        match e.code {
            "requester" | "policies" | "field" | "branch_taken" => {}
            "branch" | "default_taken" => {
                if current.step.is_some() {
                    out.push(std::mem::take(&mut current));
                }
                if e.code == "default_taken" || e.param("held") == "true" {
                    current.decisions.push(e.clone());
                }
            }
            "step" => {
                if current.step.is_some() {
                    out.push(std::mem::take(&mut current));
                }
                let id = e.param("step").to_string();
                current.route_step = route.steps.iter().position(|s| s.step == id);
                current.step = Some(id);
            }
            "cc" | "cc_skip_self" | "cc_skip_left" => end.push(e.clone()),
            _ if current.step.is_some() => current.entries.push(e.clone()),
            _ => end.push(e.clone()),
        }
    }
    if current.step.is_some() {
        out.push(std::mem::take(&mut current));
    }
    // Decisions after the last step (a branch that adds nothing) belong to the end.
    current.entries = end;
    out.push(current);
    out
}

/// The questions presented: those quiz set `set` draws (computed from the rules, as an
/// employee would get them), or the bank's own questions when there is no such set.
pub fn questions(b: &Bundle, set: Option<usize>) -> Vec<QuizQuestion> {
    match set.and_then(|i| b.quiz.sets.get(i)) {
        Some(s) => for_set(b, s),
        None => b
            .quiz
            .questions
            .iter()
            .map(QuizQuestion::from_authored)
            .collect(),
    }
}

/// Where the presenter is: a slide, how much of it is revealed, and a slide number being
/// typed (digits, then Enter, jump to that slide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Nav {
    pub slide: usize,
    pub step: usize,
    pub typed: Option<usize>,
}

/// What a key press does in demo mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyOutcome {
    /// The presenter moved (or typed a digit): the new place.
    Moved(Nav),
    /// Full screen on or off.
    Fullscreen,
    /// Not a key of demo mode: leave it to the browser.
    Ignored,
}

/// Slide numbers typed with more digits than this are not slide numbers.
const MAX_TYPED: usize = 9999;

impl Nav {
    /// The next reveal of this slide, else the next slide; stays on the last.
    pub fn next(self, deck: &Deck) -> Nav {
        if self.step < deck.reveals(self.slide) {
            return Nav::at(self.slide, self.step + 1);
        }
        if self.slide + 1 < deck.len() {
            return Nav::at(self.slide + 1, 0);
        }
        Nav {
            typed: None,
            ..self
        }
    }

    /// Hides the last reveal of this slide, else goes back to the previous slide fully
    /// revealed; stays on the first.
    pub fn prev(self, deck: &Deck) -> Nav {
        if self.step > 0 {
            return Nav::at(self.slide, self.step - 1);
        }
        match self.slide.checked_sub(1) {
            Some(p) => Nav::at(p, deck.reveals(p)),
            None => Nav {
                typed: None,
                ..self
            },
        }
    }

    /// The next reveal of this slide only (a slide's own "next step" button).
    pub fn reveal(self, deck: &Deck) -> Nav {
        Nav::at(self.slide, (self.step + 1).min(deck.reveals(self.slide)))
    }

    pub fn first() -> Nav {
        Nav::default()
    }

    pub fn last(deck: &Deck) -> Nav {
        Nav::at(deck.len().saturating_sub(1), 0)
    }

    /// Slide `index` (0-based), nothing revealed; the last slide when past the end.
    pub fn go(deck: &Deck, index: usize) -> Nav {
        Nav::at(index.min(deck.len().saturating_sub(1)), 0)
    }

    /// The same place in a deck that changed (the workspace was edited): within its slides
    /// and reveals.
    pub fn clamp(self, deck: &Deck) -> Nav {
        let slide = self.slide.min(deck.len().saturating_sub(1));
        Nav {
            slide,
            step: self.step.min(deck.reveals(slide)),
            typed: self.typed,
        }
    }

    /// What a key does: →, Space and PageDown go forward; ←, PageUp back; Home and End to the
    /// first and last slide; digits then Enter to that slide (1-based); F toggles full
    /// screen. Any movement forgets typed digits.
    pub fn key(self, deck: &Deck, key: &str) -> KeyOutcome {
        let moved = KeyOutcome::Moved;
        match key {
            "ArrowRight" | " " | "Spacebar" | "PageDown" => moved(self.next(deck)),
            "ArrowLeft" | "PageUp" => moved(self.prev(deck)),
            "Home" => moved(Nav::first()),
            "End" => moved(Nav::last(deck)),
            "f" | "F" => KeyOutcome::Fullscreen,
            "Enter" => match self.typed {
                Some(n) if n > 0 => moved(Nav::go(deck, n - 1)),
                Some(_) => moved(Nav {
                    typed: None,
                    ..self
                }),
                None => KeyOutcome::Ignored,
            },
            "Escape" if self.typed.is_some() => moved(Nav {
                typed: None,
                ..self
            }),
            _ => match key.parse::<usize>() {
                Ok(d) if key.len() == 1 => {
                    let n = self.typed.unwrap_or(0) * 10 + d;
                    moved(Nav {
                        typed: Some(if n > MAX_TYPED { d } else { n }),
                        ..self
                    })
                }
                _ => KeyOutcome::Ignored,
            },
        }
    }

    fn at(slide: usize, step: usize) -> Nav {
        Nav {
            slide,
            step,
            typed: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::starter;
    use crate::core::Lang;

    /// A workspace with nothing to present but its title.
    fn empty() -> Bundle {
        let mut b = starter::bundle(Lang::Zh);
        b.policy.chapters.clear();
        b.naming.clear();
        b.fixtures.clear();
        b.approvals.templates.clear();
        b.quiz.questions.clear();
        b.quiz.sets.clear();
        b
    }

    fn deck() -> Deck {
        Deck::build(&starter::bundle(Lang::Zh), Some(0))
    }

    #[test]
    fn deck_follows_the_workspace() {
        let b = starter::bundle(Lang::Zh);
        let d = deck();
        let sections: Vec<Section> = d.slides.iter().map(Slide::section).collect();
        let count = |s| sections.iter().filter(|x| **x == s).count();
        assert_eq!(sections[0], Section::Title);
        assert_eq!(count(Section::Policy), b.policy.chapters.len());
        assert_eq!(count(Section::Naming), b.naming.len());
        assert_eq!(count(Section::Routes), b.fixtures.len());
        assert!(count(Section::Quiz) > 0);
        // In order: sections never interleave.
        let mut order = sections.clone();
        order.dedup();
        assert_eq!(order.len(), 5);
        let Slide::Chapter(c) = &d.slides[1] else {
            panic!("chapter slide expected");
        };
        assert_eq!(c.label, "第一章");
        assert_eq!(c.clauses[0].label, "第1条");
        let en = Deck::build(&starter::bundle(Lang::En), None);
        let Slide::Chapter(c) = &en.slides[2] else {
            panic!("chapter slide expected");
        };
        assert_eq!(c.label, "Chapter 2");
        assert!(c.clauses[0].label.starts_with("Article "));
    }

    #[test]
    fn quiz_slides_are_the_chosen_sets_questions() {
        let b = starter::bundle(Lang::En);
        let quiz = |d: &Deck| -> Vec<QuizQuestion> {
            d.slides
                .iter()
                .filter_map(|s| match s {
                    Slide::Question(q) => Some(q.question.clone()),
                    _ => None,
                })
                .collect()
        };
        let set = quiz(&Deck::build(&b, Some(0)));
        assert_eq!(set, for_set(&b, &b.quiz.sets[0]));
        let bank = quiz(&Deck::build(&b, None));
        assert_eq!(bank.len(), b.quiz.questions.len());
        assert_eq!(
            quiz(&Deck::build(&b, Some(99))),
            bank,
            "a set that is gone: the bank"
        );
    }

    #[test]
    fn naming_slides_have_a_valid_name_and_a_near_miss() {
        let b = starter::bundle(Lang::Zh);
        for s in &deck().slides {
            if let Slide::Naming(n) = s {
                let compiled = crate::core::naming::check::compile(&b.naming[n.scheme], &b.org)
                    .expect("compiles");
                let valid = n.valid.as_deref().expect("a valid example");
                assert!(compiled.check(valid).ok, "{valid}");
                let (miss, _) = n.near_miss.as_ref().expect("a near miss");
                assert!(!compiled.check(miss).ok, "{miss}");
            }
        }
    }

    #[test]
    fn route_reveals_follow_the_route() {
        for s in &deck().slides {
            let Slide::Route(r) = s else { continue };
            let Ok(show) = &r.outcome else { continue };
            let last = show.reveals.last().expect("an end reveal");
            assert!(last.step.is_none());
            let kept: Vec<usize> = show.reveals.iter().filter_map(|v| v.route_step).collect();
            assert_eq!(
                kept,
                (0..show.route.steps.len()).collect::<Vec<_>>(),
                "{}",
                r.name
            );
            for v in &show.reveals {
                assert!(v
                    .decisions
                    .iter()
                    .all(|d| d.code != "branch" || d.param("held") == "true"));
            }
        }
    }

    #[test]
    fn top_secret_request_reveals_three_steps_in_order() {
        let d = deck();
        let r = d
            .slides
            .iter()
            .find_map(|s| match s {
                Slide::Route(r) if r.name.contains("绝密") && r.requester == "zhang" => Some(r),
                _ => None,
            })
            .expect("the top-secret fixture");
        let show = r.outcome.as_ref().expect("a route");
        let people: Vec<Vec<String>> = show
            .reveals
            .iter()
            .filter_map(|v| v.route_step)
            .map(|i| show.route.steps[i].approvers.clone())
            .collect();
        assert_eq!(people, [vec!["chen"], vec!["xu"], vec!["zhou"]]);
        // The branch that applied is told on the first step it leads to.
        assert!(show
            .reveals
            .iter()
            .any(|v| v.decisions.iter().any(|d| d.code == "branch")));
    }

    #[test]
    fn a_refused_request_has_no_reveals() {
        let d = deck();
        let refused = d
            .slides
            .iter()
            .find(|s| matches!(s, Slide::Route(r) if r.outcome.is_err()))
            .expect("the refused fixture");
        assert_eq!(refused.reveals(), 0);
    }

    #[test]
    fn without_fixtures_each_template_gets_a_representative_request() {
        let mut b = starter::bundle(Lang::En);
        b.fixtures.clear();
        let d = Deck::build(&b, None);
        let routes: Vec<&RouteSlide> = d
            .slides
            .iter()
            .filter_map(|s| match s {
                Slide::Route(r) => Some(&**r),
                _ => None,
            })
            .collect();
        assert_eq!(routes.len(), b.approvals.templates.len());
        assert!(
            routes.iter().all(|r| r.outcome.is_ok()),
            "synthetic requests are valid"
        );
        assert_eq!(Deck::build(&b, None), d, "deterministic");
    }

    #[test]
    fn an_empty_workspace_still_has_its_title() {
        let d = Deck::build(&empty(), None);
        assert_eq!(d.len(), 1);
        let n = Nav::first();
        assert_eq!(n.next(&d), n);
        assert_eq!(n.prev(&d), n);
        assert_eq!(Nav::last(&d), n);
    }

    #[test]
    fn next_reveals_before_moving_on_and_prev_undoes_it() {
        let d = deck();
        let q = d.section_start(Section::Quiz).expect("quiz");
        let at = Nav::go(&d, q);
        let shown = at.next(&d);
        assert_eq!((shown.slide, shown.step), (q, 1));
        let past = shown.next(&d);
        assert_eq!((past.slide, past.step), (q + 1, 0));
        assert_eq!(past.prev(&d), shown);
        assert_eq!(shown.prev(&d), at);
        assert_eq!(shown.reveal(&d), shown, "a reveal never leaves the slide");
        // Walking the whole deck forward and back again visits every place once each way.
        let mut n = Nav::first();
        let mut forward = vec![n];
        while n.next(&d) != n {
            n = n.next(&d);
            forward.push(n);
        }
        let total: usize = (0..d.len()).map(|i| d.reveals(i) + 1).sum();
        assert_eq!(forward.len(), total);
        let mut back = vec![n];
        while n.prev(&d) != n {
            n = n.prev(&d);
            back.push(n);
        }
        back.reverse();
        assert_eq!(back, forward);
    }

    #[test]
    fn keys() {
        let d = deck();
        let n = Nav::first();
        for k in ["ArrowRight", " ", "PageDown"] {
            assert_eq!(n.key(&d, k), KeyOutcome::Moved(Nav::at(1, 0)), "{k}");
        }
        let two = Nav::at(2, 0);
        for k in ["ArrowLeft", "PageUp"] {
            assert_eq!(two.key(&d, k), KeyOutcome::Moved(Nav::at(1, 0)), "{k}");
        }
        assert_eq!(two.key(&d, "Home"), KeyOutcome::Moved(Nav::first()));
        assert_eq!(n.key(&d, "End"), KeyOutcome::Moved(Nav::last(&d)));
        assert_eq!(n.key(&d, "f"), KeyOutcome::Fullscreen);
        assert_eq!(n.key(&d, "a"), KeyOutcome::Ignored);
        assert_eq!(n.key(&d, "Enter"), KeyOutcome::Ignored);
        assert_eq!(n.key(&d, "F5"), KeyOutcome::Ignored);
        // 1, 2, Enter: slide 12.
        let KeyOutcome::Moved(a) = n.key(&d, "1") else {
            panic!()
        };
        let KeyOutcome::Moved(b) = a.key(&d, "2") else {
            panic!()
        };
        assert_eq!(b.typed, Some(12));
        assert_eq!(b.key(&d, "Enter"), KeyOutcome::Moved(Nav::at(11, 0)));
        assert_eq!(b.key(&d, "Escape"), KeyOutcome::Moved(n));
        // Past the end: the last slide.
        let far = Nav {
            typed: Some(999),
            ..n
        };
        assert_eq!(far.key(&d, "Enter"), KeyOutcome::Moved(Nav::last(&d)));
        let zero = Nav {
            typed: Some(0),
            ..n
        };
        assert_eq!(zero.key(&d, "Enter"), KeyOutcome::Moved(n));
    }

    #[test]
    fn clamp_keeps_the_place_inside_a_smaller_deck() {
        let d = deck();
        let small = Deck::build(&empty(), None);
        let n = Nav::at(d.len() - 1, 1);
        assert_eq!(n.clamp(&small), Nav::at(0, 0));
        assert_eq!(n.clamp(&d), n);
    }
}
