package com.queenofsandiego.charter.site;

import java.time.Duration;

/** What a run of the generator did: files rendered, left as they were (inputs unchanged), and removed. */
public record GenerationReport(
        int rendered, int unchanged, int removed, int guestPages, int publicPages, Duration elapsed) {

    @Override
    public String toString() {
        return "rendered " + rendered + " files, " + unchanged + " unchanged, " + removed + " removed (" + guestPages
                + " guest pages, " + publicPages + " public pages) in " + elapsed.toMillis() + " ms";
    }
}
