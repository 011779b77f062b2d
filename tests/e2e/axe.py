"""axe-core on the page in front of the browser: fails on every violation of a WCAG 2.0, 2.1
or 2.2 success criterion at level A or AA, whatever impact axe gives it (a "minor" missing
label is as much a failure of the standard as a "critical" one)."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def assert_accessible(page):
    # Judge the page as a user sees it: with its stylesheets and fonts in. Under load a page
    # reached by a click can be read before its CSS arrives, and bare links sit too close.
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = results.response["violations"]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(", ".join(map(str, node["target"])) for node in v["nodes"])
        for v in violations
    )
    assert not violations, f"axe found accessibility violations on {page.url}:\n{report}"
