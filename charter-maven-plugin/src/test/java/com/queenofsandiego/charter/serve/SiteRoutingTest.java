package com.queenofsandiego.charter.serve;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SiteRoutingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            nullValues = "404",
            value = {
                "/, index.html",
                "/g/xhqgmdh4ka, g/xhqgmdh4ka.html",
                "/g/xhqgmdh4ka/, g/xhqgmdh4ka.html",
                "/g/xhqgmdh4ka.html, g/xhqgmdh4ka.html",
                "/g/xhqgmdh4ka.ics, g/xhqgmdh4ka.ics",
                "/faq.html, faq.html",
                "/assets/site.3f2a.css, assets/site.3f2a.css",
                "/.charter/ledger.json, 404",
                "/.charter, 404",
                "/g/, 404",
                "/assets/, 404",
            })
    void routesLikeTheCloudFrontFunction(String path, String key) {
        assertThat(SiteRouting.keyFor(path).orElse(null)).isEqualTo(key);
    }
}
