//! The org chart: departments, people and roles.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::core::bundle::Bundle;
use crate::core::routing::{walk_flow, ApproverSpec, FlowNode, Subject, Template, Value};

/// The company's structure, as the approval engine sees it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Org {
    pub company: String,
    pub departments: Vec<Department>,
    pub people: Vec<Person>,
    pub roles: Vec<Role>,
}

/// A department in the tree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    /// The parent department's id; `None` for the root.
    #[serde(default)]
    pub parent: Option<String>,
    /// The head's person id.
    #[serde(default)]
    pub head: Option<String>,
    /// Other names people use for it (人力资源部 for 人事部). Accepted by naming checks
    /// only as near-misses with a suggestion, never as valid.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Whether a person still works here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Active,
    Left,
}

/// An employee.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub dept: String,
    /// The direct supervisor's person id.
    #[serde(default)]
    pub supervisor: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub status: Status,
}

/// A role people can hold (finance_manager, security_admin, …).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Role {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// Lookups by id over one org, built once in one pass: the simulator and the lint ask for
/// people, departments and role holders many times per request, and a 10,000-person org
/// makes a scan per question the main cost. The first of several entries with the same id
/// wins, as with [`Org::person`].
pub struct OrgIndex<'a> {
    pub org: &'a Org,
    people: HashMap<&'a str, &'a Person>,
    departments: HashMap<&'a str, &'a Department>,
    holders: HashMap<&'a str, Vec<&'a Person>>,
}

impl<'a> OrgIndex<'a> {
    pub fn new(org: &'a Org) -> OrgIndex<'a> {
        let mut people = HashMap::with_capacity(org.people.len());
        let mut holders: HashMap<&str, Vec<&Person>> = HashMap::new();
        for p in &org.people {
            people.entry(p.id.as_str()).or_insert(p);
            for r in &p.roles {
                let list = holders.entry(r.as_str()).or_default();
                // A role listed twice on one person still makes one holder.
                if !list.last().is_some_and(|last| std::ptr::eq(*last, p)) {
                    list.push(p);
                }
            }
        }
        let mut departments = HashMap::with_capacity(org.departments.len());
        for d in &org.departments {
            departments.entry(d.id.as_str()).or_insert(d);
        }
        OrgIndex {
            org,
            people,
            departments,
            holders,
        }
    }

    pub fn person(&self, id: &str) -> Option<&'a Person> {
        self.people.get(id).copied()
    }

    pub fn department(&self, id: &str) -> Option<&'a Department> {
        self.departments.get(id).copied()
    }

    /// People who hold a role, in file order.
    pub fn holders(&self, role: &str) -> &[&'a Person] {
        self.holders.get(role).map_or(&[], Vec::as_slice)
    }

    /// As [`Org::top_level_department`].
    pub fn top_level_department(&self, dept: &str) -> Option<&'a Department> {
        top_level(self.department(dept)?, self.departments.len(), |p| {
            self.department(p)
        })
    }

    /// Whether department `dept` is `ancestor` or below it (bounded, so a parent cycle
    /// cannot loop forever).
    pub fn in_department(&self, dept: &str, ancestor: &str) -> bool {
        let mut current = dept;
        for _ in 0..=self.departments.len() {
            if current == ancestor {
                return true;
            }
            match self.department(current).and_then(|d| d.parent.as_deref()) {
                Some(parent) => current = parent,
                None => return false,
            }
        }
        false
    }
}

impl Org {
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// Departments whose parent is `parent` (`None`: the roots), in file order.
    pub fn children(&self, parent: Option<&str>) -> Vec<&Department> {
        self.departments
            .iter()
            .filter(|d| d.parent.as_deref() == parent)
            .collect()
    }

    /// People who hold a role, in file order.
    pub fn holders(&self, role: &str) -> Vec<&Person> {
        self.people
            .iter()
            .filter(|p| p.roles.iter().any(|r| r == role))
            .collect()
    }

    /// The top-level department on a department's path: the child of the root, or the
    /// root itself for the root. This is whose head "department head of the requester" means.
    pub fn top_level_department(&self, dept: &str) -> Option<&Department> {
        top_level(self.department(dept)?, self.departments.len(), |p| {
            self.department(p)
        })
    }
}

