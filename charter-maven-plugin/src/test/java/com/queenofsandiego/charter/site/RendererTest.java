package com.queenofsandiego.charter.site;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer's fingerprint names the versions of the libraries that shape the pages. */
class RendererTest {

    @Test
    void theLibrariesVersionsAreKnown() {
        assertThat(Renderer.libraries())
                .as("read from the libraries, not from manifests a shaded jar does not keep")
                .matches("thymeleaf=3\\.\\d+\\.\\d+[.\\w-]*\ncommonmark=0\\.\\d+\\.\\d+");
    }
}
