//! One row of a norms list: the fact's own fields, the clause that states it, and move and
//! remove buttons.

use leptos::prelude::*;

use super::List;
use crate::core::norms::{Norms, Quantity, Unit};
use crate::core::Bundle;
use crate::ui::i18n::K;
use crate::ui::pages::training::fields::{self, get, set, Reader, Writer};
use crate::ui::state::Store;

/// What a list's rows are built from: one entry per item, a number's value kind (0 a
/// duration, 1 a time range) and 0 for the other lists.
pub fn shape(list: List, n: &Norms) -> Vec<u8> {
    match list {
        List::Numbers => n
            .numbers
            .iter()
            .map(|x| u8::from(matches!(x.value, Quantity::TimeRange { .. })))
            .collect(),
        _ => vec![0; list.items(n).len()],
    }
}

const UNITS: [(Unit, K); 6] = [
    (Unit::Minutes, K::TnUnitMinutes),
    (Unit::Hours, K::TnUnitHours),
    (Unit::WorkingDays, K::TnUnitWorkingDays),
    (Unit::Days, K::TnUnitDays),
    (Unit::Months, K::TnUnitMonths),
    (Unit::Years, K::TnUnitYears),
];

/// The reader and writer of field `$f` of item `$k` of the norms list `$list`.
macro_rules! field {
    ($list:ident, $k:ident, $f:ident) => {
        (
            get(move |b: &Bundle| {
                b.norms
                    .$list
                    .get($k)
                    .map(|x| x.$f.clone())
                    .unwrap_or_default()
            }),
            set(move |b: &mut Bundle, v| {
                if let Some(x) = b.norms.$list.get_mut($k) {
                    x.$f = v;
                }
            }),
        )
    };
}

/// Row `k` of `list`, of `n` rows; `kind` as in [`shape`].
pub fn row(store: Store, list: List, k: usize, n: usize, kind: u8) -> AnyView {
    let key = list.key();
    let ukey = move |f: &str| format!("norms.{key}.{k}.{f}");
    let text =
        |label: K, testid: &'static str, f: &str, (r, w): (Reader<String>, Writer<String>)| {
            fields::text(store, label, testid, ukey(f), false, r, w)
        };
    let lines = |label: K,
                 testid: &'static str,
                 f: &str,
                 (r, w): (Reader<Vec<String>>, Writer<Vec<String>>)| {
        fields::lines(store, label, testid, ukey(f), r, w)
    };
    let body = match list {
        List::Numbers => {
            let value = if kind == 0 {
                duration_fields(store, k)
            } else {
                view! {
                    {text(K::TnFrom, "tn-from", "from", time_end(k, true))}
                    {text(K::TnTo, "tn-to", "to", time_end(k, false))}
                }
                .into_any()
            };
            view! {
                {text(K::TnLabel, "tn-label", "label", field!(numbers, k, label))}
                {value_kind(store, k)}
                {value}
            }
            .into_any()
        }
        List::Channels => view! {
            {text(K::TnName, "tn-name", "name", field!(channels, k, name))}
            {text(K::TnUrgency, "tn-urgency", "urgency", field!(channels, k, urgency))}
            {lines(K::TnSituations, "tn-situations", "situations", field!(channels, k, situations))}
        }
        .into_any(),
        List::Classifications => view! {
            {text(K::TnName, "tn-name", "name", field!(classifications, k, name))}
            {lines(K::TnExamples, "tn-examples", "examples", field!(classifications, k, examples))}
        }
        .into_any(),
        List::Permissions => view! {
            {text(K::TnName, "tn-name", "name", field!(permissions, k, name))}
            {lines(K::TnActions, "tn-actions", "actions", field!(permissions, k, actions))}
            {lines(K::TnHolders, "tn-holders", "holders", field!(permissions, k, holders))}
        }
        .into_any(),
    };
    let clause = fields::menu(
        store,
        K::StatedIn,
        "tn-clause",
        get(fields::clause_choices),
        get(move |b| clause_of(list, b, k)),
        set(move |b, v| set_clause(list, b, k, v)),
    );
    let id = move || {
        store
            .bundle
            .with(|b| list.items(&b.norms).get(k).map(|(id, _)| id.to_string()))
    };
    view! {
        <li class="tn-row" data-testid=format!("tn-{key}-row") data-id=id>
            <div class="row-head">
                <code>{id}</code>
                {fields::row_actions(
                    store,
                    k,
                    n,
                    K::TnRemove,
                    "tn-row-actions",
                    set(move |b, (k, up)| list.shift(b, k, up)),
                    set(move |b, k| list.remove(b, k)),
                )}
            </div>
            <div class="tn-fields">
                {body}
                {clause}
            </div>
        </li>
    }
    .into_any()
}

