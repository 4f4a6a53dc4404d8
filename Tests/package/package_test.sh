#!/usr/bin/env bash
# The .deb of scripts/package, unpacked and run as on a machine without
# Swift: no toolchain on PATH, nothing resolved from /opt/swift, the label
# templates read from the package itself. Run by ./scripts/test; a failure
# ends with one line starting "package_test: FAILED".
#   Tests/package/package_test.sh [FILE.deb]   (without one, scripts/package makes it)
set -euo pipefail
cd "$(dirname "$0")/../.."
fail() { echo "package_test: FAILED: $*" >&2; exit 1; }
say() { echo "package_test: $*" >&2; }

deb=${1:-}
if [ -z "$deb" ]; then
    deb=$(scripts/package | tail -n 1) || fail "scripts/package failed"
fi
[ -f "$deb" ] || fail "no package at '$deb'"
say "$(basename "$deb"), $(du -h "$deb" | cut -f1)"

work=$(mktemp -d /tmp/darmarka-package-test.XXXXXX)
trap 'rm -rf "$work"' EXIT
root=$work/root
dpkg-deb -x "$deb" "$root" || fail "dpkg-deb -x could not unpack $deb"
dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb --info cannot read $deb"

for f in usr/bin/darmarka usr/share/darmarka/labels/thermal-rolls.xml usr/share/darmarka/labels/avery-a4.xml \
         usr/share/man/man1/darmarka.1.gz usr/share/bash-completion/completions/darmarka \
         usr/share/zsh/vendor-completions/_darmarka usr/share/fish/vendor_completions.d/darmarka.fish \
         lib/systemd/system/darmarka.service etc/default/darmarka; do
    [ -s "$root/$f" ] || fail "the package has no /$f"
done

# Depends: every system library it links, as Debian packages, and the font.
depends=$(dpkg-deb -f "$deb" Depends)
for p in libc6 libsqlite3-0 libqrencode4 libcairo2 libxlsxwriter fonts-dejavu-core; do
    grep -q "$p" <<<"$depends" || fail "Depends: lacks $p ($depends)"
done
say "Depends: $depends"

# Every library it loads is the system's: none missing, none from a Swift toolchain.
toolchain=""
if command -v swift >/dev/null; then toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")"); fi
libs=$(env -i PATH=/usr/bin:/bin ldd "$root/usr/bin/darmarka") || fail "ldd cannot read the binary"
grep -q "not found" <<<"$libs" && fail "libraries not found: $(grep 'not found' <<<"$libs" | tr -s ' \t\n' ' ')"
grep -Eq "/opt/swift${toolchain:+|$toolchain}" <<<"$libs" && fail "a library resolves into the Swift toolchain: $(grep -E "/opt/swift${toolchain:+|$toolchain}" <<<"$libs" | tr -s ' \t\n' ' ')"
grep -Eq "libswift|libFoundation|libdispatch|libBlocksRuntime" <<<"$libs" && fail "the Swift runtime is linked dynamically: $(grep -E 'libswift|libFoundation|libdispatch' <<<"$libs" | tr -s ' \t\n' ' ')"

# Run it the way a centre's laptop would, with a bare environment. The
# working folder is outside the checkout, so ./labels is not this checkout's.
mkdir -p "$work/run" "$work/home"
d() { (cd "$work/run" && env -i PATH=/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 "$root/usr/bin/darmarka" "$@"); }
env -i PATH=/usr/bin:/bin sh -c 'command -v swift' >/dev/null && fail "swift is on PATH=/usr/bin:/bin; the test would prove nothing"

version=$(d --version) || fail "darmarka --version failed"
[ "$version" = "$(dpkg-deb -f "$deb" Version)" ] || fail "darmarka --version says '$version', the package '$(dpkg-deb -f "$deb" Version)'"
db=$work/run/ledger.sqlite
d --db "$db" init --organisation "Проверка пакета" --timezone Asia/Yekaterinburg >/dev/null || fail "darmarka init failed"
d --db "$db" centre add --code PRE --name "Преображенский" >/dev/null || fail "darmarka centre add failed"
code=$(d --db "$db" box add --centre PRE | grep -oE 'B-[0-9A-Z]{5}' | head -n 1)
[ -n "$code" ] || fail "darmarka box add printed no code"
said=$(d --db "$db" --lang ru intake --box "$code" --category обувь --quantity 3 --kg 1,8) || fail "darmarka intake failed"
grep -q "принято 3 шт. «Обувь»" <<<"$said" || fail "darmarka intake said: $said"
d --db "$db" stock --box "$code" --format csv | grep -q ",3," || fail "stock does not show the 3 taken in"
d --db "$db" check >/dev/null || fail "darmarka check failed on the new database"

# A label from the packaged templates: 58x40 is only in the project's own files.
d --db "$db" labels boxes "$code" --template 58x40 --url-base https://darmarka.example.org/b/ --output label.png >/dev/null \
    || fail "labels boxes --template 58x40 failed with the packaged templates"
label=$(ls "$work/run"/label*.png | head -n 1)
read=$(zbarimg -q --raw "$label" 2>/dev/null) || fail "zbarimg reads no QR symbol in the packaged binary's label"
[ "$read" = "HTTPS://DARMARKA.EXAMPLE.ORG/B/$code" ] || fail "the label's QR holds '$read'"
# … and from no other folder: without the packaged templates 58x40 is unknown.
if [ -d /usr/share/darmarka/labels ]; then
    say "note: /usr/share/darmarka/labels exists on this machine, so the packaged templates' use is not proven apart"
else
    mv "$root/usr/share/darmarka/labels" "$work/labels-away"
    d --db "$db" labels boxes "$code" --template 58x40 --output away.png >/dev/null 2>&1 \
        && fail "58x40 was found without the packaged templates: they were read from somewhere else"
    mv "$work/labels-away" "$root/usr/share/darmarka/labels"
fi

# The man page and completions name the commands.
man=$(zcat "$root/usr/share/man/man1/darmarka.1.gz")
grep -q '^\.TH DARMARKA 1' <<<"$man" || fail "darmarka.1 is not a man page"
grep -q '^\.SS "darmarka serve"' <<<"$man" || fail "darmarka.1 has no section for darmarka serve"
grep -q 'приложение для телефонов' <<<"$man" || fail "darmarka.1 lost the Russian of the help texts"
bash -n "$root/usr/share/bash-completion/completions/darmarka" || fail "the bash completion does not parse"
for f in usr/share/bash-completion/completions/darmarka usr/share/zsh/vendor-completions/_darmarka usr/share/fish/vendor_completions.d/darmarka.fish; do
    grep -q intake "$root/$f" || fail "/$f does not complete intake"
done
grep -q '^ExecStart=/usr/bin/darmarka serve' "$root/lib/systemd/system/darmarka.service" || fail "the unit does not start /usr/bin/darmarka serve"
[ "$(dpkg-deb -f "$deb" Package)" = darmarka ] || fail "the package is not called darmarka"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/default/darmarka || fail "/etc/default/darmarka is not a conffile"

say "passed: unpacked, ran --version, init, intake, stock, check and a 58x40 label with no toolchain"
