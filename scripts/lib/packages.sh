# Installs the Debian packages Darmarka needs when they are missing.
# Sourced by scripts/demo, scripts/test and scripts/bench.

DARMARKA_PACKAGES=(
    pkg-config
    libsqlite3-dev sqlite3          # the store, and the plain tool benchmarks compare with
    libqrencode-dev qrencode        # QR symbols; qrencode is the benchmark's plain tool
    libcairo2-dev fonts-dejavu-core # PDF, PNG and SVG labels and reports, Cyrillic text
    zbar-tools poppler-utils        # tests decode printed labels and read PDF text
    glabels-data                    # the label templates of gLabels, read beside our own
    libxlsxwriter-dev unzip         # Excel reports; tests unpack them to read the XML
)

ensure_packages() {
    local missing=()
    for p in "${DARMARKA_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
