//! Small SVG charts as strings, for the batch simulation: a histogram of processing times
//! and a horizontal bar chart (approver load). Pure functions, like
//! [`crate::core::flow_diagram`]: presentation attributes only (no `style` elements or
//! attributes, which the page's Content-Security-Policy would block), every text escaped.
//!
//! Each bar is a `<rect class="bar">` with a `<title>` giving its label and value, so
//! screen readers and tooltips have the numbers.

use super::flow_diagram::escape;

/// One bin of a histogram: `[from, to)` (the last bin includes its upper end) and how many
/// values fall in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    pub from: f64,
    pub to: f64,
    pub count: usize,
}

/// A "nice" step (1, 2, 2.5 or 5 times a power of ten) at least `raw`.
fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let pow = 10f64.powf(raw.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * pow >= raw - 1e-12 {
            return m * pow;
        }
    }
    10.0 * pow
}

/// Splits `values` (not negative; others are ignored) into about `bins` bins of a nice
/// width, starting at 0. Empty when there are no values.
pub fn bins(values: &[f64], bins: usize) -> Vec<Bin> {
    let vals: Vec<f64> = values
        .iter()
        .copied()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .collect();
    if vals.is_empty() {
        return Vec::new();
    }
    let max = vals.iter().copied().fold(0.0, f64::max);
    let n = bins.max(1);
    let width = nice_step(max / n as f64);
    // Enough bins to hold `max` (at least one).
    let count = (((max / width).floor() as usize) + 1).min(n + 1).max(1);
    let mut out: Vec<Bin> = (0..count)
        .map(|k| Bin {
            from: k as f64 * width,
            to: (k + 1) as f64 * width,
            count: 0,
        })
        .collect();
    for v in vals {
        let k = ((v / width).floor() as usize).min(count - 1);
        out[k].count += 1;
    }
    out
}

/// A number for a label: integers without decimals, others with at most one.
fn num(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{:.1}", x)
    }
}

const FONT: &str = "font-family=\"system-ui, sans-serif\"";

/// A histogram of `values` in about `bins` bins: one vertical bar per bin, the bins' lower
/// bounds along the bottom, `x_label` under them and `y_label` (what is counted) above the
/// bars. `title` names the chart for assistive technology.
pub fn histogram(
    values: &[f64],
    bins_wanted: usize,
    title: &str,
    x_label: &str,
    y_label: &str,
) -> String {
    let bins = bins(values, bins_wanted);
    let (w, h) = (640.0, 260.0);
    let (left, right, top, bottom) = (48.0, 16.0, 28.0, 48.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let max = bins.iter().map(|b| b.count).max().unwrap_or(0).max(1) as f64;
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"{t}\" class=\"chart histogram\"><title>{t}</title>",
        t = escape(title)
    );
    s.push_str(&format!(
        "<text x=\"{left}\" y=\"16\" font-size=\"12\" fill=\"#555\" {FONT}>{}</text>",
        escape(y_label)
    ));
    // Axis.
    s.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{y}\" x2=\"{x2}\" y2=\"{y}\" stroke=\"#888\" stroke-width=\"1\"/>",
        y = top + plot_h,
        x2 = left + plot_w
    ));
    s.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\" {FONT}>{m}</text>",
        x = left - 6.0,
        y = top + 4.0,
        m = max as usize
    ));
    s.push_str(&format!(
        "<text x=\"{x}\" y=\"{y}\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\" {FONT}>0</text>",
        x = left - 6.0,
        y = top + plot_h
    ));
    if !bins.is_empty() {
        let slot = plot_w / bins.len() as f64;
        for (k, b) in bins.iter().enumerate() {
            let bh = plot_h * b.count as f64 / max;
            let x = left + slot * k as f64;
            s.push_str(&format!(
                "<rect class=\"bar\" x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#3b82f6\"><title>{}–{}: {}</title></rect>",
                x + 1.0,
                top + plot_h - bh,
                (slot - 2.0).max(1.0),
                bh,
                num(b.from),
                num(b.to),
                b.count
            ));
            s.push_str(&format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#555\" text-anchor=\"middle\" {FONT}>{}</text>",
                x,
                top + plot_h + 14.0,
                num(b.from)
            ));
        }
        let last = bins.last().map_or(0.0, |b| b.to);
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" fill=\"#555\" text-anchor=\"middle\" {FONT}>{}</text>",
            left + plot_w,
            top + plot_h + 14.0,
            num(last)
        ));
    }
    s.push_str(&format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#555\" text-anchor=\"middle\" {FONT}>{}</text>",
        left + plot_w / 2.0,
        h - 8.0,
        escape(x_label)
    ));
    s.push_str("</svg>");
    s
}

