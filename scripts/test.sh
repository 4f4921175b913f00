#!/usr/bin/env bash
# `./evidens test [--dry-run|--no-install] [MAVEN ARGS…]`: installs what the tests need and a fresh
# machine lacks, then runs every test with the Maven wrapper (`./mvnw -B -ntp -T 1C verify`).
#
# What the tests need beyond the JDK (Debian package names):
#   openjdk-17-jdk-headless     the JDK, when javac is missing
#   tesseract-ocr               OCR of scanned pages and images
#   tesseract-ocr-nor           Tesseract's Norwegian data
#   chromium, chromium-driver   the web workspace's browser tests
#   npm                         installs axe-core, the browser tests' accessibility checker
# Maven itself comes with the wrapper (mvnw downloads the pinned version on first use).
#
# They are installed with apt-get when run as root, or through sudo. Otherwise (or with --no-install)
# one line says what to install and the exit is 1: the tests are never skipped for want of a tool.
# --dry-run says what would be installed and run, and does neither.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

mode=install
if [ "${1:-}" = --dry-run ] || [ "${1:-}" = --no-install ]; then
  mode="${1#--}"
  shift
fi

has_nor_ocr() {
  command -v tesseract >/dev/null && tesseract --list-langs 2>/dev/null | grep -qx nor
}

missing=()
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v tesseract >/dev/null || missing+=(tesseract-ocr)
has_nor_ocr || missing+=(tesseract-ocr-nor)
[ -n "${EVIDENS_CHROMIUM:-}" ] || [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || missing+=(chromium)
[ -n "${EVIDENS_CHROMEDRIVER:-}" ] || [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
[ -n "${EVIDENS_AXE:-}" ] || command -v npm >/dev/null || missing+=(npm)

# -T 1C: the modules that do not need each other (models, index, findings, access, …) are built and tested at once, a
# thread a core; the pipeline's integration tests then run alone, in their own two JVMs (pipeline/pom.xml, it.forks).
run=("$root/mvnw" -B -ntp -T 1C verify "$@")

if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && { sudo -n true 2>/dev/null || [ -t 0 ]; }; then
    sudo=(sudo)
  fi
  can_install=false
  if command -v apt-get >/dev/null && { [ "$(id -u)" -eq 0 ] || [ ${#sudo[@]} -gt 0 ]; }; then
    can_install=true
  fi
  if [ "$mode" = dry-run ]; then
    if $can_install; then
      echo "evidens test: would run: ${sudo[*]:+${sudo[*]} }apt-get install -y ${missing[*]}"
    else
      echo "evidens test: would stop: the tests need ${missing[*]} (Debian: apt-get install ${missing[*]}), which cannot be installed here (not root, no sudo, or no apt-get)"
    fi
  elif [ "$mode" = no-install ] || ! $can_install; then
    echo "evidens test: the tests need ${missing[*]}; install them (Debian, as root: apt-get install ${missing[*]}) and run ./evidens test again" >&2
    exit 1
  else
    echo "evidens test: installing ${missing[*]} …" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -q
    "${sudo[@]}" apt-get install -y -q "${missing[@]}"
    has_nor_ocr || { echo "evidens test: Tesseract still has no Norwegian data (nor) after the install" >&2; exit 1; }
  fi
fi

if [ "$mode" = dry-run ]; then
  echo "evidens test: would run: (cd $root && ${run[*]})"
  exit 0
fi
cd "$root"
exec "${run[@]}"
