package nl.paraat.content;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * CommonMark to HTML that is safe to show in an app's web view: raw HTML is escaped as text (so no
 * script and no event handlers reach the page) and link targets other than http(s), mailto and tel
 * are dropped (so no {@code javascript:}). Links to other pages, {@code page:<id>}, are collected
 * for validation and pointed at the content API.
 */
final class MarkdownRenderer {

    static final String PAGE_LINK = "page:";
    static final String CONTENT_PATH = "/api/v1/content/";

    private static final Parser PARSER = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
            .build();

    private MarkdownRenderer() {
    }

    record PageLink(String targetId, int line) {
    }

    record Rendered(String html, List<PageLink> links, List<String> sectionHeadings) {
    }

    /** @param firstLine the file's line number of the first Markdown line */
    static Rendered render(String markdown, int firstLine) {
        Node document = PARSER.parse(markdown);
        List<PageLink> links = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String destination = link.getDestination();
                if (destination.startsWith(PAGE_LINK)) {
                    String id = destination.substring(PAGE_LINK.length());
                    links.add(new PageLink(id, lineOf(link, firstLine)));
                    link.setDestination(CONTENT_PATH + id);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                visitChildren(image);
            }

            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 2) {
                    sections.add(textOf(heading));
                }
                visitChildren(heading);
            }
        });
        return new Rendered(RENDERER.render(document), List.copyOf(links), List.copyOf(sections));
    }

    private static int lineOf(Node node, int firstLine) {
        return node.getSourceSpans().isEmpty() ? firstLine : firstLine + node.getSourceSpans().get(0).getLineIndex();
    }

    private static String textOf(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text literal) {
                text.append(literal.getLiteral());
            }
        });
        return text.toString().strip();
    }
}