/// A horizontal bar chart: one row per `(label, value)`, in the order given, the value
/// written after each bar.
pub fn bar_chart(bars: &[(String, f64)], title: &str) -> String {
    let row = 22.0;
    let (label_w, value_w, w) = (120.0, 56.0, 640.0);
    let h = (bars.len() as f64 * row + 8.0).max(30.0);
    let plot_w = w - label_w - value_w;
    let max = bars
        .iter()
        .map(|b| b.1)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let max = if max > 0.0 { max } else { 1.0 };
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" width=\"100%\" role=\"img\" aria-label=\"{t}\" class=\"chart bars\"><title>{t}</title>",
        t = escape(title)
    );
    for (k, (label, value)) in bars.iter().enumerate() {
        let y = 4.0 + row * k as f64;
        let v = if value.is_finite() && *value > 0.0 {
            *value
        } else {
            0.0
        };
        let bw = plot_w * v / max;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#333\" text-anchor=\"end\" {FONT}>{}</text>",
            label_w - 6.0,
            y + 14.0,
            escape(&fit(label, 9))
        ));
        s.push_str(&format!(
            "<rect class=\"bar\" x=\"{label_w}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#10b981\"><title>{}: {}</title></rect>",
            y + 2.0,
            bw.max(1.0),
            row - 6.0,
            escape(label),
            num(v)
        ));
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" fill=\"#333\" {FONT}>{}</text>",
            label_w + bw + 6.0,
            y + 14.0,
            num(v)
        ));
    }
    s.push_str("</svg>");
    s
}

/// At most `max` characters, ending with `…` when cut.
fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.0), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(3.0), 5.0);
        assert_eq!(nice_step(7.0), 10.0);
        assert_eq!(nice_step(13.0), 20.0);
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn bins_cover_every_value_once() {
        let values = [0.0, 1.0, 2.5, 9.0, 10.0, 23.0, 24.0];
        let b = bins(&values, 12);
        assert_eq!(b.iter().map(|b| b.count).sum::<usize>(), values.len());
        // max 24 over 12 bins: width 2, bins 0..2, 2..4, …, 24..26.
        assert_eq!(b[0].from, 0.0);
        assert_eq!(b[0].to, 2.0);
        assert_eq!(b[0].count, 2);
        assert_eq!(b.len(), 13);
        assert_eq!(b[12].count, 1);
        assert!(b.windows(2).all(|w| w[0].to == w[1].from));
    }

    #[test]
    fn bins_of_nothing_and_of_zeros() {
        assert!(bins(&[], 12).is_empty());
        assert!(bins(&[-1.0, f64::NAN], 12).is_empty());
        let b = bins(&[0.0, 0.0], 12);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].count, 2);
    }

    #[test]
    fn histogram_has_one_bar_per_bin() {
        let values: Vec<f64> = (0..100).map(|k| k as f64 / 4.0).collect();
        let svg = histogram(&values, 12, "Times", "hours", "requests");
        let n = bins(&values, 12).len();
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), n);
        assert!(svg.starts_with("<svg"));
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("style"));
    }

    #[test]
    fn empty_histogram_is_still_a_chart() {
        let svg = histogram(&[], 12, "t", "x", "y");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert_eq!(svg.matches("class=\"bar\"").count(), 0);
    }

    #[test]
    fn bar_chart_rows_and_values() {
        let bars = vec![("张伟".to_string(), 12.0), ("Li".to_string(), 3.0)];
        let svg = bar_chart(&bars, "Load");
        assert_eq!(svg.matches("<rect class=\"bar\"").count(), 2);
        assert!(svg.contains(">张伟<"));
        assert!(svg.contains("<title>Li: 3</title>"));
        // The longest bar fills the plot.
        assert!(svg.contains("width=\"464.0\""));
    }

    #[test]
    fn text_is_escaped() {
        let bars = vec![("<a & \"b\">".to_string(), 1.0)];
        let svg = bar_chart(&bars, "x < y");
        assert!(svg.contains("&lt;a &amp; &quot;b&quot;&gt;"));
        assert!(svg.contains("aria-label=\"x &lt; y\""));
        assert!(!svg.contains("<a "));
        let h = histogram(&[1.0], 12, "<t>", "h & m", "'n'");
        assert!(h.contains("&lt;t&gt;") && h.contains("h &amp; m") && h.contains("&#39;n&#39;"));
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(fit("abcdefghijk", 5), "abcd…");
        assert_eq!(fit("abc", 5), "abc");
    }

    #[test]
    fn numbers() {
        assert_eq!(num(2.0), "2");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(2.34), "2.3");
    }
}
