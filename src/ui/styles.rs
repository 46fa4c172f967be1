//! The stylesheets of the parts loaded on demand.
//!
//! `style/main.css` comes with the first load (index.html). Each sheet here is added to the
//! page by the loader of the part that needs it (`src/ui/areas.rs`), before the part's
//! views are built, so the text travels in that part's WebAssembly chunk and the first load
//! does not carry it. Adding a sheet twice adds it once.

macro_rules! sheets {
    ($($(#[$doc:meta])* $name:ident => $file:literal;)*) => {
        $(
            $(#[$doc])*
            pub fn $name() {
                add(stringify!($name), include_str!(concat!("../../style/", $file)));
            }
        )*
    };
}

sheets! {
    /// The employee's quiz page, handing quizzes out and the trainer's results.
    training => "training.css";
    /// The trainer's editors: question bank, rule facts and quiz sets.
    training_editor => "training-editor.css";
    /// The trainer's full-screen demonstration.
    demo => "demo.css";
    /// The workspaces panel.
    workspaces => "workspaces.css";
}

/// Appends `<style data-sheet="id">` to the document's head unless it is there already.
fn add(id: &str, css: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let selector = format!("style[data-sheet=\"{id}\"]");
    if matches!(doc.query_selector(&selector), Ok(Some(_))) {
        return;
    }
    let Ok(sheet) = doc.create_element("style") else {
        return;
    };
    let _ = sheet.set_attribute("data-sheet", id);
    sheet.set_text_content(Some(css));
    if let Some(head) = doc.head() {
        let _ = head.append_child(&sheet);
    }
}
