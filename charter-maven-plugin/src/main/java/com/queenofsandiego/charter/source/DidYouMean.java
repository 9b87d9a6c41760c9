package com.queenofsandiego.charter.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the closest known word for a typo, such as {@code start} for {@code strat}. */
public final class DidYouMean {

    private DidYouMean() {}

    static Optional<String> closest(String typed, Collection<String> known) {
        int limit = Math.max(1, Math.min(3, typed.length() / 3));
        return known.stream()
                .filter(candidate -> distance(typed.toLowerCase(), candidate.toLowerCase()) <= limit)
                .min(Comparator.comparingInt(
                                (String candidate) -> distance(typed.toLowerCase(), candidate.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** " (did you mean 'start'?)" or nothing. */
    public static String hint(String typed, Collection<String> known) {
        return closest(typed, known).map(s -> " (did you mean '" + s + "'?)").orElse("");
    }

    /** Optimal string alignment distance: Levenshtein plus transposition of neighbours, so "strat" is one step from "start". */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
