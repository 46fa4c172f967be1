//! The one place that touches the browser: storage, files, downloads, language, time,
//! scrolling. Everything else in the UI goes through these functions.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why browser storage could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// Storage is disabled or blocked (private mode, policy, sandboxed frame).
    Unavailable,
    /// The storage quota is exhausted.
    Full,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

/// Reads a key from localStorage.
pub fn storage_get(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Writes a key to localStorage, telling a full quota apart from disabled storage.
pub fn storage_set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|e| {
        let name = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.name())
            .unwrap_or_default();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
            StorageError::Full
        } else {
            StorageError::Unavailable
        }
    })
}

/// Removes a key from localStorage.
pub fn storage_remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::Unavailable)
}

/// Every key in localStorage (to find the workspaces stored there).
pub fn storage_keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let len = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect())
}

/// A seed for new ids: the clock's milliseconds with a random part mixed in, so two tabs
/// creating a workspace in the same millisecond still differ.
pub fn id_seed() -> u64 {
    let ms = js_sys::Date::now().max(0.0) as u64;
    let random = (js_sys::Math::random() * 1296.0) as u64;
    ms.wrapping_mul(1296).wrapping_add(random)
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if out.is_empty() {
        if let Some(l) = nav.language() {
            out.push(l);
        }
    }
    out
}

/// Milliseconds on a monotonic clock, for undo coalescing and measurements.
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// Today's local date as `YYYYMMDD`, for file names.
pub fn today_compact() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Today's local date as `YYYY-MM-DD`, for date inputs.
pub fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Now, local time, as `YYYY-MM-DDTHH:MM`.
pub fn now_local_minute() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// The next full hour, local time, as `YYYY-MM-DDTHH:MM` (a default submission time).
pub fn next_hour_local() -> String {
    let d = js_sys::Date::new_0();
    d.set_minutes(0);
    d.set_seconds(0);
    d.set_milliseconds(0);
    d.set_hours(d.get_hours() + 1);
    format!(
        "{:04}-{:02}-{:02}T{:02}:00",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours()
    )
}

/// Offers `contents` to the user as a file download. Nothing leaves the browser: the file
/// is made from a local object URL.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Offers bytes (a Word file) as a download, like [`download`].
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    download_blob(file_name, &blob)
}

/// Clicks a hidden link to a local object URL for `blob`.
fn download_blob(file_name: &str, blob: &web_sys::Blob) -> Result<(), JsValue> {
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_attribute("rel", "external")?;
    a.style().set_property("display", "none")?;
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    body.remove_child(&a)?;
    // Revoke later: some browsers start reading the URL after click() returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// The file chosen in a file input's change event. The input is cleared, so the same file
/// can be chosen again (after fixing it, say).
pub fn take_chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|f| f.get(0));
    input.set_value("");
    file
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    TooLarge { bytes: f64, limit: usize },
    NotText,
}

/// Reads a user-chosen file as UTF-8 text, refusing files over `limit` bytes unread.
pub async fn read_text(file: web_sys::File, limit: usize) -> Result<String, ReadError> {
    let size = file.size();
    if size > limit as f64 {
        return Err(ReadError::TooLarge { bytes: size, limit });
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| ReadError::NotText)?;
    text.as_string().ok_or(ReadError::NotText)
}

/// Scrolls the element with this id into view, if there is one.
pub fn scroll_to(id: &str) {
    let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Smooth);
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The path the app is served under (`""` at the root, `/sub` under a sub-path), read from
/// the `<base href>` that the build writes from its public URL. Without a `<base>` element
/// the app is at the root (the document's own URL says where the user is, not where the
/// app lives).
pub fn base_path() -> String {
    let Some(document) = window().and_then(|w| w.document()) else {
        return String::new();
    };
    if document
        .query_selector("base[href]")
        .ok()
        .flatten()
        .is_none()
    {
        return String::new();
    }
    let base = document.base_uri().ok().flatten().unwrap_or_default();
    let path = web_sys::Url::new(&base)
        .map(|u| u.pathname())
        .unwrap_or_default();
    path.trim_end_matches('/').to_string()
}

/// True on screens wide enough for the three-column policy layout (matches the CSS).
pub fn is_wide_screen() -> bool {
    window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 960.0)
}

/// Sets the document's `lang` attribute and title.
pub fn set_document_language(lang: &str, title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("lang", lang);
        }
        doc.set_title(title);
    }
}

/// Bytes read from a file into WebAssembly memory at a time.
const COPY_PIECE: usize = 4 * 1024 * 1024;

