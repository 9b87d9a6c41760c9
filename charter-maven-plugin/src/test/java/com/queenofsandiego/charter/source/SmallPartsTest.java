package com.queenofsandiego.charter.source;

import com.queenofsandiego.charter.booking.Slugs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmallPartsTest {

    @Test
    void randomSlugsFitThePatternAndDiffer() {
        assertThat(Slugs.random()).matches(Slugs.PATTERN).hasSize(10).isNotEqualTo(Slugs.random());
    }

    @Test
    void didYouMeanFindsTyposButNotUnrelatedWords() {
        List<String> keys = List.of("start", "end", "status", "slug", "guest_notes");

        assertThat(DidYouMean.closest("strat", keys)).contains("start");
        assertThat(DidYouMean.closest("guest_note", keys)).contains("guest_notes");
        assertThat(DidYouMean.closest("weather", keys)).isEmpty();
    }

    @Test
    void githubAnnotationsEscapeWhatWouldBreakTheCommand() {
        Problem problem = new Problem("bookings/a,b.yaml", 7, 8, "50% off\nnext line");

        assertThat(problem.githubAnnotation())
                .isEqualTo("::error file=bookings/a%2Cb.yaml,line=7,col=8::50%25 off%0Anext line");
        assertThat(problem).hasToString("bookings/a,b.yaml:7:8: 50% off\nnext line");
    }
}
