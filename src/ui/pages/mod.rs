//! One module per area of the app.

pub mod approvals;
pub mod common;
pub mod export;
pub mod naming;
pub mod policy;
pub mod training;
pub mod versions;
