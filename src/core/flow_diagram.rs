//! An approval flow drawn as SVG: steps top to bottom, a branch block as columns side by
//! side (in priority order, the default last), with the path one route took highlighted.
//!
//! The drawing is a string so the app and the document exports draw the same picture. Every
//! text in it is XML-escaped; it holds no scripts, links or style sheets, only presentation
//! attributes and class names (`taken`, `off`, `dropped`) that a page may style further.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::lang::Lang;
use super::org::Org;
use super::routing::{describe, BranchBlock, FlowNode, Step, Template};
use super::simulate::Route;

/// The path a route took, to highlight.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// Steps in the route, with the names of their approvers.
    pub steps: BTreeMap<String, String>,
    /// Steps reached but dropped (everyone skipped).
    pub dropped: BTreeSet<String>,
    /// Branches taken, by branch id.
    pub branches: BTreeSet<String>,
    /// Blocks whose default was taken, by block id.
    pub defaults: BTreeSet<String>,
}

impl Highlight {
    /// The highlight of a simulated route; `name` gives a person's display name.
    pub fn of_route(route: &Route, name: impl Fn(&str) -> String, lang: Lang) -> Highlight {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        let mut h = Highlight::default();
        for s in &route.steps {
            let names: Vec<String> = s.approvers.iter().map(|p| name(p)).collect();
            h.steps.insert(s.step.clone(), names.join(sep));
        }
        for t in &route.trace {
            match t.code {
                "branch_taken" => {
                    h.branches.insert(t.param("branch").to_string());
                }
                "default_taken" => {
                    h.defaults.insert(t.param("block").to_string());
                }
                "step_dropped" => {
                    h.dropped.insert(t.param("step").to_string());
                }
                _ => {}
            }
        }
        h
    }
}

const BOX_W: f64 = 190.0;
const BOX_H: f64 = 50.0;
const LABEL_H: f64 = 40.0;
const EMPTY_H: f64 = 26.0;
const GAP_Y: f64 = 26.0;
const GAP_X: f64 = 18.0;
const GATE: f64 = 18.0;
const MARGIN: f64 = 12.0;
const END_H: f64 = 30.0;

const INK: &str = "#1f2933";
const MUTED: &str = "#9aa5b1";
const ACCENT: &str = "#0b6bcb";
const ACCENT_SOFT: &str = "#e3f0fc";

#[derive(Clone, Copy)]
struct Size {
    w: f64,
    h: f64,
}

fn measure_flow(nodes: &[FlowNode]) -> Size {
    if nodes.is_empty() {
        return Size {
            w: BOX_W,
            h: EMPTY_H,
        };
    }
    let mut w: f64 = BOX_W;
    let mut h = 0.0;
    for (i, n) in nodes.iter().enumerate() {
        let s = match n {
            FlowNode::Step(_) => Size { w: BOX_W, h: BOX_H },
            FlowNode::Branch(b) => measure_block(b),
        };
        w = w.max(s.w);
        h += s.h + if i > 0 { GAP_Y } else { 0.0 };
    }
    Size { w, h }
}

fn columns(b: &BranchBlock) -> impl Iterator<Item = &[FlowNode]> {
    b.branches
        .iter()
        .map(|br| br.then.as_slice())
        .chain(std::iter::once(b.default.as_slice()))
}

fn measure_block(b: &BranchBlock) -> Size {
    let mut w = 0.0;
    let mut col_h: f64 = 0.0;
    for (i, col) in columns(b).enumerate() {
        let s = measure_flow(col);
        w += s.w + if i > 0 { GAP_X } else { 0.0 };
        col_h = col_h.max(LABEL_H + GAP_Y + s.h);
    }
    Size {
        w,
        h: GATE * 2.0 + GAP_Y + col_h + GAP_Y,
    }
}

