"""Copy the front-end files the product serves from node_modules/ into src/japandesk/static/vendor/.

`npm ci` fetches the exact versions pinned in package-lock.json; this script picks only the
files the pages load, so that nothing is ever fetched from a CDN at run time. It fails with a
clear message when an expected file is missing (a package changed its layout, or `npm ci`
was not run), and it is quick to run again: unchanged files are left alone.

Usage: python scripts/vendor_assets.py [--check]
"""

import filecmp
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = ROOT / "src" / "japandesk" / "static" / "vendor"

# (npm package, file inside the package, destination under static/vendor/)
FILES = [
    ("bootstrap", "dist/css/bootstrap.min.css", "bootstrap/css/bootstrap.min.css"),
    ("bootstrap", "dist/css/bootstrap.min.css.map", "bootstrap/css/bootstrap.min.css.map"),
    ("bootstrap", "dist/js/bootstrap.bundle.min.js", "bootstrap/js/bootstrap.bundle.min.js"),
    ("bootstrap", "dist/js/bootstrap.bundle.min.js.map", "bootstrap/js/bootstrap.bundle.min.js.map"),
    ("bootstrap", "LICENSE", "bootstrap/LICENSE"),
    ("htmx.org", "dist/htmx.min.js", "htmx/htmx.min.js"),
    ("htmx.org", "LICENSE", "htmx/LICENSE"),
    ("chart.js", "dist/chart.umd.min.js", "chart.js/chart.umd.min.js"),
    ("chart.js", "LICENSE.md", "chart.js/LICENSE.md"),
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "dist/images/layers.png", "leaflet/images/layers.png"),
    ("leaflet", "dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
    ("leaflet", "dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
    ("leaflet", "dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
    ("leaflet", "dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
    ("leaflet", "LICENSE", "leaflet/LICENSE"),
    ("swagger-ui-dist", "swagger-ui.css", "swagger-ui-dist/swagger-ui.css"),
    ("swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-dist/swagger-ui-bundle.js"),
    ("swagger-ui-dist", "swagger-ui-standalone-preset.js", "swagger-ui-dist/swagger-ui-standalone-preset.js"),
    ("swagger-ui-dist", "oauth2-redirect.html", "swagger-ui-dist/oauth2-redirect.html"),
    ("swagger-ui-dist", "favicon-16x16.png", "swagger-ui-dist/favicon-16x16.png"),
    ("swagger-ui-dist", "favicon-32x32.png", "swagger-ui-dist/favicon-32x32.png"),
    ("swagger-ui-dist", "LICENSE", "swagger-ui-dist/LICENSE"),
    ("axe-core", "axe.min.js", "axe-core/axe.min.js"),
    ("axe-core", "LICENSE", "axe-core/LICENSE"),
]


def main(argv: list[str]) -> int:
    check_only = "--check" in argv
    if not NODE_MODULES.is_dir():
        print(f"vendor_assets: {NODE_MODULES} does not exist; run `npm ci` first.", file=sys.stderr)
        return 1
    missing = [
        f"node_modules/{package}/{source}"
        for package, source, _ in FILES
        if not (NODE_MODULES / package / source).is_file()
    ]
    if missing:
        print("vendor_assets: these files are missing (run `npm ci`; check package.json):", file=sys.stderr)
        for path in missing:
            print(f"  {path}", file=sys.stderr)
        return 1

    wanted = {VENDOR / destination for _, _, destination in FILES}
    copied = 0
    for package, source, destination in FILES:
        src, dst = NODE_MODULES / package / source, VENDOR / destination
        if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
            continue
        if check_only:
            print(f"vendor_assets: {dst.relative_to(ROOT)} is missing or out of date", file=sys.stderr)
            return 1
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        copied += 1

    # Files left over from an older package layout would be served but never updated.
    removed = 0
    for path in sorted(VENDOR.rglob("*"), reverse=True):
        if path.is_file() and path not in wanted:
            if check_only:
                print(f"vendor_assets: {path.relative_to(ROOT)} is not part of the vendored set", file=sys.stderr)
                return 1
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()

    print(f"vendor_assets: {len(FILES)} files in {VENDOR.relative_to(ROOT)} ({copied} copied, {removed} removed)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
