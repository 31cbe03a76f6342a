#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Packages the built tree with CPack (as `packaging/dev.sh package` does, into
# a temporary directory) and checks the .deb the way Debian and a desktop
# would see it: control fields, dependencies, the installed files, the
# desktop entry and AppStream metadata, and the packaged program itself.
#
#   check_deb.sh CPACK BUILD_DIR SOURCE_DIR VERSION
#
# Every check runs and reports; the script fails if any of them did.
set -uo pipefail

cpack=$1 build_dir=$2 source_dir=$3 version=$4
app_id=dev.gatehouse.Gatehouse

failures=0
pass() { printf 'ok:   %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*"
  failures=$((failures + 1))
}
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# Stops at once: nothing after this could be checked.
die() {
  printf 'FAIL: %s\n' "$*"
  exit 1
}

for tool in dpkg dpkg-deb dpkg-shlibdeps dpkg-architecture dpkg-parsechangelog desktop-file-validate appstreamcli readelf ldd; do
  command -v "$tool" >/dev/null || die "$tool is not installed (packaging/dev.sh deps)"
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- Making the packages ----------------------------------------------------
if ! "$cpack" --config "$build_dir/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
  cat "$tmp/cpack.log"
  die "cpack failed"
fi
arch=$(dpkg --print-architecture)
deb=$tmp/out/gatehouse_${version}_${arch}.deb
[[ -f $deb ]] || die "no $(basename "$deb") among: $(ls "$tmp/out")"
pass "cpack made $(basename "$deb")"

# --- Control fields ---------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
expect_field() {
  local value
  value=$(field "$1")
  if [[ $value == "$2" ]]; then pass "$1: $value"; else fail "$1 is '$value', expected '$2'"; fi
}
expect_field Package gatehouse
expect_field Version "$version"
expect_field Architecture "$arch"
expect_field Section net
expect_field Homepage https://gatehouse.dev
maintainer=$(field Maintainer)
check "Maintainer is 'Name <address>': $maintainer" \
  grep -Eq '^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$' <<<"$maintainer"
description=$(field Description)
check "Description has a synopsis and an extended part" \
  test "$(head -n 1 <<<"$description")" = "API management console with an embedded API gateway" \
  -a "$(wc -l <<<"$description")" -ge 3

# Depends, as bare package names (versions and alternatives dropped).
depends=$(field Depends)
mapfile -t depends_names < <(sed -E 's/[,|]/\n/g' <<<"$depends" |
  sed -E 's/\(.*\)//; s/^ +//; s/ +$//; /^$/d' | sort -u)
depends_on() {
  local name
  for name in "${depends_names[@]}"; do [[ $name == "$1" ]] && return 0; done
  return 1
}
printf '      Depends: %s\n' "$depends"
linked=(libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6charts6
  libssl3 libyaml-cpp0.7 libsqlite3-0 libstdc++6 libc6)
# tcmalloc only where the build links it (not in the sanitizer builds).
[[ ${GATEHOUSE_TCMALLOC:-1} == 1 ]] && linked+=(libtcmalloc-minimal4)
for package in "${linked[@]}"; do
  check "Depends on $package (a linked library)" depends_on "$package"
done
for package in libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-translations-l10n; do
  check "Depends on $package (loaded at run time)" depends_on "$package"
done
check "Depends names no -dev package" \
  test -z "$(printf '%s\n' "${depends_names[@]}" | grep -- '-dev$')"

