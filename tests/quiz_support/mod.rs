//! Checks shared by `tests/quiz_generate.rs` and `tests/quiz_generate_props.rs`: a
//! question is well formed, and its answer agrees with the engine it was computed from,
//! recomputed here from the question's source.

use std::collections::BTreeSet;

use policy_playground::core::naming::check::compile;
use policy_playground::core::naming::words::code_label;
use policy_playground::core::quiz::generate::{Request, Source};
use policy_playground::core::quiz::paper::{Answer, Kind, QuizQuestion};
use policy_playground::core::quiz::TOPICS;
use policy_playground::core::simulate::{simulate, Route};
use policy_playground::core::Bundle;

/// Problems with the question's shape: the answer fits the kind, indexes are in range,
/// options are distinct and not blank, multiple-choice answers are sorted, the topic is
/// known, and every cited clause exists (generated questions cite at least one).
pub fn shape_problems(bundle: &Bundle, q: &QuizQuestion) -> Vec<String> {
    let mut out = Vec::new();
    let id = &q.id;
    if q.id.trim().is_empty() {
        out.push("empty id".to_string());
    }
    if !TOPICS.contains(&q.topic.as_str()) {
        out.push(format!("{id}: unknown topic {}", q.topic));
    }
    if q.prompt.trim().is_empty() {
        out.push(format!("{id}: empty prompt"));
    }
    if !q.answer.fits(q.kind) {
        out.push(format!(
            "{id}: answer {:?} does not fit {:?}",
            q.answer, q.kind
        ));
    }
    let distinct: BTreeSet<&String> = q.options.iter().collect();
    if distinct.len() != q.options.len() {
        out.push(format!("{id}: repeated options {:?}", q.options));
    }
    if q.options.iter().any(|o| o.trim().is_empty()) {
        out.push(format!("{id}: blank option"));
    }
    match (&q.kind, &q.answer) {
        (Kind::Single, Answer::Index(i)) => {
            if *i >= q.options.len() {
                out.push(format!(
                    "{id}: answer {i} out of {} options",
                    q.options.len()
                ));
            }
            if q.options.len() < 2 {
                out.push(format!("{id}: fewer than two options"));
            }
        }
        (Kind::Multiple, Answer::Indexes(list)) => {
            if list.windows(2).any(|w| w[0] >= w[1]) {
                out.push(format!("{id}: answers not sorted and distinct: {list:?}"));
            }
            if list.iter().any(|i| *i >= q.options.len()) {
                out.push(format!("{id}: answer out of range: {list:?}"));
            }
            if q.options.len() < 2 {
                out.push(format!("{id}: fewer than two options"));
            }
        }
        (Kind::TrueFalse | Kind::FillIn, _) if !q.options.is_empty() => {
            out.push(format!("{id}: options on a {:?} question", q.kind));
        }
        _ => {}
    }
    if let Answer::Text(t) = &q.answer {
        if t.trim().is_empty() {
            out.push(format!("{id}: empty fill-in answer"));
        }
    }
    for c in &q.clauses {
        if bundle.policy.clause(c).is_none() {
            out.push(format!("{id}: cites unknown clause {c}"));
        }
    }
    if q.topic != "custom" && q.clauses.is_empty() {
        out.push(format!("{id}: cites no clause"));
    }
    if q.topic != "custom" && q.explanation.trim().is_empty() {
        out.push(format!("{id}: no explanation"));
    }
    out
}

fn route(bundle: &Bundle, r: &Request) -> Result<Route, String> {
    simulate(bundle, &r.template, &r.requester, &r.form).map_err(|e| e.message())
}

fn steps(route: &Route) -> Vec<Vec<String>> {
    route.steps.iter().map(|s| s.approvers.clone()).collect()
}

fn index(q: &QuizQuestion) -> Result<usize, String> {
    match q.answer {
        Answer::Index(i) => Ok(i),
        _ => Err(format!("{}: not an index answer", q.id)),
    }
}

/// The single-choice answer is the one option equal to `right` (a `what`), and only it.
fn only_option(q: &QuizQuestion, right: &str, what: &str) -> Result<(), String> {
    let a = index(q)?;
    for (i, o) in q.options.iter().enumerate() {
        expect((o == right) == (i == a), || {
            format!("{}: option {o}, {what} {right}", q.id)
        })?;
    }
    Ok(())
}

fn expect(cond: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if cond {
        Ok(())
    } else {
        Err(what())
    }
}

