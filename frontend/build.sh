#!/usr/bin/env bash
# Rebuild the vendored front-end assets from the pinned npm packages.
#
#   cd frontend && ./build.sh
#
# Writes only built files into ../static/vendor/ (committed; node_modules is not) and
# axe-core into ../samverkan/common/testing/axe.min.js (browser tests). Needs Node >= 18
# and the npm registry; nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
# esbuild's platform binary arrives as an optional dependency; its install script only
# checks it, so --ignore-scripts is safe. Fail early if the binary is missing.
node_modules/.bin/esbuild --version >/dev/null

out=../static/vendor
rm -rf "$out"
mkdir -p "$out"/govuk "$out"/leaflet/images "$out"/vega "$out"/htmx

# GOV.UK Frontend, re-branded (src/govuk-brand.scss): CSS plus the ES-module JS.
node_modules/.bin/sass --style=compressed --no-source-map --quiet-deps --load-path=. \
  src/govuk-brand.scss "$out"/govuk/govuk-frontend.min.css
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$out"/govuk/
# The npm package ships no licence file; record its licence and copyright owner.
node -e 'const p = require("./node_modules/govuk-frontend/package.json");
console.log(`govuk-frontend ${p.version}: ${p.license} licence. Copyright (c) Crown copyright (Government Digital Service). ${p.homepage}`)' \
  >"$out"/govuk/LICENSE.txt

# Leaflet: script, stylesheet, marker images (referenced relatively by leaflet.css).
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$out"/leaflet/
cp node_modules/leaflet/dist/images/*.png "$out"/leaflet/images/
cp node_modules/leaflet/LICENSE "$out"/leaflet/LICENSE.txt

# Vega: UMD builds (globals vega, vegaLite, vegaEmbed) and the CSP-safe interpreter.
cp node_modules/vega/build/vega.min.js "$out"/vega/
cp node_modules/vega-lite/build/vega-lite.min.js "$out"/vega/
cp node_modules/vega-embed/build/vega-embed.min.js "$out"/vega/
node_modules/.bin/esbuild src/vega-interpreter.js --bundle --minify --format=iife \
  --global-name=vegaInterpreter --legal-comments=none --log-level=warning \
  --outfile="$out"/vega/vega-interpreter.min.js
for p in vega vega-lite vega-embed vega-interpreter; do
  cp node_modules/$p/LICENSE "$out"/vega/LICENSE-$p.txt
done

# htmx 4 (for later use: partial page updates).
cp node_modules/htmx.org/dist/htmx.min.js "$out"/htmx/
cp node_modules/htmx.org/LICENSE "$out"/htmx/LICENSE.txt

# axe-core for the accessibility checks in browser tests (never served to users).
cp node_modules/axe-core/axe.min.js ../samverkan/common/testing/axe.min.js
cp node_modules/axe-core/LICENSE ../samverkan/common/testing/axe-LICENSE.txt

# The source maps are not vendored: drop the comments pointing at them (a dangling
# reference makes ManifestStaticFilesStorage's collectstatic fail).
find "$out" -name '*.js' -exec sed -i -E 's@//# sourceMappingURL=[^ ]*$@@' {} +

# Versions, for humans and for the test that checks the files match package.json.
node -e '
const pkgs = ["govuk-frontend","leaflet","vega","vega-lite","vega-embed","vega-interpreter","htmx.org","axe-core"];
const v = Object.fromEntries(pkgs.map(p => [p, require("./node_modules/" + p + "/package.json").version]));
require("fs").writeFileSync(process.argv[1], JSON.stringify(v, null, 2) + "\n");
' "$out"/VERSIONS.json
echo "Vendored into static/vendor/:"; cat "$out"/VERSIONS.json
