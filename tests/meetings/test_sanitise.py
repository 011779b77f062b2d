"""The minutes editor's HTML, cut down to what minutes need whatever the browser sends, and
its words as plain text for comparing approved versions."""

import pytest

from meetings.sanitise import plain_text, sanitise_html


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        (
            "<p>The board <strong>noted</strong> the <em>report</em>.</p>",
            "<p>The board <strong>noted</strong> the <em>report</em>.</p>",
        ),
        (
            "<h3>Actions</h3><ul><li>Review</li></ul><ol><li>First</li></ol>",
            "<h3>Actions</h3><ul><li>Review</li></ul><ol><li>First</li></ol>",
        ),
        ('<p onclick="steal()" style="color:red" class="x">Styled</p>', "<p>Styled</p>"),
        ("<p>Before<script>alert(1)</script> after</p>", "<p>Before after</p>"),
        ("<style>p { display: none }</style><p>Shown</p>", "<p>Shown</p>"),
        ('<img src="x" onerror="alert(1)"><iframe src="https://example.org"></iframe>', ""),
        ('<a href="javascript:alert(1)">Click</a>', '<a rel="noopener noreferrer">Click</a>'),
        (
            '<a href="https://www.warwickshire.gov.uk/" target="_blank" rel="opener">Council</a>',
            '<a href="https://www.warwickshire.gov.uk/" rel="noopener noreferrer">Council</a>',
        ),
        (
            '<a href="mailto:secretariat@warwickshire.example.org">Write</a>',
            '<a href="mailto:secretariat@warwickshire.example.org" rel="noopener noreferrer">Write</a>',
        ),
        ("<table><tr><td>Cell</td></tr></table>", "Cell"),
        ("  <p>Trimmed</p>  ", "<p>Trimmed</p>"),
        ("", ""),
        (None, ""),
    ],
)
def test_only_what_minutes_need_is_kept(sent, kept):
    assert sanitise_html(sent) == kept


def test_plain_text_has_a_line_per_paragraph_heading_and_list_item():
    html = sanitise_html(
        "<h1>Pasted title</h1><h3>Strategic assessment</h3><p>Noted &amp; agreed.<br>With thanks.</p>"
        "<ul><li>Police</li><li>Fire &lt;and&gt; Rescue</li></ul>"
    )
    assert plain_text(html) == (
        "Pasted title\nStrategic assessment\nNoted & agreed.\nWith thanks.\nPolice\nFire <and> Rescue"
    )


def test_plain_text_of_nothing_is_nothing():
    assert plain_text("") == plain_text(None) == ""