/// Recomputes the answer from the question's source with the engines themselves (the
/// naming checker, the route simulator) or the workspace's data, and compares.
pub fn agrees_with_source(bundle: &Bundle, q: &QuizQuestion, s: &Source) -> Result<(), String> {
    let id = &q.id;
    let lang = bundle.settings.lang;
    let scheme = |sid: &str| {
        let scheme = bundle
            .naming
            .iter()
            .find(|x| x.id == sid)
            .ok_or_else(|| format!("{id}: no scheme {sid}"))?;
        compile(scheme, &bundle.org).map_err(|_| format!("{id}: scheme {sid} does not compile"))
    };
    let norm = |nid: &str| {
        bundle
            .norms
            .numbers
            .iter()
            .find(|n| n.id == nid)
            .ok_or_else(|| format!("{id}: no number norm {nid}"))
    };
    match s {
        Source::NameValid { scheme: sid } => {
            let c = scheme(sid)?;
            let a = index(q)?;
            for (i, name) in q.options.iter().enumerate() {
                let ok = c.check(name).ok;
                expect(ok == (i == a), || {
                    format!("{id}: option {name} checks {ok}")
                })?;
            }
        }
        Source::NameWrong {
            scheme: sid,
            name,
            codes,
        } => {
            let c = scheme(sid)?;
            let a = index(q)?;
            let check = c.check(name);
            expect(!check.ok, || format!("{id}: {name} passes"))?;
            let own: BTreeSet<&str> = check.violations.iter().map(|v| v.code).collect();
            expect(codes.len() == q.options.len(), || {
                format!("{id}: codes do not follow options")
            })?;
            for (i, code) in codes.iter().enumerate() {
                expect(q.options[i] == code_label(code, lang), || {
                    format!("{id}: option {} is not the label of {code}", q.options[i])
                })?;
                expect(own.contains(code) == (i == a), || {
                    format!("{id}: {name} has {own:?}; option {i} ({code}), answer {a}")
                })?;
            }
        }
        Source::NameFix { scheme: sid, name } => {
            let c = scheme(sid)?;
            let check = c.check(name);
            let Answer::Text(fixed) = &q.answer else {
                return Err(format!("{id}: not a text answer"));
            };
            expect(!check.ok, || format!("{id}: {name} passes"))?;
            expect(check.suggestion.as_deref() == Some(fixed.as_str()), || {
                format!("{id}: suggestion {:?}, answer {fixed}", check.suggestion)
            })?;
            expect(c.check(fixed).ok, || format!("{id}: the fix {fixed} fails"))?;
        }
        Source::NameCheck { scheme: sid, name } => {
            let c = scheme(sid)?;
            expect(q.answer == Answer::Bool(c.check(name).ok), || {
                format!("{id}: {name} checks {}", c.check(name).ok)
            })?;
            expect(q.prompt.contains(name.as_str()), || {
                format!("{id}: the prompt does not show {name}")
            })?;
        }
        Source::RouteApprovers { request, routes } => {
            let actual = steps(&route(bundle, request)?);
            let a = index(q)?;
            expect(routes.len() == q.options.len(), || {
                format!("{id}: routes do not follow options")
            })?;
            for (i, r) in routes.iter().enumerate() {
                expect((*r == actual) == (i == a), || {
                    format!("{id}: option {i} {r:?}, simulated {actual:?}, answer {a}")
                })?;
            }
            for (i, o) in q.options.iter().enumerate() {
                for p in routes[i].iter().flatten() {
                    let name = bundle.org.person(p).map(|x| x.name.as_str()).unwrap_or(p);
                    expect(o.contains(name), || {
                        format!("{id}: option {o} does not name {name}")
                    })?;
                }
            }
        }
        Source::RouteWho { request, people } => {
            let actual: BTreeSet<String> = steps(&route(bundle, request)?)
                .into_iter()
                .flatten()
                .collect();
            let Answer::Indexes(list) = &q.answer else {
                return Err(format!("{id}: not a list answer"));
            };
            expect(people.len() == q.options.len(), || {
                format!("{id}: people do not follow options")
            })?;
            let chosen: BTreeSet<String> = list.iter().map(|&i| people[i].clone()).collect();
            expect(chosen == actual, || {
                format!("{id}: answer {chosen:?}, simulated {actual:?}")
            })?;
            for (i, p) in people.iter().enumerate() {
                let name = bundle
                    .org
                    .person(p)
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                expect(q.options[i] == name, || {
                    format!("{id}: option {} is not {p}", q.options[i])
                })?;
            }
        }
        Source::RouteSteps { request, counts } => {
            let n = route(bundle, request)?.steps.len();
            let a = index(q)?;
            expect(counts.len() == q.options.len(), || {
                format!("{id}: counts do not follow options")
            })?;
            for (i, c) in counts.iter().enumerate() {
                expect((*c == n) == (i == a), || {
                    format!("{id}: option {i} = {c}, simulated {n}")
                })?;
                expect(q.options[i].contains(&c.to_string()), || {
                    format!("{id}: option {} is not {c}", q.options[i])
                })?;
            }
        }
        Source::RouteBranch {
            request,
            block,
            branches,
        } => {
            let r = route(bundle, request)?;
            let taken = r
                .trace
                .iter()
                .find_map(|e| match e.code {
                    "branch_taken" if e.param("block") == block => {
                        Some(Some(e.param("branch").to_string()))
                    }
                    "default_taken" if e.param("block") == block => Some(None),
                    _ => None,
                })
                .ok_or_else(|| format!("{id}: block {block} not reached"))?;
            let a = index(q)?;
            expect(branches.len() == q.options.len(), || {
                format!("{id}: branches do not follow options")
            })?;
            for (i, b) in branches.iter().enumerate() {
                expect((*b == taken) == (i == a), || {
                    format!("{id}: option {i} {b:?}, simulated {taken:?}")
                })?;
            }
        }
        Source::Number { norm: n } => {
            let n = norm(n)?;
            let right = n.value.text(lang);
            only_option(q, &right, "value")?;
        }
        Source::NumberStatement { norm: n, stated } => {
            let n = norm(n)?;
            expect(q.answer == Answer::Bool(*stated == n.value), || {
                format!("{id}: stated {stated:?}")
            })?;
            expect(q.prompt.contains(&stated.text(lang)), || {
                format!("{id}: the prompt does not state it")
            })?;
        }
        Source::TimeInRange { norm: n, time } => {
            use policy_playground::core::norms::Quantity;
            let n = norm(n)?;
            let Quantity::TimeRange { from, to } = &n.value else {
                return Err(format!("{id}: not a time range"));
            };
            // "HH:MM" compares as text in the order of the day.
            let inside = if from <= to {
                from.as_str() <= time.as_str() && time.as_str() < to.as_str()
            } else {
                time.as_str() >= from.as_str() || time.as_str() < to.as_str()
            };
            expect(q.answer == Answer::Bool(inside), || {
                format!("{id}: {time} in {from}–{to} is {inside}")
            })?;
        }
        Source::WorkingHours => {
            let cal = &bundle.timing.calendar;
            let right = format!("{}–{}", cal.day_start, cal.day_end);
            only_option(q, &right, "hours")?;
        }
        Source::Channel { channel, situation } => {
            let c = bundle
                .norms
                .channels
                .iter()
                .find(|c| c.id == *channel)
                .ok_or_else(|| format!("{id}: no channel {channel}"))?;
            expect(c.situations.iter().any(|s| s.trim() == situation), || {
                format!("{id}: {situation} is not {channel}'s")
            })?;
            let others = bundle.norms.channels.iter().filter(|x| x.id != *channel);
            for o in others {
                expect(!o.situations.iter().any(|s| s.trim() == situation), || {
                    format!("{id}: {situation} is also {}'s", o.id)
                })?;
            }
            only_option(q, &c.name, "channel")?;
        }
        Source::ChannelUrgency { channel } => {
            let c = bundle
                .norms
                .channels
                .iter()
                .find(|c| c.id == *channel)
                .ok_or_else(|| format!("{id}: no channel {channel}"))?;
            only_option(q, c.urgency.trim(), "urgency")?;
        }
        Source::ClassExample { level, example } => {
            let l = bundle
                .norms
                .classifications
                .iter()
                .find(|l| l.id == *level)
                .ok_or_else(|| format!("{id}: no level {level}"))?;
            expect(l.examples.iter().any(|e| e.trim() == example), || {
                format!("{id}: {example} is not {level}'s")
            })?;
            only_option(q, &l.name, "level")?;
        }
        Source::ClassOrder => {
            let names: Vec<&str> = bundle
                .norms
                .classifications
                .iter()
                .map(|l| l.name.as_str())
                .collect();
            let right = names.join(" < ");
            only_option(q, &right, "order")?;
        }
        Source::PermissionActions { level } => {
            let p = bundle
                .norms
                .permissions
                .iter()
                .find(|p| p.id == *level)
                .ok_or_else(|| format!("{id}: no level {level}"))?;
            let Answer::Indexes(list) = &q.answer else {
                return Err(format!("{id}: not a list answer"));
            };
            let chosen: BTreeSet<&str> = list.iter().map(|&i| q.options[i].as_str()).collect();
            let own: BTreeSet<&str> = p.actions.iter().map(|a| a.trim()).collect();
            expect(chosen == own, || {
                format!("{id}: answer {chosen:?}, actions {own:?}")
            })?;
        }
        Source::PermissionHolder { level, holder } => {
            let p = bundle
                .norms
                .permissions
                .iter()
                .find(|p| p.id == *level)
                .ok_or_else(|| format!("{id}: no level {level}"))?;
            expect(p.holders.iter().any(|h| h.trim() == holder), || {
                format!("{id}: {holder} is not {level}'s")
            })?;
            only_option(q, &p.name, "level")?;
        }
        Source::Authored { id: qid } => {
            let authored = bundle
                .quiz
                .questions
                .iter()
                .find(|x| x.id == *qid)
                .ok_or_else(|| format!("{id}: no authored question {qid}"))?;
            let original = QuizQuestion::from_authored(authored);
            expect(original.prompt == q.prompt, || {
                format!("{id}: prompt changed")
            })?;
            let texts = |x: &QuizQuestion| -> BTreeSet<String> {
                match &x.answer {
                    Answer::Index(i) => x.options.get(*i).cloned().into_iter().collect(),
                    Answer::Indexes(l) => l
                        .iter()
                        .filter_map(|i| x.options.get(*i).cloned())
                        .collect(),
                    Answer::Bool(b) => [b.to_string()].into(),
                    Answer::Text(t) => [t.clone()].into(),
                }
            };
            expect(texts(&original) == texts(q), || {
                format!("{id}: the right answer changed")
            })?;
        }
    }
    Ok(())
}
