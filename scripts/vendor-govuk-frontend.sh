#!/usr/bin/env bash
# Rebuilds static/govuk/ from the govuk-frontend npm package (5.x) with the partnership's own
# typography: Arial instead of the GDS Transport font, which only GOV.UK may use.
# Run by hand when upgrading; the output is committed so installs need no Node.js.
set -euo pipefail
version=${GOVUK_FRONTEND_VERSION:-5.14.0}
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent "govuk-frontend@$version" sass >/dev/null
cat > build.scss <<'SCSS'
$govuk-font-family: arial, sans-serif;
$govuk-include-default-font-face: false;
$govuk-assets-path: "/static/govuk/assets/";
$govuk-new-link-styles: true;
@import "node_modules/govuk-frontend/dist/govuk/index";
SCSS
dest="$top/static/govuk"
rm -rf "$dest" && mkdir -p "$dest"
npx sass --quiet --no-source-map --style=compressed build.scss "$dest/govuk-frontend.min.css"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$dest/"
# No crown, crest or GOV.UK icons: this is not a GOV.UK service. The stylesheet still names the
# crest (for a footer logo this site never shows): an empty image stands in, so that
# collectstatic's manifest storage finds every file the stylesheet refers to.
mkdir -p "$dest/assets/images"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1" viewBox="0 0 1 1"/>\n' > "$dest/assets/images/govuk-crest.svg"
cp node_modules/govuk-frontend/LICENSE.txt "$dest/" 2>/dev/null || true
echo "$version" > "$dest/VERSION"
echo "static/govuk rebuilt from govuk-frontend $version"
