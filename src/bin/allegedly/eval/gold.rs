//! The annotated corpora in ../shared/eval, loaded as score.py loads them.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A half-open range of Unicode code points, signed as in Python (the scorer's slicing rules apply).
pub type Range = (i64, i64);

/// A PolNeAR article: `{"id", "text", "attributions": [{"cue", "source", "content"}]}`.
#[derive(Debug, Deserialize)]
pub struct Article {
    pub id: Value,
    pub text: String,
    #[serde(default)]
    pub attributions: Vec<Attribution>,
}

/// One gold attribution; each part may be discontinuous, and source or content may be empty.
#[derive(Debug, Default, Deserialize)]
pub struct Attribution {
    #[serde(default)]
    pub cue: Vec<Range>,
    #[serde(default)]
    pub source: Vec<Range>,
    #[serde(default)]
    pub content: Vec<Range>,
}

/// A Szeged sentence: `{"id", "text", "cues": [{"start", "end", "kind"}]}`.
#[derive(Debug, Deserialize)]
pub struct Sentence {
    pub id: Value,
    pub text: String,
    #[serde(default)]
    pub cues: Vec<UncertaintyCue>,
}

#[derive(Debug, Deserialize)]
pub struct UncertaintyCue {
    pub start: i64,
    pub end: i64,
    pub kind: String,
}

/// Anything with an id, so loading can follow score.py's `{r["id"]: r for r in …}`.
pub trait HasId {
    fn id(&self) -> &Value;
}

impl HasId for Article {
    fn id(&self) -> &Value {
        &self.id
    }
}

impl HasId for Sentence {
    fn id(&self) -> &Value {
        &self.id
    }
}

/// The records of a JSON-lines file keyed by id as a Python dict would keep them: a repeated id
/// keeps the place of its first line and the content of its last.
pub fn load<T: DeserializeOwned + HasId>(path: &Path) -> Result<Vec<T>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut records: Vec<T> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{}: line {}: {e}", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let record: T = serde_json::from_str(&line)
            .map_err(|e| format!("{}: line {}: {e}", path.display(), n + 1))?;
        match index.entry(record.id().to_string()) {
            std::collections::hash_map::Entry::Occupied(at) => records[*at.get()] = record,
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(records.len());
                records.push(record);
            }
        }
    }
    Ok(records)
}
