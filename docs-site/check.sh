#!/usr/bin/env bash
# Opens the docs site in headless Chromium (Debian's chromium package; installed here when missing and run as
# root) and fails on a blank page or a missing vendor: the index must render its conformance matrix with a
# table for every spec in specs/, and every vendor's reference page must render with its title and every
# operation's summary. A screenshot of the index goes to docs-site/target/site-check/.
# Usage: docs-site/check.sh [SITE_DIR]   (build the site first: ./mvnw -B -Pdocs verify, or docs-site/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-docs-site/target/site}"
[ -f "$site/index.html" ] || { echo "docs check: no $site/index.html; build the site first (README: Docs site)" >&2; exit 1; }
site="$(cd "$site" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "docs check: installing Debian's chromium (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser="$(command -v chromium)"
  else
    echo "docs check: needs Chromium; on Debian: sudo apt-get install -y chromium" >&2; exit 1
  fi
fi
shots=docs-site/target/site-check
mkdir -p "$shots"
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --hide-scrollbars
       --virtual-time-budget=15000 --window-size=1280,2400)

# The DOM after Chromium has loaded the page and run its scripts; its visible text (styles, scripts removed).
dom() { timeout 90 "$browser" "${flags[@]}" --dump-dom "file://$1" 2>/dev/null; }
text_of() { perl -0pe 's/<(style|script)\b.*?<\/\1>//gs; s/<[^>]*>/ /g; s/&amp;/&/g; s/&lt;/</g; s/&gt;/>/g; s/&#39;/'"'"'/g; s/&quot;/"/g; s/\s+/ /g'; }
fail=0
problem() { echo "docs check: $*" >&2; fail=1; }

index_dom="$(dom "$site/index.html")"
index_text="$(text_of <<<"$index_dom")"
[ "${#index_text}" -gt 500 ] || problem "index.html renders blank (${#index_text} characters of text)"
grep -q 'Conformance matrix' <<<"$index_text" || problem "index.html has no conformance matrix"
timeout 90 "$browser" "${flags[@]}" --screenshot="$shots/index.png" "file://$site/index.html" >/dev/null 2>&1 || true

vendors=0
for spec in specs/*.yaml; do
  vendor="$(basename "$spec" .yaml)"
  vendors=$((vendors + 1))
  grep -q "id=\"vendor-$vendor\"" <<<"$index_dom" || problem "index.html has no section for $vendor"
  cells="$(tr -d '\n' <<<"$index_dom" | grep -o "<table class=\"matrix\" data-vendor=\"$vendor\">.*" \
    | sed 's#</table>.*##' | grep -o '<td class="' | wc -l)"
  [ "$cells" -gt 0 ] || problem "index.html's matrix has no cell for $vendor"
  page="$site/$vendor.html"
  if [ ! -f "$page" ]; then problem "no reference page $vendor.html"; continue; fi
  text="$(dom "$page" | text_of)"
  [ "${#text}" -gt 1000 ] || problem "$vendor.html renders blank (${#text} characters of text)"
  title="$(awk '/^info:/{f=1;next} f&&/^  title:/{sub(/^  title: */,""); gsub(/^["'"'"']|["'"'"']$/,""); print; exit}' "$spec")"
  grep -qF "$title" <<<"$text" || problem "$vendor.html does not show its title \"$title\""
  # Redoc 3 shows one section (tag) at a time; opened from a file it routes by the URL fragment. Render every
  # section the page links to and check the operations over all of them.
  for section in $(grep -o 'href="/[a-z0-9][^"]*"' "$page" | sed 's/href="//; s/"$//' | sort -u); do
    text="$text $(dom "$page#$section" | text_of)"
  done
  while IFS= read -r summary; do
    grep -qF "$summary" <<<"$text" || problem "$vendor.html does not show the operation \"$summary\""
  done < <(grep -E '^      summary: ' "$spec" | sed -E 's/^      summary: *//; s/^["'"'"']|["'"'"']$//g')
done
[ "$vendors" -gt 0 ] || problem "no specs found"
[ "$fail" = 0 ] || exit 1
echo "docs check: index and $vendors vendor pages render in $("$browser" --version 2>/dev/null | head -1) (screenshot: $shots/index.png)"
