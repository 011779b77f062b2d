"""axe-core on the page in front of the browser: WCAG 2.2 AA, failing on serious and
critical violations."""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}

_axe = Axe()


def assert_accessible(page):
    # Judge the page as a user sees it: with its stylesheets and fonts in. Under load a page
    # reached by a click can be read before its CSS arrives, and bare links sit too close.
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    violations = [v for v in results.response["violations"] if v["impact"] in FAILING_IMPACTS]
    report = "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} – "
        + "; ".join(", ".join(map(str, node["target"])) for node in v["nodes"])
        for v in violations
    )
    assert not violations, f"axe found accessibility violations on {page.url}:\n{report}"