# --- Files --------------------------------------------------------------
# Exactly these files, root-owned, nothing outside /usr.
dpkg-deb -c "$deb" >"$tmp/contents"
expected_files="-rwxr-xr-x ./usr/bin/gatehouse
-rw-r--r-- ./usr/share/applications/$app_id.desktop
-rw-r--r-- ./usr/share/doc/gatehouse/CONFIG_FORMAT.md
-rw-r--r-- ./usr/share/doc/gatehouse/LICENSE
-rw-r--r-- ./usr/share/doc/gatehouse/README.md
-rw-r--r-- ./usr/share/doc/gatehouse/changelog.gz
-rw-r--r-- ./usr/share/doc/gatehouse/copyright
-rw-r--r-- ./usr/share/doc/gatehouse/examples/gateway.example.json
-rw-r--r-- ./usr/share/doc/gatehouse/examples/gateway.example.yaml
-rw-r--r-- ./usr/share/icons/hicolor/scalable/apps/$app_id.svg
-rw-r--r-- ./usr/share/man/man1/gatehouse.1.gz
-rw-r--r-- ./usr/share/metainfo/$app_id.metainfo.xml"
actual_files=$(awk '$1 !~ /^d/ { print $1, $6 }' "$tmp/contents" | LC_ALL=C sort -k2)
if [[ $actual_files == "$expected_files" ]]; then
  pass "the package holds exactly the expected files, with the expected modes"
else
  fail "the package's files differ from the expected ones:"
  diff <(printf '%s\n' "$expected_files") <(printf '%s\n' "$actual_files") | sed 's/^/      /'
fi
check "every entry is owned by root:root" test -z "$(awk '$2 != "root/root"' "$tmp/contents")"

root=$tmp/root
dpkg-deb -x "$deb" "$root" || die "dpkg-deb -x failed"
same_as_source() { cmp -s "$root/$1" "$source_dir/$2"; }
check "the icon is resources/icons/gatehouse.svg" \
  same_as_source "usr/share/icons/hicolor/scalable/apps/$app_id.svg" resources/icons/gatehouse.svg
check "the icon is an SVG document" grep -q '<svg ' "$root/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
check "share/doc/gatehouse/LICENSE is the Apache License 2.0" \
  grep -q 'Apache License' "$root/usr/share/doc/gatehouse/LICENSE"
check "share/doc/gatehouse/LICENSE is the project's LICENSE" same_as_source usr/share/doc/gatehouse/LICENSE LICENSE
check "share/doc/gatehouse/copyright is machine-readable and names Apache-2.0" \
  grep -qx 'License: Apache-2.0' "$root/usr/share/doc/gatehouse/copyright"
check "copyright's first line is the DEP-5 format URL" \
  test "$(head -n 1 "$root/usr/share/doc/gatehouse/copyright")" = \
  "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
changelog_version=$(dpkg-parsechangelog -l "$root/usr/share/doc/gatehouse/changelog.gz" -S Version 2>&1)
check "the changelog's newest entry ($changelog_version) is the package version" \
  test "$changelog_version" = "$version"
for example in gateway.example.yaml gateway.example.json; do
  check "examples/$example is resources/$example" \
    same_as_source "usr/share/doc/gatehouse/examples/$example" "resources/$example"
done

# --- The desktop entry --------------------------------------------------
desktop=$root/usr/share/applications/$app_id.desktop
if desktop-file-validate "$desktop" >"$tmp/validate.log" 2>&1 &&
  ! grep -Eq ': (error|warning): ' "$tmp/validate.log"; then
  pass "desktop-file-validate accepts the desktop entry (hints: $(grep -c ': hint: ' "$tmp/validate.log"))"
else
  fail "desktop-file-validate:"
  sed 's/^/      /' "$tmp/validate.log"
fi
desktop_key() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
expect_key() {
  local value
  value=$(desktop_key "$1")
  if [[ $value == "$2" ]]; then pass "desktop $1=$value"; else fail "desktop $1 is '$value', expected '$2'"; fi
}
expect_key Type Application
expect_key Exec gatehouse
expect_key Icon "$app_id"
expect_key Categories 'Development;Network;'
expect_key StartupWMClass gatehouse
for key in Name GenericName Comment; do
  for locale in '' '\[de\]' '\[zh_CN\]'; do
    check "desktop ${key}${locale//\\/} is set" test -n "$(desktop_key "$key$locale")"
  done