/// Walks up from `start` to the child of the root (or the root itself), looking parents up
/// with `department`. Bounded by the number of departments, so a parent cycle cannot loop
/// forever: it gives `None`.
fn top_level<'d>(
    start: &'d Department,
    departments: usize,
    department: impl Fn(&str) -> Option<&'d Department>,
) -> Option<&'d Department> {
    let mut current = start;
    for _ in 0..=departments {
        match current.parent.as_deref().and_then(&department) {
            Some(parent) if parent.parent.is_none() => return Some(current),
            Some(parent) => current = parent,
            None => return Some(current),
        }
    }
    None
}

/// Whether making `parent` the parent of department `dept` would put `dept` inside its own
/// subtree (or make it its own parent). `None` (top level) never does.
pub fn parent_change_makes_cycle(org: &Org, dept: &str, parent: Option<&str>) -> bool {
    let mut current = parent;
    // Bounded by the number of departments, in case the tree already has a loop.
    for _ in 0..=org.departments.len() {
        match current {
            None => return false,
            Some(id) if id == dept => return true,
            Some(id) => current = org.department(id).and_then(|d| d.parent.as_deref()),
        }
    }
    false
}

/// A place where a person, role or department is referred to: what deleting it would
/// leave dangling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mention {
    /// The person supervises this person (id).
    Supervises(String),
    /// The person heads this department (id).
    Heads(String),
    /// This person (id) holds the role.
    HeldBy(String),
    /// This person (id) is in the department.
    Member(String),
    /// This department (id) is inside the department.
    SubDepartment(String),
    /// This approval template (id) names it: as an approver, a CC recipient, in a branch
    /// condition, or in its routing policy override.
    Template(String),
    /// This route fixture (id) names it: as the requester or an expected approver or CC.
    Fixture(String),
    /// The workspace's routing policy sends empty steps to holders of the role.
    RoutingPolicy,
}

/// What refers to person `id`, in order: the people they supervise, the departments they
/// head, the templates and the route fixtures naming them (each once).
pub fn person_mentions(b: &Bundle, id: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = b
        .org
        .people
        .iter()
        .filter(|p| p.supervisor.as_deref() == Some(id) && p.id != id)
        .map(|p| Mention::Supervises(p.id.clone()))
        .collect();
    out.extend(
        b.org
            .departments
            .iter()
            .filter(|d| d.head.as_deref() == Some(id))
            .map(|d| Mention::Heads(d.id.clone())),
    );
    for t in &b.approvals.templates {
        let named = template_mentions(
            t,
            |a| match a {
                ApproverSpec::People { people } => people.iter().any(|p| p == id),
                _ => false,
            },
            Subject::Requester,
            id,
        );
        if named {
            out.push(Mention::Template(t.id.clone()));
        }
    }
    for f in &b.fixtures {
        let e = &f.expect;
        if f.requester == id
            || e.steps.iter().flatten().any(|p| p == id)
            || e.cc.iter().any(|p| p == id)
        {
            out.push(Mention::Fixture(f.id.clone()));
        }
    }
    out
}

/// What refers to role `id`, in order: the people holding it, the templates using it, and
/// the workspace's routing policy.
pub fn role_mentions(b: &Bundle, id: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = b
        .org
        .holders(id)
        .into_iter()
        .map(|p| Mention::HeldBy(p.id.clone()))
        .collect();
    for t in &b.approvals.templates {
        let named = template_mentions(
            t,
            |a| match a {
                ApproverSpec::Role { role, .. } => role == id,
                ApproverSpec::SupervisorChain { until_role, .. } => {
                    until_role.as_deref() == Some(id)
                }
                _ => false,
            },
            Subject::RequesterRole,
            id,
        ) || t
            .policies
            .as_ref()
            .is_some_and(|p| p.empty_step_role.as_deref() == Some(id));
        if named {
            out.push(Mention::Template(t.id.clone()));
        }
    }
    if b.approvals.policies.empty_step_role.as_deref() == Some(id) {
        out.push(Mention::RoutingPolicy);
    }
    out
}

