package nl.paraat.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "Text <img src=x onerror=alert(1)> inline",
            "<div onmouseover=\"alert(1)\">hover</div>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<svg onload=alert(1)>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x][evil]\n\n[evil]: javascript:alert(1)",
            "[x](https://example.org \"a\\\" onmouseover=\\\"alert(1)\")"
    })
    void hostileInputIsHarmless(String markdown) {
        String html = MarkdownRenderer.render(markdown, 1).html();

        assertThat(html).doesNotContainPattern("(?i)<\\s*(script|iframe|svg|div|object|embed)")
                .doesNotContainPattern("(?i)(href|src)\\s*=\\s*\"\\s*(javascript|vbscript|data):")
                // an event-handler attribute on any real tag, walking attributes so quoted values are skipped
                .doesNotContainPattern("(?i)<\\w+(\\s+[\\w-]+(=\"[^\"]*\")?)*\\s+on\\w+");
    }

    @Test
    void pageLinksPointAtTheContentApiAndAreRecordedWithTheirLine() {
        MarkdownRenderer.Rendered rendered = MarkdownRenderer.render("Intro.\n\nSee [kit](page:emergency-kit).\n", 10);

        assertThat(rendered.html()).contains("href=\"/api/v1/content/emergency-kit\"");
        assertThat(rendered.links()).containsExactly(new MarkdownRenderer.PageLink("emergency-kit", 12));
    }

    @Test
    void safeLinksSurvive() {
        String html = MarkdownRenderer.render("[112](tel:112) [site](https://www.example.nl) [mail](mailto:a@b.nl)", 1).html();

        assertThat(html).contains("href=\"tel:112\"").contains("href=\"https://www.example.nl\"")
                .contains("href=\"mailto:a@b.nl\"");
    }
}
