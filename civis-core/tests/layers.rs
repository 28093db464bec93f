//! The layers of civis-core (see its crate docs and CONTRIBUTING.md): data <- transport <-
//! workflows, and beside them the generator (model <- codegen), which builds on data alone. A
//! file may import its own layer and those below it, never one above. This test prints the layer
//! of every file (`cargo test -p civis-core --test layers -- --nocapture`) and fails on an upward
//! import, naming the file, the line and the layer imported.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each layer (a directory of `src/`) and the layers its files may import.
const LAYERS: &[(&str, &[&str])] = &[
    ("data", &["data"]),
    ("transport", &["data", "transport"]),
    ("workflows", &["data", "transport", "workflows"]),
    ("model", &["data", "model"]),
    ("codegen", &["data", "model", "codegen"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The layers named by `crate::<layer>` paths in the code (not the comments) of `line`.
fn layers_named(line: &str) -> Vec<&str> {
    let code = line.split("//").next().unwrap_or_default();
    code.match_indices("crate::")
        .filter(|(at, _)| {
            // `civis_core::` or `$crate::` are other paths; only `crate::` itself counts.
            !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(at, _)| {
            let rest = &code[at + "crate::".len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

#[test]
fn no_file_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut violations = Vec::new();
    let mut counted = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src/");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default();
        let Some((layer, allowed)) = LAYERS.iter().find(|(layer, _)| *layer == top) else {
            // lib.rs: the crate's root, which assembles the public API from every layer.
            println!("{:<10} {}", "root", relative.display());
            continue;
        };
        println!("{layer:<10} {}", relative.display());
        counted += 1;
        let text = std::fs::read_to_string(file).expect("a readable source file");
        for (number, line) in text.lines().enumerate() {
            for named in layers_named(line) {
                let is_layer = LAYERS.iter().any(|(l, _)| *l == named);
                if is_layer && !allowed.contains(&named) {
                    violations.push(format!(
                        "{}:{}: the {layer} layer imports the {named} layer: {}",
                        relative.display(),
                        number + 1,
                        line.trim()
                    ));
                } else if !is_layer {
                    // Paths through the root's re-exports would hide which layer they reach.
                    violations.push(format!(
                        "{}:{}: `crate::{named}` is not a layer; import from the layer that \
                         defines it: {}",
                        relative.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        counted > 40,
        "only {counted} files found under {}",
        src.display()
    );
    assert!(
        violations.is_empty(),
        "upward imports:\n{}",
        violations.join("\n")
    );
}

#[test]
fn the_check_sees_crate_paths_in_code_only() {
    assert_eq!(
        layers_named("use crate::transport::client::Client; // crate::workflows"),
        ["transport"]
    );
    assert_eq!(
        layers_named("    let x = civis_core::workflows::runs;"),
        Vec::<&str>::new()
    );
    assert_eq!(
        layers_named("pub(crate) fn f() -> crate::data::error::Error { crate::workflows::x() }"),
        ["data", "workflows"]
    );
}

// ---------------------------------------------------------------------------------------------
// Circles between files: a file names an item of another file (through `crate::`, `super::`,
// `self::` or a child module it declares), and no chain of such names may lead back to it.

/// The source of `text` with comments, string and character literals blanked out and the
/// in-file test modules (`#[cfg(test)]` to the end) left out, lines kept where they were.
fn code_only(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Blanks keep newlines, so that line numbers stay right.
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            chars.get(i + 1 + hashes) == Some(&'"')
                && !(i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_'))
        } {
            let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
            i += 2 + hashes;
            out.push(' ');
            while i < chars.len() {
                if chars[i] == '"'
                    && chars[i + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&c| c == '#')
                        .count()
                        == hashes
                {
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            out.push(' ');
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(blank(chars[i]));
                }
                i += 1;
            }
            i += 1;
        } else if c == '\'' {
            // A character literal ('a', '\n', '\u{1F600}'), or a lifetime ('a), left as it is.
            let close = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(end) => {
                    out.push(' ');
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The tokens of code: identifiers, `::` and single punctuation, each with its line.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (number, line) in code.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((chars[start..i].iter().collect(), number + 1));
            } else if c == ':' && chars.get(i + 1) == Some(&':') {
                out.push(("::".to_string(), number + 1));
                i += 2;
            } else {
                if !c.is_whitespace() {
                    out.push((c.to_string(), number + 1));
                }
                i += 1;
            }
        }
    }
    out
}

/// The paths a `use` tree starting at `tokens[at]` names, each as its segments and the name it
/// is known by here (its last segment, or what `as` renames it to; `*` for a glob), and where
/// the tree ends.
fn use_paths(
    tokens: &[(String, usize)],
    mut at: usize,
    prefix: &[String],
    out: &mut Vec<(Vec<String>, String)>,
) -> usize {
    let mut path = prefix.to_vec();
    let mut alias = None;
    while at < tokens.len() {
        match tokens[at].0.as_str() {
            "::" => at += 1,
            "{" => {
                at += 1;
                loop {
                    at = use_paths(tokens, at, &path, out);
                    match tokens.get(at).map(|t| t.0.as_str()) {
                        Some(",") => at += 1,
                        Some("}") => {
                            at += 1;
                            break;
                        }
                        _ => break,
                    }
                }
                return at;
            }
            "," | "}" | ";" => break,
            "as" => {
                alias = tokens.get(at + 1).map(|t| t.0.clone());
                at += 2;
            }
            "*" => {
                alias = Some("*".to_string());
                at += 1;
            }
            word => {
                path.push(word.to_string());
                at += 1;
            }
        }
    }
    let name = alias.or_else(|| path.last().cloned()).unwrap_or_default();
    out.push((path, name));
    at
}

/// Where a module of `src/` lives: `a/b.rs` or `a/b/mod.rs`, as its path of names.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts
        .last()
        .is_some_and(|last| last == "mod" || last == "lib")
    {
        parts.pop();
    }
    parts
}

/// What one file names: the paths of its code and plain `use`s (each with its line), and the
/// names it re-exports (`pub use`), which are no use of its own but a way to another file.
struct Names {
    module: Vec<String>,
    used: Vec<(Vec<String>, usize)>,
    reexports: Vec<(Vec<String>, String)>,
}

/// `path` as written in the file of `module` (which declares `children`), made absolute from
/// the crate's root; `None` for paths into other crates.
fn absolute(module: &[String], children: &[String], path: &[String]) -> Option<Vec<String>> {
    let first = path.first()?;
    let (mut out, mut rest) = match first.as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => (module.to_vec(), &path[1..]),
        "super" => (module.to_vec(), path),
        child if children.iter().any(|c| c == child) => (module.to_vec(), path),
        _ => return None,
    };
    while rest.first().is_some_and(|s| s == "super") {
        out.pop();
        rest = &rest[1..];
    }
    out.extend(rest.iter().cloned());
    Some(out)
}

fn names_of(module: Vec<String>, text: &str) -> Names {
    let tokens = tokens(&code_only(text));
    // The child modules this file declares (`mod x;`), whose names start paths here.
    let children: Vec<String> = tokens
        .windows(3)
        .filter(|w| w[0].0 == "mod" && w[2].0 == ";")
        .map(|w| w[1].0.clone())
        .collect();
    let mut names = Names {
        module,
        used: Vec::new(),
        reexports: Vec::new(),
    };
    let mut at = 0;
    while at < tokens.len() {
        let (word, line) = (&tokens[at].0, tokens[at].1);
        let after_path = at > 0 && tokens[at - 1].0 == "::";
        if word == "use" {
            // `pub use`, `pub(crate) use`, `pub(super) use`: a re-export.
            let public = at >= 1 && tokens[at - 1].0 == "pub"
                || at >= 4 && tokens[at - 1].0 == ")" && tokens[at - 4].0 == "pub";
            let mut paths = Vec::new();
            let end = use_paths(&tokens, at + 1, &[], &mut paths);
            for (path, name) in paths {
                let Some(path) = absolute(&names.module, &children, &path) else {
                    continue;
                };
                if public {
                    names.reexports.push((path, name));
                } else {
                    names.used.push((path, line));
                }
            }
            at = end.max(at + 1);
            continue;
        }
        if !after_path
            && (word == "crate" || word == "super" || word == "self" || children.contains(word))
            && tokens.get(at + 1).is_some_and(|t| t.0 == "::")
        {
            let mut path = vec![word.clone()];
            let mut next = at + 1;
            while tokens.get(next).is_some_and(|t| t.0 == "::")
                && tokens
                    .get(next + 1)
                    .is_some_and(|t| t.0.chars().all(|c| c.is_alphanumeric() || c == '_'))
            {
                path.push(tokens[next + 1].0.clone());
                next += 2;
            }
            if let Some(path) = absolute(&names.module, &children, &path) {
                names.used.push((path, line));
            }
            at = next;
            continue;
        }
        at += 1;
    }
    names
}

/// The file an absolute path lands in: the longest prefix that is a file's module, followed
/// through that file's re-exports when the next name is one of them.
fn resolve(
    files: &BTreeMap<Vec<String>, (PathBuf, Names)>,
    path: &[String],
    depth: usize,
) -> Option<PathBuf> {
    let n = (0..=path.len())
        .rev()
        .find(|n| files.contains_key(&path[..*n]))?;
    let (file, names) = &files[&path[..n]];
    if depth < 8 {
        if let Some(next) = path.get(n) {
            for (target, name) in &names.reexports {
                let mut through = if name == next {
                    target.clone()
                } else if name == "*" {
                    let mut t = target.clone();
                    t.push(next.clone());
                    t
                } else {
                    continue;
                };
                through.extend(path[n + 1..].iter().cloned());
                if let Some(found) = resolve(files, &through, depth + 1) {
                    if found != *file || name != "*" {
                        return Some(found);
                    }
                }
            }
        }
    }
    Some(file.clone())
}

/// The graph of files: for each, the files its code names, with the line and path of the first
/// such name. Declaring a child module and re-exporting its items is no such name: that is how
/// a parent assembles its children, and a name reached through a re-export counts for the file
/// that defines it.
fn file_graph(
    src: &Path,
    paths: &[PathBuf],
) -> BTreeMap<PathBuf, BTreeMap<PathBuf, (usize, String)>> {
    let files: BTreeMap<Vec<String>, (PathBuf, Names)> = paths
        .iter()
        .map(|f| {
            let relative = f.strip_prefix(src).expect("under src/").to_path_buf();
            let module = module_of(&relative);
            let text = std::fs::read_to_string(f).expect("a readable source file");
            (module.clone(), (relative, names_of(module, &text)))
        })
        .collect();
    let mut graph = BTreeMap::new();
    for (file, names) in files.values() {
        let mut edges: BTreeMap<PathBuf, (usize, String)> = BTreeMap::new();
        for (path, line) in &names.used {
            if let Some(target) = resolve(&files, path, 0) {
                if target != *file {
                    edges.entry(target).or_insert((*line, path.join("::")));
                }
            }
        }
        graph.insert(file.clone(), edges);
    }
    graph
}

/// The groups of files that name each other in a circle (strongly connected components of more
/// than one file), by Tarjan's algorithm.
fn circles(graph: &BTreeMap<PathBuf, BTreeMap<PathBuf, (usize, String)>>) -> Vec<Vec<PathBuf>> {
    struct State<'g> {
        graph: &'g BTreeMap<PathBuf, BTreeMap<PathBuf, (usize, String)>>,
        index: BTreeMap<&'g PathBuf, usize>,
        low: BTreeMap<&'g PathBuf, usize>,
        stack: Vec<&'g PathBuf>,
        on_stack: std::collections::BTreeSet<&'g PathBuf>,
        found: Vec<Vec<PathBuf>>,
    }
    fn visit<'g>(state: &mut State<'g>, node: &'g PathBuf) {
        let n = state.index.len();
        state.index.insert(node, n);
        state.low.insert(node, n);
        state.stack.push(node);
        state.on_stack.insert(node);
        for next in state.graph.get(node).into_iter().flat_map(|e| e.keys()) {
            if !state.index.contains_key(next) {
                visit(state, next);
                let low = state.low[node].min(state.low[next]);
                state.low.insert(node, low);
            } else if state.on_stack.contains(next) {
                let low = state.low[node].min(state.index[next]);
                state.low.insert(node, low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut group = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(member);
                group.push(member.clone());
                if member == node {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                state.found.push(group);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: Default::default(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !state.index.contains_key(node) {
            visit(&mut state, node);
        }
    }
    state.found
}

#[test]
fn no_files_name_each_other_in_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let graph = file_graph(&src, &files);
    let edges: usize = graph.values().map(BTreeMap::len).sum();
    assert!(edges > 100, "only {edges} names between files found");
    let found = circles(&graph);
    let report: Vec<String> = found
        .iter()
        .map(|group| {
            let mut lines = vec![format!(
                "a circle of {} files: {}",
                group.len(),
                group
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )];
            for from in group {
                for (to, (line, path)) in &graph[from] {
                    if group.contains(to) {
                        lines.push(format!(
                            "  {}:{line}: names {} ({path})",
                            from.display(),
                            to.display()
                        ));
                    }
                }
            }
            lines.join("\n")
        })
        .collect();
    assert!(found.is_empty(), "{}", report.join("\n"));
}