/// What refers to department `id`, in order: its sub-departments, its people, and the
/// templates naming it. A department can be deleted safely only when this is empty; the
/// editor refuses while it has sub-departments or people.
pub fn department_mentions(b: &Bundle, id: &str) -> Vec<Mention> {
    let mut out: Vec<Mention> = b
        .org
        .children(Some(id))
        .into_iter()
        .filter(|d| d.id != id)
        .map(|d| Mention::SubDepartment(d.id.clone()))
        .collect();
    out.extend(
        b.org
            .people
            .iter()
            .filter(|p| p.dept == id)
            .map(|p| Mention::Member(p.id.clone())),
    );
    for t in &b.approvals.templates {
        let named = template_mentions(
            t,
            |a| match a {
                ApproverSpec::DeptHead { dept } => dept.as_deref() == Some(id),
                _ => false,
            },
            Subject::RequesterDept,
            id,
        );
        if named {
            out.push(Mention::Template(t.id.clone()));
        }
    }
    out
}

/// Whether a template has an approver or CC recipient for which `approver` holds, or a
/// branch condition on `subject` whose value is `id` (or a list holding it).
fn template_mentions(
    t: &Template,
    approver: impl Fn(&ApproverSpec) -> bool,
    subject: Subject,
    id: &str,
) -> bool {
    if t.cc.iter().any(|c| approver(&c.who)) {
        return true;
    }
    let mut found = false;
    walk_flow(&t.flow, &mut |node| match node {
        FlowNode::Step(step) => found |= step.approvers.iter().any(&approver),
        FlowNode::Branch(block) => {
            for branch in &block.branches {
                for pred in branch.when.any_of.iter().flatten() {
                    if pred.subject == subject && value_names(pred.value.as_ref(), id) {
                        found = true;
                    }
                }
            }
        }
    });
    found
}

fn value_names(value: Option<&Value>, id: &str) -> bool {
    match value {
        Some(Value::Text(s)) => s == id,
        Some(Value::List(items)) => items.iter().any(|v| value_names(Some(v), id)),
        _ => false,
    }
}

/// An id made from a name: ASCII letters and digits in lower case, other runs of
/// characters as one `_`, at most 32 characters; `fallback` when nothing is left (a name
/// in Chinese, say).
pub fn id_from_name(name: &str, fallback: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
        if id.len() >= 32 {
            break;
        }
    }
    let id = id.trim_end_matches('_');
    if id.is_empty() {
        fallback.to_string()
    } else {
        id.to_string()
    }
}

