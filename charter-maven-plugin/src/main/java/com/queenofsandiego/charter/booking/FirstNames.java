package com.queenofsandiego.charter.booking;

/** The first name of a full name, which is all of a person's name a guest page shows. */
final class FirstNames {

    private FirstNames() {}

    /** Everything before the first space of any kind: tab, no-break space and the other Unicode spaces too. */
    static String of(String name) {
        int start = 0;
        while (start < name.length() && isSpace(name.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < name.length() && !isSpace(name.charAt(end))) {
            end++;
        }
        return name.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
}
