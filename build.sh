#!/usr/bin/env bash
# One entry point for building, testing and trying Allegedly. Installs what is missing first.
#
#   ./build.sh          build the wasm, both browser packages (dist/chrome, dist/firefox, zips) and the
#                       playground (dist/www)
#   ./build.sh test     build, then run every test: cargo, wasm-bindgen (Node), web-ext lint, JS unit
#                       tests (Node), real browsers
#   ./build.sh serve    build, then serve the playground on http://127.0.0.1:${PORT:-8080}/
#   ./build.sh eval     analyzer quality on ../shared/eval: PolNeAR dev, Szeged news dev and Wikipedia, and
#                       the reader-judged set (tests/reader records over ../shared/pages); each part skips,
#                       saying so, when its data or tools (python3 with pysbd, node) are absent
#   ./build.sh bench    native and in-browser benchmarks
set -euo pipefail
cd "$(dirname "$0")"

ROOT=$(pwd)
DIST=$ROOT/dist
WASM_TARGET=wasm32-unknown-unknown
EVAL_DIR=${ALLEGEDLY_EVAL_DIR:-$ROOT/../shared/eval}
PAGES_DIR=${ALLEGEDLY_PAGES_DIR:-$ROOT/../shared/pages}
export ALLEGEDLY_EVAL_DIR=$EVAL_DIR ALLEGEDLY_PAGES_DIR=$PAGES_DIR

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------------------------------
# Set-up: each step checks first, so a second run costs nothing.

ensure_rust() {
    have cargo || die "cargo not found: install Rust with rustup (https://rustup.rs) and run again"
    if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
        say "adding the $WASM_TARGET target"
        rustup target add "$WASM_TARGET"
    fi
    local want have_version
    # The CLI must match the wasm-bindgen crate in Cargo.lock exactly, or the bindings do not load.
    want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
    have_version=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have_version" != "$want" ]; then
        say "installing wasm-bindgen-cli $want (a few minutes, once)"
        # No --locked: the CLI's own lockfile pins a crate the registry mirror lacks (PLATFORM.md).
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

ensure_node() {
    have node || die "node not found: install Node.js 20+ (Debian: apt-get install nodejs npm)"
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "installing the npm dev tools from package-lock.json"
        npm ci --no-audit --no-fund --loglevel=error
    fi
}

ensure_browsers() {
    have chromium && have firefox-esr && return
    if [ "$(id -u)" = 0 ] && have apt-get; then
        say "installing Debian's chromium and firefox-esr for the browser tests"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver firefox-esr >/dev/null
    else
        die "the browser tests need Debian's chromium and firefox-esr: sudo apt-get install chromium chromium-driver firefox-esr"
    fi
}

# ---------------------------------------------------------------------------------------------------
# Build.

build_wasm() {
    say "building the analyzer for WebAssembly"
    cargo build --quiet --lib --no-default-features --target "$WASM_TARGET" --profile wasm
    local wasm=target/$WASM_TARGET/wasm/allegedly.wasm pkg=$DIST/pkg
    if [ "$pkg/allegedly_bg.wasm" -nt "$wasm" ]; then return; fi
    rm -rf "$pkg" && mkdir -p "$pkg"
    wasm-bindgen --target web --no-typescript --out-dir "$pkg" --out-name allegedly "$wasm"
    # npm's binaryen: Debian's wasm-opt (v108) silently writes a broken module (PLATFORM.md).
    npx --no-install wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext --enable-mutable-globals --enable-reference-types \
        "$pkg/allegedly_bg.wasm" -o "$pkg/allegedly_bg.wasm"
}

build_packages() {
    say "packaging the extension for Chrome and Firefox, and the playground"
    node tools/package.mjs "$DIST"
}

report_sizes() {
    local wasm=$DIST/pkg/allegedly_bg.wasm
    printf 'wasm: %s bytes, %s bytes gzipped\n' "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)"
    for zip in "$DIST"/allegedly-*.zip; do printf '%s: %s bytes\n' "$(basename "$zip")" "$(wc -c <"$zip")"; done
}

build() {
    ensure_rust
    ensure_node
    build_wasm
    build_packages
    report_sizes
}

# ---------------------------------------------------------------------------------------------------
# Commands.

run_tests() {
    build
    ensure_browsers
    say "cargo fmt --check, clippy"
    cargo fmt --check
    cargo clippy --quiet --all-targets -- -D warnings
    say "cargo test (native)"
    cargo test --quiet
    say "wasm-bindgen tests (Node)"
    cargo test --no-default-features --target "$WASM_TARGET" --test wasm
    say "web-ext lint"
    npx --no-install web-ext lint --source-dir "$DIST/firefox" --output text --warnings-as-errors
    say "unit tests (Node: the extension's shared scripts, the playground's chunks, the reader-judged set's article text; Python: its records)"
    node --test tests/unit/
    if have python3; then python3 -m unittest discover -s tests/unit -p 'test_*.py'; fi
    say "browser tests (Chromium and Firefox ESR, headless)"
    node --test --test-concurrency=1 tests/e2e/
}

serve() {
    build
    local port=${PORT:-8080}
    say "serving the playground on http://127.0.0.1:$port/ (Ctrl-C to stop)"
    node tools/serve.mjs "$DIST/www" "$port"
}

case "${1:-build}" in
    build) build ;;
    test) run_tests ;;
    serve) serve ;;
    eval)
        # node and the npm tools extract the reader-judged set's article text (Readability).
        if have node; then ensure_node; fi
        cargo run --quiet --release --bin allegedly -- eval "$EVAL_DIR" ;;
    bench) ensure_rust; ensure_node; cargo bench --bench analyzer; build; ensure_browsers; node tools/bench/run.mjs "$DIST" ;;
    *) die "unknown command '$1' (build, test, serve, eval, bench)" ;;
esac
