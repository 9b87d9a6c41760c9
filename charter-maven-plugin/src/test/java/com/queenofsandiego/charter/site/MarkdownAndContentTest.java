package com.queenofsandiego.charter.site;

import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownAndContentTest {

    @TempDir
    Path root;

    @Test
    void markdownEscapesRawHtmlAndDropsUnsafeLinks() {
        String html = new MarkdownRenderer()
                .toHtml("<script>alert(1)</script>\n\nText [a](javascript:alert(1)) [b](JaVaScRiPt:x) "
                        + "[c](data:text/html,x) ![d](data:image/png;base64,AA) [ok](https://example.com) [tel](tel:+16195550100)\n\n"
                        + "| a | b |\n| --- | --- |\n| 1 | 2 |\n");

        assertThat(html)
                .doesNotContain("<script")
                .contains("&lt;script&gt;")
                .doesNotContain("javascript:", "JaVaScRiPt:", "data:")
                .contains("href=\"https://example.com\"", "href=\"tel:+16195550100\"", "<table>");
    }

    @Test
    void imagesFromOtherHostsBecomeTheirAltTextAndSameSiteImagesStay() {
        String html = new MarkdownRenderer()
                .toHtml("![boat](https://tracker.example/p.gif) ![two](//tracker.example/p.gif) "
                        + "![three](/\\tracker.example/p.gif) ![four](HTTP://tracker.example/p.gif) ![dock](/assets/images/dock.jpg) "
                        + "![map](map.png)\n");

        assertThat(html)
                .doesNotContain("tracker.example")
                .contains("boat two three four")
                .contains(
                        "<img src=\"/assets/images/dock.jpg\" alt=\"dock\" />", "<img src=\"map.png\" alt=\"map\" />");
    }

    @Test
    void frontMatterProblemsPointAtTheirLines() throws Exception {
        Path content = Files.createDirectories(root.resolve("site-content"));
        Files.writeString(content.resolve("faq.md"), "---\ntitel: FAQ\nupdated: 2024-13-01\n---\n# Body\n");
        Files.writeString(content.resolve("about.md"), "# No front matter\n");
        Files.writeString(content.resolve("Bad Name.md"), "---\ntitle: x\n---\n");
        Files.writeString(content.resolve("open.md"), "---\ntitle: x\n");
        SiteSettings settings = new SiteSettings(
                root,
                content,
                root.resolve("theme"),
                root.resolve("out"),
                "https://example.com",
                ZoneId.of("UTC"),
                Optional.empty(),
                Optional.empty(),
                1);

        SiteContent loaded = new ContentLoader(settings).load();

        assertThat(loaded.problems())
                .extracting(Problem::toString)
                .containsExactlyInAnyOrder(
                        "site-content/Bad Name.md:1:1: a page's file name becomes its address: use lowercase letters, digits and '-'"
                                + " (e.g. what-to-bring.md), or start it with '_' for a partial",
                        "site-content/about.md:1:1: a page starts with front matter: a line '---', 'title: ...', and another '---'",
                        "site-content/faq.md:2:1: unknown key 'titel' (did you mean 'title'?)",
                        "site-content/faq.md:2:1: 'title' is required; add a line like 'title: Directions to the dock'",
                        "site-content/faq.md:3:10: updated '2024-13-01' is not a day of the calendar",
                        "site-content/open.md:1:1: the front matter is not closed: add a line '---' after it");
        assertThat(loaded.pages()).isEmpty();
    }

    @Test
    void theRepositorysContentIsValid() {
        SiteFixture site = new SiteFixture(root, Optional.empty());

        SiteContent content = new ContentLoader(site.settings).load();

        assertThat(content.problems()).isEmpty();
        assertThat(content.pages())
                .extracting(ContentPage::name)
                .contains("index", "what-to-bring", "directions-to-the-dock", "faq");
        assertThat(content.partial("meeting-point")).isPresent();
        assertThat(content.partial("what-to-bring")).isPresent();
    }
}