/// `base`, or `base_2`, `base_3`, …, whichever `taken` does not hold.
pub fn fresh_id(base: &str, taken: &[&str]) -> String {
    if !taken.contains(&base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::starter;
    use crate::core::Lang;

    fn bundle() -> Bundle {
        starter::bundle(Lang::Zh)
    }

    #[test]
    fn the_index_answers_as_the_lists_do() {
        let mut org = bundle().org;
        // A duplicate id (the first wins, as with `Org::person`), a role listed twice, and a
        // parent cycle the walk must not follow forever.
        let mut twin = org.people[0].clone();
        twin.name = "twin".into();
        org.people.push(twin);
        let role = org.people[1].roles[0].clone();
        org.people[1].roles.push(role);
        org.departments.push(Department {
            id: "loop_a".into(),
            parent: Some("loop_b".into()),
            ..Department::default()
        });
        org.departments.push(Department {
            id: "loop_b".into(),
            parent: Some("loop_a".into()),
            ..Department::default()
        });
        let ix = OrgIndex::new(&org);
        for p in &org.people {
            assert_eq!(
                ix.person(&p.id).map(|x| &x.name),
                org.person(&p.id).map(|x| &x.name)
            );
        }
        assert!(ix.person("nobody").is_none());
        for r in &org.roles {
            let expected: Vec<&str> = org.holders(&r.id).iter().map(|p| p.id.as_str()).collect();
            let got: Vec<&str> = ix.holders(&r.id).iter().map(|p| p.id.as_str()).collect();
            assert_eq!(got, expected, "holders of {}", r.id);
        }
        assert!(ix.holders("no_such_role").is_empty());
        for d in &org.departments {
            assert_eq!(
                ix.top_level_department(&d.id).map(|x| &x.id),
                org.top_level_department(&d.id).map(|x| &x.id)
            );
        }
        assert!(ix.in_department("rd1", "tech"));
        assert!(ix.in_department("rd1", "rd1"));
        assert!(!ix.in_department("tech", "rd1"));
        assert!(!ix.in_department("loop_a", "tech"), "a parent cycle ends");
    }

    #[test]
    fn parent_cycles_are_found() {
        let org = bundle().org;
        // rd1 is under tech, under ceo.
        assert!(parent_change_makes_cycle(&org, "tech", Some("rd1")));
        assert!(parent_change_makes_cycle(&org, "ceo", Some("rd1")));
        assert!(parent_change_makes_cycle(&org, "tech", Some("tech")));
        assert!(!parent_change_makes_cycle(&org, "rd1", Some("hr")));
        assert!(!parent_change_makes_cycle(&org, "rd1", None));
        assert!(!parent_change_makes_cycle(&org, "rd1", Some("nowhere")));
    }

    #[test]
    fn parent_cycle_check_ends_on_a_looping_tree() {
        let mut org = bundle().org;
        for d in &mut org.departments {
            if d.id == "ceo" {
                d.parent = Some("rd1".into());
            }
        }
        assert!(!parent_change_makes_cycle(&org, "hr", Some("tech")));
        assert!(parent_change_makes_cycle(&org, "tech", Some("ceo")));
    }

    #[test]
    fn person_mentions_cover_org_templates_and_fixtures() {
        let b = bundle();
        let m = person_mentions(&b, "zhou");
        for id in ["wang", "li", "zhao", "chen", "sun", "wu"] {
            assert!(
                m.contains(&Mention::Supervises(id.into())),
                "supervises {id}"
            );
        }
        assert!(m.contains(&Mention::Heads("ceo".into())));
        assert!(m.iter().any(|x| matches!(x, Mention::Fixture(_))));
        // wang is a CC recipient of leave and trip.
        let m = person_mentions(&b, "wang");
        assert!(m.contains(&Mention::Template("leave".into())));
        assert!(m.contains(&Mention::Template("trip".into())));
        assert!(m.contains(&Mention::Heads("admin".into())));
        // Nobody refers to someone unknown.
        assert!(person_mentions(&b, "nobody").is_empty());
    }

    #[test]
    fn role_mentions_cover_holders_templates_and_policy() {
        let b = bundle();
        let m = role_mentions(&b, "approval_admin");
        assert_eq!(m.first(), Some(&Mention::HeldBy("wang".into())));
        assert!(m.contains(&Mention::RoutingPolicy));
        let m = role_mentions(&b, "finance_manager");
        assert!(m.contains(&Mention::HeldBy("zhao".into())));
        assert!(m.contains(&Mention::Template("expense".into())));
        assert!(!m.contains(&Mention::RoutingPolicy));
        assert!(role_mentions(&b, "no_such_role").is_empty());
    }

    #[test]
    fn role_mentions_see_until_role_and_conditions() {
        let mut b = bundle();
        let t = &mut b.approvals.templates[0];
        t.flow.push(FlowNode::Step(crate::core::routing::Step {
            id: "extra".into(),
            name: "extra".into(),
            approvers: vec![ApproverSpec::SupervisorChain {
                levels: None,
                until_role: Some("custom".into()),
            }],
            mode: Default::default(),
        }));
        let id = t.id.clone();
        assert_eq!(role_mentions(&b, "custom"), vec![Mention::Template(id)]);
    }

    #[test]
    fn department_mentions_list_children_people_and_templates() {
        let b = bundle();
        let m = department_mentions(&b, "tech");
        assert_eq!(m[0], Mention::SubDepartment("rd1".into()));
        assert!(m.contains(&Mention::Member("chen".into())));
        assert!(m.contains(&Mention::Member("xu".into())));
        let m = department_mentions(&b, "rd1");
        assert!(!m.iter().any(|x| matches!(x, Mention::SubDepartment(_))));
        let mut b = bundle();
        b.org.people.retain(|p| p.dept != "mkt");
        assert!(department_mentions(&b, "mkt").is_empty());
    }

    #[test]
    fn ids_from_names() {
        assert_eq!(id_from_name("Zhang Wei", "person"), "zhang_wei");
        assert_eq!(id_from_name("  R&D -- Team 2 ", "dept"), "r_d_team_2");
        assert_eq!(id_from_name("张伟", "person"), "person");
        assert_eq!(id_from_name("张伟 Li", "person"), "li");
        assert!(id_from_name(&"a".repeat(100), "x").len() <= 32);
    }

    #[test]
    fn fresh_ids_avoid_taken_ones() {
        assert_eq!(fresh_id("li", &["zhou"]), "li");
        assert_eq!(fresh_id("li", &["li"]), "li_2");
        assert_eq!(fresh_id("li", &["li", "li_2", "li_3"]), "li_4");
    }
}
