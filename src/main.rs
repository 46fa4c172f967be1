//! The browser entry point: install the panic hook and start the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    policy_playground::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The Policy Playground app runs in the browser: use `make serve`. The command-line tool is `ppg`.");
}
