//! The product's brain: pure Rust, no browser. Compiled and tested natively; the UI and the
//! command-line tool call into it and never decide policy outcomes themselves.
//!
//! Nothing here may use leptos, web_sys, wasm_bindgen or js_sys, nor read a clock or a
//! random source: callers pass time and seeds in (`tests/architecture.rs` enforces it).

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod batch;
pub mod bundle;
pub mod calendar;
pub mod charts;
pub mod csv;
pub mod demo;
pub mod export;
pub mod flow_diagram;
pub mod history;
pub mod impact;
pub mod json_path;
pub mod lang;
pub mod lint;
pub mod markdown;
pub mod naming;
pub mod norms;
pub mod org;
pub mod org_csv;
pub mod policy;
pub mod quiz;
pub mod report;
pub mod routing;
pub mod routing_edit;
pub mod simulate;
pub mod snapshot;
pub mod starter;
pub mod synth;
pub mod timing;
pub mod workspace_list;

pub use bundle::{Bundle, LoadError, Problem, ProblemKind, SCHEMA_VERSION};
pub use lang::Lang;