done
check "desktop GenericName[de] is German" test "$(desktop_key 'GenericName\[de\]')" = "API-Verwaltungskonsole"
check "desktop GenericName[zh_CN] is Chinese" test "$(desktop_key 'GenericName\[zh_CN\]')" = "API 管理控制台"
check "Exec's program is the packaged one" test -x "$root/usr/bin/$(desktop_key Exec | cut -d' ' -f1)"

# --- AppStream ------------------------------------------------------------
metainfo=$root/usr/share/metainfo/$app_id.metainfo.xml
if appstreamcli validate --no-net "$metainfo" >"$tmp/appstream.log" 2>&1; then
  pass "appstreamcli validate accepts the metainfo"
else
  fail "appstreamcli validate:"
  sed 's/^/      /' "$tmp/appstream.log"
fi
check "metainfo <id> is $app_id" grep -q "<id>$app_id</id>" "$metainfo"
check "metainfo launches $app_id.desktop" \
  grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"
newest_release=$(grep -o '<release version="[^"]*"' "$metainfo" | head -n 1 | cut -d'"' -f2)
check "metainfo's newest release ($newest_release) is the package version" \
  test "$newest_release" = "$version"

# --- The program ----------------------------------------------------------
bin=$root/usr/bin/gatehouse
check "usr/bin/gatehouse is stripped" test -z "$(readelf -S "$bin" | grep -F .symtab)"
if "$bin" --help >"$tmp/help.out" 2>"$tmp/help.err"; then
  check "gatehouse --help prints usage" grep -q '^Usage: .*gatehouse \[options\]' "$tmp/help.out"
  check "gatehouse --help lists --headless" grep -q -- '--headless' "$tmp/help.out"
else
  fail "gatehouse --help exited $?: $(cat "$tmp/help.err")"
fi
# The manual page documents every option --help lists.
gzip -dc "$root/usr/share/man/man1/gatehouse.1.gz" | sed 's/\\-/-/g' >"$tmp/gatehouse.1"
check "the manual page is for version $version" grep -q "^\.TH GATEHOUSE 1 .*\"Gatehouse $version\"" "$tmp/gatehouse.1"
while read -r option; do
  check "the manual page documents $option" grep -qE -- "$option([^a-z-]|\$)" "$tmp/gatehouse.1"
done < <(grep -oE '^  (-[a-z], )?--[a-z][a-z-]*' "$tmp/help.out" | grep -oE -- '--[a-z-]+')
check "gatehouse --version prints the package version" \
  test "$("$bin" --version 2>&1)" = "gatehouse $version"
# Every library the packaged program loads comes from a package it depends on.
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
while read -r soname; do
  owner=$(dpkg -S "*/$multiarch/$soname" 2>/dev/null | head -n 1 | cut -d: -f1)
  if [[ -z $owner ]]; then
    fail "no installed package owns $soname"
  else
    check "Depends on $owner (owner of $soname)" depends_on "$owner"
  fi
done < <(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
check "the packaged program finds all its libraries" test -z "$(ldd "$bin" | grep 'not found')"

# --- The tarball ------------------------------------------------------------
tarballs=("$tmp/out/gatehouse-$version"-*.tar.gz)
tgz=${tarballs[0]}
if [[ -f $tgz ]]; then
  tar -tzf "$tgz" >"$tmp/tgz.list"
  for path in bin/gatehouse share/applications/$app_id.desktop share/doc/gatehouse/LICENSE; do
    check "the tarball has $path" grep -q "^gatehouse-$version-[^/]*/$path\$" "$tmp/tgz.list"
  done
else
  fail "cpack made no gatehouse-$version-*.tar.gz"
fi

if ((failures > 0)); then
  printf '%d check(s) failed\n' "$failures"
  exit 1
fi
printf 'all checks passed\n'