/// Escapes text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Cuts text to fit `width` pixels at `size` pixels per em (wide characters count one em,
/// others about 0.6), ending with `…` when cut.
fn fit(text: &str, width: f64, size: f64) -> String {
    let em = |c: char| if (c as u32) >= 0x2E80 { 1.0 } else { 0.6 };
    let total: f64 = text.chars().map(em).sum::<f64>() * size;
    if total <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = size; // room for the ellipsis
    for c in text.chars() {
        used += em(c) * size;
        if used > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

struct Painter<'a> {
    template: &'a Template,
    org: &'a Org,
    lang: Lang,
    highlight: Option<&'a Highlight>,
    out: String,
}

impl Painter<'_> {
    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, on: bool) {
        let (color, width, class) = if on {
            (ACCENT, 2.5, "edge taken")
        } else {
            (MUTED, 1.2, "edge")
        };
        let _ = write!(
            self.out,
            r#"<line class="{class}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{color}" stroke-width="{width}"/>"#
        );
    }

    fn text(&mut self, x: f64, y: f64, size: f64, color: &str, weight: &str, text: &str) {
        let _ = write!(
            self.out,
            r#"<text x="{x}" y="{y}" font-size="{size}" fill="{color}" font-weight="{weight}" text-anchor="middle">{}</text>"#,
            escape(text)
        );
    }

    /// Whether the path reaches this part of the flow at all (always, without a highlight).
    fn lit(&self, on_path: bool) -> bool {
        self.highlight.is_none() || on_path
    }

    /// Draws a flow with its top centre at (cx, y); returns the bottom.
    fn flow(&mut self, nodes: &[FlowNode], cx: f64, y: f64, on_path: bool) -> f64 {
        if nodes.is_empty() {
            let label = match self.lang {
                Lang::Zh => "无额外步骤",
                Lang::En => "no extra step",
            };
            self.text(cx, y + EMPTY_H / 2.0 + 4.0, 12.0, MUTED, "normal", label);
            return y + EMPTY_H;
        }
        let mut y = y;
        for (i, n) in nodes.iter().enumerate() {
            if i > 0 {
                self.line(cx, y, cx, y + GAP_Y, on_path && self.highlight.is_some());
                y += GAP_Y;
            }
            y = match n {
                FlowNode::Step(s) => self.step(s, cx, y, on_path),
                FlowNode::Branch(b) => self.block(b, cx, y, on_path),
            };
        }
        y
    }

    fn step(&mut self, s: &Step, cx: f64, y: f64, on_path: bool) -> f64 {
        let taken = self.highlight.and_then(|h| h.steps.get(&s.id));
        let dropped = self.highlight.is_some_and(|h| h.dropped.contains(&s.id));
        let rule: Vec<String> = s
            .approvers
            .iter()
            .map(|a| describe::approver(self.org, a, self.lang))
            .collect();
        let rule = rule.join(" + ");
        let (class, fill, stroke, ink) = match (taken, dropped, self.lit(on_path)) {
            (Some(_), _, _) => ("step taken", ACCENT_SOFT, ACCENT, INK),
            (None, true, _) => ("step dropped", "#ffffff", MUTED, MUTED),
            (None, false, true) => ("step", "#ffffff", INK, INK),
            (None, false, false) => ("step off", "#ffffff", MUTED, MUTED),
        };
        let x = cx - BOX_W / 2.0;
        let _ = write!(
            self.out,
            r#"<g class="{class}" data-step="{}"><title>{}: {}</title><rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="{}"{}/>"#,
            escape(&s.id),
            escape(&s.name),
            escape(&rule),
            if taken.is_some() { 2.5 } else { 1.2 },
            if dropped {
                r#" stroke-dasharray="5 4""#
            } else {
                ""
            },
        );
        let name = fit(&s.name, BOX_W - 16.0, 14.0);
        self.text(cx, y + 20.0, 14.0, ink, "bold", &name);
        let detail = match taken {
            Some(people) => people.clone(),
            None => rule,
        };
        let detail = fit(&detail, BOX_W - 16.0, 12.0);
        let detail_ink = if taken.is_some() { ACCENT } else { MUTED };
        self.text(cx, y + 38.0, 12.0, detail_ink, "normal", &detail);
        self.out.push_str("</g>");
        y + BOX_H
    }

    fn block(&mut self, b: &BranchBlock, cx: f64, y: f64, on_path: bool) -> f64 {
        let size = measure_block(b);
        let lit_here = on_path && self.highlight.is_some();
        // The gateway: a diamond.
        let _ = write!(
            self.out,
            r#"<path class="gateway" d="M{cx} {y} l{GATE} {GATE} l-{GATE} {GATE} l-{GATE} -{GATE} z" fill="{}" stroke="{}" stroke-width="1.2"/>"#,
            if lit_here { ACCENT_SOFT } else { "#ffffff" },
            if self.lit(on_path) { INK } else { MUTED },
        );
        let top = y + GATE * 2.0;
        let cols_top = top + GAP_Y;
        let bottom = y + size.h - GAP_Y;
        let join_y = y + size.h;
        let mut x = cx - size.w / 2.0;
        let n = b.branches.len();
        for (i, col) in columns(b).enumerate() {
            let w = measure_flow(col).w;
            let ccx = x + w / 2.0;
            let (label, title, taken) = match b.branches.get(i) {
                Some(br) => {
                    let cond = describe::condition(self.template, self.org, &br.when, self.lang);
                    let taken = self.highlight.is_some_and(|h| h.branches.contains(&br.id));
                    (br.name.clone(), cond, taken)
                }
                None => {
                    let label = match self.lang {
                        Lang::Zh => "其他情况",
                        Lang::En => "Otherwise",
                    };
                    let taken = self.highlight.is_some_and(|h| h.defaults.contains(&b.id));
                    (label.to_string(), label.to_string(), taken)
                }
            };
            let col_on = on_path && taken;
            let edge_on = col_on && self.highlight.is_some();
            // Gateway to the column, and the column's end down to the join.
            self.line(cx, top, cx, top + GAP_Y / 2.0, edge_on);
            self.line(cx, top + GAP_Y / 2.0, ccx, top + GAP_Y / 2.0, edge_on);
            self.line(ccx, top + GAP_Y / 2.0, ccx, cols_top, edge_on);
            // The condition label.
            let ink = if self.lit(col_on) { INK } else { MUTED };
            let _ = write!(
                self.out,
                r#"<g class="{}" data-branch="{}"><title>{}</title><rect x="{}" y="{cols_top}" width="{BOX_W}" height="{LABEL_H}" rx="14" fill="{}" stroke="{}" stroke-width="1"/>"#,
                if taken { "cond taken" } else { "cond" },
                escape(b.branches.get(i).map_or(b.id.as_str(), |br| br.id.as_str())),
                escape(&title),
                ccx - BOX_W / 2.0,
                if taken { ACCENT_SOFT } else { "#f7f9fb" },
                if taken { ACCENT } else { MUTED },
            );
            let priority = if i < n {
                format!("{}. ", i + 1)
            } else {
                String::new()
            };
            let label = fit(&format!("{priority}{label}"), BOX_W - 16.0, 12.0);
            self.text(ccx, cols_top + 16.0, 12.0, ink, "bold", &label);
            let cond = fit(&title, BOX_W - 16.0, 11.0);
            self.text(ccx, cols_top + 31.0, 11.0, ink, "normal", &cond);
            self.out.push_str("</g>");
            let flow_top = cols_top + LABEL_H + GAP_Y;
            self.line(ccx, cols_top + LABEL_H, ccx, flow_top, edge_on);
            let end = self.flow(col, ccx, flow_top, col_on);
            self.line(ccx, end, ccx, bottom, edge_on);
            self.line(ccx, bottom, cx, bottom, edge_on);
            x += w + GAP_X;
        }
        self.line(cx, bottom, cx, join_y, lit_here);
        join_y
    }
}

