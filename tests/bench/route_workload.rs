//! The routing benchmark's workload (issue 4), shared by `tests/route_bench.rs` (native)
//! and `tests/route_bench_browser.rs` (WebAssembly in headless Chromium), which include this
//! file with `#[path]`: 100,000 random requests over a generated org of 10,000 people
//! (`core::synth`), each resolved by `core::simulate::simulate_indexed` over one index of
//! the org (what a batch does; the starter's templates take no picks), best of three runs.
//! Building the index is part of the timed work.

use policy_playground::core::org::{Department, OrgIndex, Person};
use policy_playground::core::simulate::simulate_indexed;
use policy_playground::core::synth::{self, SynthRequest};
use policy_playground::core::Bundle;

pub const PEOPLE: usize = 10_000;
pub const REQUESTS: usize = 100_000;
pub const SEED: u64 = 2026;
pub const RUNS: usize = 3;

pub struct Workload {
    pub bundle: Bundle,
    pub requests: Vec<SynthRequest>,
}

pub fn workload() -> Workload {
    let bundle = synth::workspace(PEOPLE, SEED);
    let requests = synth::requests(&bundle, REQUESTS, SEED);
    Workload { bundle, requests }
}

/// What one pass over some requests gave.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    pub routes: usize,
    pub errors: usize,
    /// Steps and trace entries over all routes (so the work cannot be optimised away, and
    /// to say how big the routes are).
    pub steps: usize,
    pub trace: usize,
}

/// Resolves `requests` once, adding up what they gave in `t`.
pub fn resolve(bundle: &Bundle, requests: &[SynthRequest], t: &mut Tally) {
    let ix = OrgIndex::new(&bundle.org);
    for r in requests {
        match simulate_indexed(bundle, &ix, &r.template, &r.requester, &r.form, &r.picks) {
            Ok(route) => {
                t.routes += 1;
                t.steps += route.steps.len();
                t.trace += route.trace.len();
            }
            Err(_) => t.errors += 1,
        }
    }
}

/// Heap and inline bytes of the generated data: the org (in the workspace) and the
/// requests. Counts capacities, not lengths, and no allocator overhead.
pub fn data_bytes(w: &Workload) -> usize {
    use std::mem::size_of;
    let s = |x: &String| x.capacity();
    let o = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
    let org = &w.bundle.org;
    let depts: usize = org.departments.capacity() * size_of::<Department>()
        + org
            .departments
            .iter()
            .map(|d| {
                s(&d.id)
                    + s(&d.name)
                    + o(&d.parent)
                    + o(&d.head)
                    + d.aliases.capacity() * size_of::<String>()
                    + d.aliases.iter().map(s).sum::<usize>()
            })
            .sum::<usize>();
    let people: usize = org.people.capacity() * size_of::<Person>()
        + org
            .people
            .iter()
            .map(|p| {
                s(&p.id)
                    + s(&p.name)
                    + s(&p.dept)
                    + o(&p.supervisor)
                    + p.roles.capacity() * size_of::<String>()
                    + p.roles.iter().map(s).sum::<usize>()
            })
            .sum::<usize>();
    let requests: usize = w.requests.capacity() * size_of::<SynthRequest>()
        + w.requests
            .iter()
            .map(|r| {
                s(&r.template)
                    + s(&r.requester)
                    + r.form.capacity() * size_of::<(String, String)>()
                    + r.form.iter().map(|(k, v)| s(k) + s(v)).sum::<usize>()
                    + r.picks.capacity() * size_of::<(String, Vec<String>)>()
            })
            .sum::<usize>();
    depts + people + requests
}

/// The figures as one JSON object (the same keys natively and in the browser).
pub fn report(
    platform: &str,
    generate_ms: f64,
    runs_ms: &[f64],
    tally: Tally,
    data_bytes: usize,
    memory: serde_json::Value,
) -> serde_json::Value {
    let best_ms = runs_ms.iter().copied().fold(f64::INFINITY, f64::min);
    let per_sec = REQUESTS as f64 / (best_ms / 1000.0);
    serde_json::json!({
        "platform": platform,
        "people": PEOPLE,
        "requests": REQUESTS,
        "seed": SEED,
        "generate_ms": round(generate_ms, 1),
        "runs_ms": runs_ms.iter().map(|m| round(*m, 1)).collect::<Vec<_>>(),
        "best_ms": round(best_ms, 1),
        "requests_per_sec": per_sec.round(),
        "us_per_request": round(best_ms * 1000.0 / REQUESTS as f64, 2),
        "routes": tally.routes,
        "errors": tally.errors,
        "mean_steps": round(tally.steps as f64 / tally.routes.max(1) as f64, 2),
        "mean_trace_entries": round(tally.trace as f64 / tally.routes.max(1) as f64, 2),
        "data_bytes": data_bytes,
        "memory": memory,
    })
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}
