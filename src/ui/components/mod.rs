//! Components shared by several pages.

pub mod notices;
pub mod share_prompt;
pub mod table;
pub mod widgets;
pub mod workspace_menu;
pub mod workspaces;
