//! The layers `docs/architecture.md` draws, checked against the code: every `crate::` path in a
//! module of `src/` names a module of a lower layer (imports go down only), every module has a
//! layer, and the core package depends on nothing that knows about JavaScript, the operating
//! system's randomness or argument parsing (those live in `crates/wasm` and `crates/cli`).
//!
//! The table is the one in `docs/architecture.md` whose header has the columns `module` and
//! `layer`; comments and `#[cfg(test)]` modules are left out of the scan (tests may reach
//! anywhere), doc links too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The layer of each top-level module, from the architecture document.
fn layers() -> BTreeMap<String, u32> {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/architecture.md"))
        .expect("docs/architecture.md exists");
    let mut lines = doc.lines().map(str::trim);
    let header = lines
        .by_ref()
        .find(|l| {
            let cells = cells(l);
            cells.iter().any(|c| c == "module") && cells.iter().any(|c| c == "layer")
        })
        .expect("docs/architecture.md has a table with the columns `module` and `layer`");
    let head = cells(header);
    let at = |name: &str| head.iter().position(|c| c == name).unwrap();
    let (m, l) = (at("module"), at("layer"));
    let mut out = BTreeMap::new();
    for line in lines.skip(1) {
        if !line.starts_with('|') {
            break;
        }
        let row = cells(line);
        let module = row[m].trim_matches(|c| c == '`' || c == '/').to_string();
        let layer = row[l]
            .parse()
            .unwrap_or_else(|_| panic!("layer of {module}: a number, found {:?}", row[l]));
        out.insert(module, layer);
    }
    assert!(!out.is_empty(), "the layer table is empty");
    out
}

fn cells(line: &str) -> Vec<String> {
    line.trim_matches('|')
        .split('|')
        .map(|c| c.trim().trim_matches('`').to_lowercase())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments, string contents and `#[cfg(test)]` items.
fn code(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Skip the item: up to the brace that closes its first block.
        let Some(open) = rest.find('{') else { break };
        let mut depth = 0;
        let mut end = rest.len();
        for (k, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a file's code names with `crate::`.
fn dependencies(code: &str) -> Vec<String> {
    let mut deps = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        // `crate::Finite`, `crate::Lang`: the crate root's re-exports, not a module.
        if name.chars().next().is_some_and(|c| c.is_ascii_lowercase()) {
            deps.push(name);
        }
        rest = after;
    }
    deps
}

#[test]
fn imports_go_down_only() {
    let layers = layers();
    let src = Path::new(ROOT).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut wrong = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = first.trim_end_matches(".rs").to_string();
        if module == "lib" {
            continue;
        }
        let layer = *layers.get(&module).unwrap_or_else(|| {
            panic!("src/{module} has no row in the layer table of docs/architecture.md")
        });
        let text = std::fs::read_to_string(file).unwrap();
        for dep in dependencies(&code(&text)) {
            if dep == module || dep == "formula" && text.contains("crate::formula!") {
                continue;
            }
            let Some(&dep_layer) = layers.get(&dep) else {
                wrong.push(format!(
                    "{}: names crate::{dep}, which has no layer",
                    rel.display()
                ));
                continue;
            };
            if dep_layer >= layer {
                wrong.push(format!(
                    "{}: {module} (layer {layer}) imports {dep} (layer {dep_layer})",
                    rel.display()
                ));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "imports that do not go down:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_of_the_table_exists() {
    let src = Path::new(ROOT).join("src");
    for module in layers().keys() {
        assert!(
            src.join(format!("{module}.rs")).is_file() || src.join(module).is_dir(),
            "docs/architecture.md lists {module}, which src/ does not have"
        );
    }
}

#[test]
fn the_core_knows_no_javascript_no_randomness_and_no_arguments() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("\n[dependencies]")
        .nth(1)
        .expect("the core has a [dependencies] table");
    let deps = deps.split("\n[").next().unwrap();
    for name in [
        "wasm-bindgen",
        "js-sys",
        "serde-wasm-bindgen",
        "getrandom",
        "clap",
        "lexopt",
    ] {
        assert!(
            !deps.lines().any(|l| l.trim_start().starts_with(name)),
            "the core package depends on {name}: it belongs in crates/wasm or crates/cli"
        );
    }
}
