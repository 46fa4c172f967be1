//! The browser interface (Leptos). Components wire signals to `core`; they never decide
//! policy outcomes themselves.

pub mod app;
pub mod areas;
pub mod browser;
pub mod components;
pub mod i18n;
pub mod pages;
pub mod state;

pub use app::App;
