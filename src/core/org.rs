//! The org chart: departments, people and roles.

use serde::{Deserialize, Serialize};

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
        let mut current = self.department(dept)?;
        // Bounded by the number of departments so a parent cycle cannot loop forever.
        for _ in 0..=self.departments.len() {
            match current.parent.as_deref().and_then(|p| self.department(p)) {
                Some(parent) if parent.parent.is_none() => return Some(current),
                Some(parent) => current = parent,
                None => return Some(current),
            }
        }
        None
    }
}