/// The template's flow as an SVG document fragment (an `<svg>` element).
pub fn svg(template: &Template, org: &Org, lang: Lang, highlight: Option<&Highlight>) -> String {
    let size = measure_flow(&template.flow);
    let width = size.w + MARGIN * 2.0;
    let height = size.h + END_H * 2.0 + GAP_Y * 2.0 + MARGIN * 2.0;
    let cx = width / 2.0;
    let (start, end, title) = match lang {
        Lang::Zh => ("提交申请", "结束", format!("审批流程：{}", template.name)),
        Lang::En => (
            "Submitted",
            "Done",
            format!("Approval flow: {}", template.name),
        ),
    };
    let mut p = Painter {
        template,
        org,
        lang,
        highlight,
        out: String::new(),
    };
    let on = highlight.is_some();
    let _ = write!(
        p.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="flow-diagram" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{t}" font-family="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"><title>{t}</title>"#,
        t = escape(&title)
    );
    let pill = |p: &mut Painter, y: f64, label: &str| {
        let _ = write!(
            p.out,
            r#"<rect class="terminal" x="{}" y="{y}" width="120" height="{END_H}" rx="15" fill="{}" stroke="{}"/>"#,
            cx - 60.0,
            if on { ACCENT_SOFT } else { "#f7f9fb" },
            if on { ACCENT } else { INK },
        );
        p.text(cx, y + 20.0, 13.0, INK, "bold", label);
    };
    let mut y = MARGIN;
    pill(&mut p, y, start);
    y += END_H;
    p.line(cx, y, cx, y + GAP_Y, on);
    y += GAP_Y;
    y = p.flow(&template.flow, cx, y, true);
    p.line(cx, y, cx, y + GAP_Y, on);
    y += GAP_Y;
    pill(&mut p, y, end);
    p.out.push_str("</svg>");
    p.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::simulate::simulate;
    use crate::core::starter;

    #[test]
    fn every_step_and_branch_is_drawn_and_the_route_is_highlighted() {
        let b = starter::bundle(Lang::Zh);
        let t = &b.approvals.templates[0];
        let plain = svg(t, &b.org, Lang::Zh, None);
        let mut steps = 0;
        let mut branches = 0;
        crate::core::routing::walk_flow(&t.flow, &mut |n| match n {
            FlowNode::Step(_) => steps += 1,
            FlowNode::Branch(bl) => branches += bl.branches.len() + 1,
        });
        assert_eq!(plain.matches("data-step=").count(), steps);
        assert_eq!(plain.matches("data-branch=").count(), branches);
        assert!(
            !plain.contains("taken"),
            "nothing is highlighted without a route"
        );

        // Every fixture of the template that routes: its route is what gets highlighted.
        let mut checked = 0;
        for f in b
            .fixtures
            .iter()
            .filter(|f| f.template == t.id && !f.expect.refused)
        {
            let fields = crate::core::simulate::fixture_form(f).expect("form");
            let route = simulate(&b, &t.id, &f.requester, &fields).expect("fixture routes");
            checked += 1;
            let h = Highlight::of_route(&route, |id| id.to_string(), Lang::Zh);
            let lit = svg(t, &b.org, Lang::Zh, Some(&h));
            assert_eq!(
                lit.matches(r#"class="step taken""#).count(),
                route.steps.len(),
                "{}: one highlighted box per step of the route",
                f.id
            );
            assert!(!h.branches.is_empty() || !h.defaults.is_empty());
            assert_eq!(
                lit.matches(r#"class="cond taken""#).count(),
                h.branches.len() + h.defaults.len()
            );
        }
        assert!(
            checked >= 2,
            "the starter has fixtures for its first template"
        );
    }

    #[test]
    fn hostile_names_are_text() {
        let mut b = starter::bundle(Lang::En);
        let t = &mut b.approvals.templates[0];
        t.name = "<script>alert(1)</script>".into();
        if let Some(FlowNode::Step(s)) = t.flow.first_mut() {
            s.name = "\"/><a href=\"javascript:x\">&".into();
        }
        let out = svg(&b.approvals.templates[0], &b.org, Lang::En, None);
        assert!(!out.contains("<script"));
        assert!(!out.contains("<a "));
        assert!(out.contains("&lt;script&gt;"));
        assert!(out.contains("&quot;/&gt;&lt;a href=&quot;javascript:x&quot;&gt;&amp;"));
    }

    #[test]
    fn long_labels_are_cut() {
        assert_eq!(fit("short", 100.0, 10.0), "short");
        let cut = fit(&"审批".repeat(40), 100.0, 10.0);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= 10);
    }
}
