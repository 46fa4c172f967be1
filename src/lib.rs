//! Policy Playground: write, test and teach workplace messaging norms.
//!
//! - [`core`]: the product's logic, pure Rust, tested natively;
//! - `ui`: the Leptos interface, compiled only for the browser (wasm32).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;
