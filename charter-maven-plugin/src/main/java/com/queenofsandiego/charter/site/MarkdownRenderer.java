package com.queenofsandiego.charter.site;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to HTML that is safe to put in a page whatever staff or a guest typed: raw HTML is escaped, links to
 * anything but http(s), mailto and tel are removed ({@code javascript:}, {@code data:} and the like), and an image
 * from another host becomes its alt text, so a page never makes a request that tells another host who read it.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto", "tel")))
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().build();

    public String toHtml(String markdown) {
        Node document = parser.parse(markdown);
        List<Image> foreign = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                if (!sameSite(image.getDestination())) {
                    foreign.add(image);
                }
            }
        });
        for (Image image : foreign) {
            while (image.getFirstChild() != null) {
                image.insertBefore(image.getFirstChild());
            }
            image.unlink();
        }
        return renderer.render(document);
    }

    /**
     * A relative URL without a host. Browsers read a backslash as a slash and skip tabs and newlines, so
     * {@code /\host} and {@code //host} alike go elsewhere; a colon before any '/', '?' or '#' is a scheme.
     */
    static boolean sameSite(String url) {
        String read = url.replace('\\', '/').replaceAll("[\\x00-\\x20]", "");
        return !read.startsWith("//") && !read.matches("(?s)[^/?#]*:.*");
    }

    /** The first paragraph as plain text, e.g. for a calendar entry's location. */
    public String firstParagraph(String markdown) {
        Node node = parser.parse(markdown).getFirstChild();
        while (node != null && !(node instanceof Paragraph)) {
            node = node.getNext();
        }
        return node == null ? "" : text.render(node).trim().replaceAll("\\s+", " ");
    }
}