fn clause_of(list: List, b: &Bundle, k: usize) -> String {
    list.items(&b.norms)
        .get(k)
        .map(|(_, c)| c.to_string())
        .unwrap_or_default()
}

fn set_clause(list: List, b: &mut Bundle, k: usize, v: String) {
    let n = &mut b.norms;
    let slot = match list {
        List::Numbers => n.numbers.get_mut(k).map(|x| &mut x.clause),
        List::Channels => n.channels.get_mut(k).map(|x| &mut x.clause),
        List::Classifications => n.classifications.get_mut(k).map(|x| &mut x.clause),
        List::Permissions => n.permissions.get_mut(k).map(|x| &mut x.clause),
    };
    if let Some(slot) = slot {
        *slot = v;
    }
}

/// The menu choosing whether number `k` is a duration or a daily time range.
fn value_kind(store: Store, k: usize) -> AnyView {
    let choices = get(move |_| {
        let lang = store.ui_lang.get();
        vec![
            ("duration".to_string(), K::TnDuration.text(lang).to_string()),
            ("range".to_string(), K::TnTimeRange.text(lang).to_string()),
        ]
    });
    fields::menu(
        store,
        K::TnValueKind,
        "tn-value-kind",
        choices,
        get(move |b| match b.norms.numbers.get(k).map(|x| &x.value) {
            Some(Quantity::TimeRange { .. }) => "range".into(),
            _ => "duration".into(),
        }),
        set(move |b, v: String| {
            let Some(x) = b.norms.numbers.get_mut(k) else {
                return;
            };
            x.value = match (v.as_str(), &x.value) {
                ("range", Quantity::Duration { .. }) => Quantity::TimeRange {
                    from: "09:00".into(),
                    to: "18:00".into(),
                },
                ("duration", Quantity::TimeRange { .. }) => Quantity::Duration {
                    amount: 30,
                    unit: Unit::Minutes,
                },
                _ => return,
            };
        }),
    )
}

/// The amount and unit of duration `k`.
fn duration_fields(store: Store, k: usize) -> AnyView {
    let amount = fields::number(
        store,
        K::TnAmount,
        "tn-amount",
        format!("norms.numbers.{k}.amount"),
        (0, 1_000_000),
        false,
        get(move |b| match b.norms.numbers.get(k).map(|x| &x.value) {
            Some(Quantity::Duration { amount, .. }) => Some(u64::from(*amount)),
            _ => None,
        }),
        set(move |b, v: Option<u64>| {
            if let (Some(Quantity::Duration { amount, .. }), Some(v)) =
                (b.norms.numbers.get_mut(k).map(|x| &mut x.value), v)
            {
                *amount = u32::try_from(v).unwrap_or(u32::MAX);
            }
        }),
    );
    let units = get(move |_| {
        let lang = store.ui_lang.get();
        UNITS
            .iter()
            .enumerate()
            .map(|(i, (_, label))| (i.to_string(), label.text(lang).to_string()))
            .collect()
    });
    let unit = fields::menu(
        store,
        K::TnUnit,
        "tn-unit",
        units,
        get(move |b| match b.norms.numbers.get(k).map(|x| &x.value) {
            Some(Quantity::Duration { unit, .. }) => UNITS
                .iter()
                .position(|(u, _)| u == unit)
                .map(|i| i.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }),
        set(move |b, v: String| {
            let chosen = v
                .parse::<usize>()
                .ok()
                .and_then(|i| UNITS.get(i))
                .map(|(u, _)| *u);
            if let (Some(Quantity::Duration { unit, .. }), Some(u)) =
                (b.norms.numbers.get_mut(k).map(|x| &mut x.value), chosen)
            {
                *unit = u;
            }
        }),
    );
    view! { {amount} {unit} }.into_any()
}

/// The start (`from`) or end of time range `k`, as typed `HH:MM` (validation reports a
/// time that is not one).
fn time_end(k: usize, from: bool) -> (Reader<String>, Writer<String>) {
    (
        get(move |b| match b.norms.numbers.get(k).map(|x| &x.value) {
            Some(Quantity::TimeRange { from: f, to }) => {
                if from {
                    f.clone()
                } else {
                    to.clone()
                }
            }
            _ => String::new(),
        }),
        set(move |b, v| {
            if let Some(Quantity::TimeRange { from: f, to }) =
                b.norms.numbers.get_mut(k).map(|x| &mut x.value)
            {
                if from {
                    *f = v;
                } else {
                    *to = v;
                }
            }
        }),
    )
}