/// Reads a user-chosen file as text: UTF-8 (a byte-order mark is dropped) when it is valid
/// UTF-8, otherwise GB18030, which covers the GBK files that spreadsheet programs in China
/// write. Files over `limit` bytes are refused unread.
///
/// The bytes are read in pieces straight into WebAssembly memory and checked there:
/// decoding a large file in JavaScript and converting the string back would hold the main
/// thread several times as long.
pub async fn read_text_any_encoding(
    file: web_sys::File,
    limit: usize,
) -> Result<String, ReadError> {
    let size = file.size();
    if size > limit as f64 {
        return Err(ReadError::TooLarge { bytes: size, limit });
    }
    // Read, checked and copied in pieces, so no step holds the main thread for long: one
    // array buffer of a whole large file, or checking it in one go, would.
    let len = size as usize;
    let mut text = String::with_capacity(len);
    let mut carry: Vec<u8> = Vec::new();
    let mut from = 0usize;
    while from < len {
        let to = (from + COPY_PIECE).min(len);
        let blob = file
            .slice_with_f64_and_f64(from as f64, to as f64)
            .map_err(|_| ReadError::NotText)?;
        let buffer = JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| ReadError::NotText)?;
        // A character cut at the end of the previous piece starts this one.
        let mut bytes = std::mem::take(&mut carry);
        bytes.extend(js_sys::Uint8Array::new(&buffer).to_vec());
        match std::str::from_utf8(&bytes) {
            Ok(piece) => text.push_str(piece),
            Err(e) if e.error_len().is_none() => {
                let (valid, rest) = bytes.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(valid).map_err(|_| ReadError::NotText)?);
                carry = rest.to_vec();
            }
            Err(_) => return read_gb18030(file).await,
        }
        from = to;
    }
    if !carry.is_empty() {
        return read_gb18030(file).await;
    }
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// Reads a file that is not UTF-8 as GB18030 (GBK's superset), or says it is not text.
async fn read_gb18030(file: web_sys::File) -> Result<String, ReadError> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::NotText)?;
    let strict = web_sys::TextDecoderOptions::new();
    strict.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &strict)
        .and_then(|d| d.decode_with_buffer_source(buffer.unchecked_ref()))
        .map_err(|_| ReadError::NotText)
}

/// Size of the WebAssembly memory, in bytes (it only grows: a peak).
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length() as f64
        })
        .unwrap_or(0.0)
}

// ---- documents and share links (issue 6) ----

/// The fragment of the page's address, without `#` (empty when there is none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// Removes the fragment from the address without reloading or adding a history entry, so
/// a reload does not offer the same share link again.
pub fn clear_hash() {
    let Some(w) = window() else { return };
    let location = w.location();
    let (Ok(path), Ok(search)) = (location.pathname(), location.search()) else {
        return;
    };
    if let Ok(history) = w.history() {
        let _ =
            history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// The address that opens this app at its root with `fragment` (a share link).
pub fn app_url_with_fragment(fragment: &str) -> String {
    let origin = window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}/#{fragment}", base_path())
}

/// Puts text on the clipboard. Needs a secure context (https or localhost) and a user
/// gesture; the caller shows the text for copying by hand when this fails.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let w = window().ok_or_else(|| JsValue::from_str("no window"))?;
    let clipboard = w.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
}

/// Opens the print dialog for the document shown in the iframe `id` (the export preview),
/// so what prints is the document alone, without the app around it.
pub fn print_frame(id: &str) -> Result<(), JsValue> {
    let frame: web_sys::HtmlIFrameElement = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .ok_or_else(|| JsValue::from_str("no preview"))?
        .dyn_into()?;
    frame
        .content_window()
        .ok_or_else(|| JsValue::from_str("no preview window"))?
        .print()
}

// ---- training: employee mode and results (issue 7) ----

/// The address of the app's page at `path` (`/quiz`) with `fragment` after `#`, under the
/// app's base path (a quiz link).
pub fn app_url_at(path: &str, fragment: &str) -> String {
    let origin = window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}{path}#{fragment}", base_path())
}

/// Every file chosen in a file input's change event (a multiple input), in order; the input
/// is cleared so the same files can be chosen again.
pub fn take_chosen_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Opens the browser's print dialog for the page (the print stylesheet decides what shows).
pub fn print_page() -> Result<(), JsValue> {
    window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .print()
}

/// Milliseconds since 1970 on the browser's clock (a quiz's countdown, which must go on
/// across a reload).
pub fn epoch_ms() -> f64 {
    js_sys::Date::now()
}

/// Opens `url` in a new tab, without giving it a handle on this one.
pub fn open_new_tab(url: &str) -> Result<(), JsValue> {
    window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .open_with_url_and_target_and_features(url, "_blank", "noopener")
        .map(|_| ())
}
