package com.queenofsandiego.charter.site;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code sitemap.xml} of the public pages only, and a {@code robots.txt} that points at it. Crawlers are let into
 * {@code /g/}: guest pages carry {@code noindex}, which a crawler kept out would never read.
 */
final class Sitemap {

    private Sitemap() {}

    static byte[] xml(List<ContentPage> pages, String siteUrl) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (ContentPage page : pages) {
            xml.append("  <url>\n    <loc>")
                    .append(escape(siteUrl + page.urlPath()))
                    .append("</loc>\n");
            page.updated()
                    .ifPresent(day -> xml.append("    <lastmod>").append(day).append("</lastmod>\n"));
            xml.append("  </url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] robots(String siteUrl) {
        return ("User-agent: *\nDisallow:\n\nSitemap: " + siteUrl + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
