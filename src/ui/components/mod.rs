//! Components shared by several pages.

pub mod notices;
pub mod table;
pub mod widgets;
pub mod workspace_menu;
