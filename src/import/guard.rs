//! A reader's panic, caught: natively a panic in a reader (ours, or calamine's on data it did
//! not expect) unwinds to [`guarded`], which gives back its message, so the file ends as a
//! message and every other file is read. The release profile unwinds for this (Cargo.toml).
//!
//! The panic hook is the process's own: it is wrapped once, so that a panic inside
//! [`guarded`] is kept for the message instead of printed, and every other panic reaches the
//! hook that was there before. In WebAssembly a panic cannot unwind and traps: there the
//! guards before the readers (`sheet/limits.rs`, `budget.rs`) refuse what they can first, and
//! the page's worker is replaced when one traps.

/// Runs `f`; `Err` holds what its panic said (natively).
pub(crate) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::guarded(f)
    }
    #[cfg(target_arch = "wasm32")]
    {
        Ok(f())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::cell::{Cell, RefCell};
    use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
    use std::sync::Once;

    thread_local! {
        /// Whether this thread is inside `guarded`.
        static INSIDE: Cell<bool> = const { Cell::new(false) };
        /// What the last panic inside `guarded` said.
        static SAID: RefCell<Option<String>> = const { RefCell::new(None) };
    }

    static HOOK: Once = Once::new();

    /// The panic's message and where it was raised: `index out of bounds (xls.rs:1050)`.
    fn message(info: &PanicHookInfo<'_>) -> String {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        let text: String = text.chars().take(160).collect();
        match info.location() {
            Some(at) => {
                let file = at.file().rsplit(['/', '\\']).next().unwrap_or(at.file());
                format!("{text}, at {file}:{}", at.line())
            }
            None => text,
        }
    }

    pub(super) fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
        HOOK.call_once(|| {
            let previous = panic::take_hook();
            panic::set_hook(Box::new(move |info| {
                if INSIDE.with(Cell::get) {
                    SAID.with(|s| *s.borrow_mut() = Some(message(info)));
                } else {
                    previous(info);
                }
            }));
        });
        let outer = INSIDE.with(|i| i.replace(true));
        let result = panic::catch_unwind(AssertUnwindSafe(f));
        INSIDE.with(|i| i.set(outer));
        result.map_err(|_| {
            SAID.with(|s| s.borrow_mut().take())
                .unwrap_or_else(|| "a panic".to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        let v: Vec<u8> = Vec::new();
        let r = guarded(|| v[3]);
        let e = r.unwrap_err();
        assert!(e.contains("index out of bounds"), "{e}");
        assert!(e.contains("guard.rs:"), "{e}");
        assert_eq!(guarded(|| 7), Ok(7));
    }
}
