package com.queenofsandiego.charter.text;

import java.util.Locale;

/**
 * How text from outside (booking values, file names) is shown where one character could change what readers see:
 * a log line, where a line break would let a value start a line of its own (GitHub Actions runs lines starting
 * {@code ::} as workflow commands), and Markdown, where a backtick would close a code span.
 */
public final class UntrustedText {

    /** What CommonMark lets a backslash escape: all ASCII punctuation. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private UntrustedText() {}

    /**
     * Control characters (Unicode category Cc, which holds CR, LF and tab), the line and paragraph separators, and the
     * bidirectional controls that make text display in another order than it reads.
     */
    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == 0x2028
                || codePoint == 0x2029
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    /** A character for a message, never the character itself: {@code U+000D (carriage return)}. */
    public static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        return name == null
                ? code
                : code + " (" + name.replaceFirst(" \\(\\w+\\)$", "").toLowerCase(Locale.ROOT) + ")";
    }

    /** The text on one line: each control character as an escape such as {@code \r} or {@code \n}. */
    public static String oneLine(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (!isControl(c)) {
                shown.appendCodePoint(c);
            } else if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\n') {
                shown.append("\\n");
            } else if (c == '\t') {
                shown.append("\\t");
            } else {
                shown.append(String.format(Locale.ROOT, "\\u%04X", c));
            }
        });
        return shown.toString();
    }

    /**
     * A Markdown code span showing the text as it is: fenced with more backticks than any run inside it, padded with
     * the spaces CommonMark strips when the text starts or ends with a backtick or a space.
     */
    public static String codeSpan(String text) {
        String shown = oneLine(text);
        int longest = 0;
        int run = 0;
        for (char c : shown.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = longest > 0 || shown.startsWith(" ") || shown.endsWith(" ");
        return pad ? fence + " " + shown + " " + fence : fence + shown + fence;
    }

    /**
     * The text shown as it is in Markdown, on one line: every ASCII punctuation character is backslash-escaped, so
     * none of it is read as emphasis, a link, an image, HTML or an entity.
     */
    public static String plainMarkdown(String text) {
        StringBuilder shown = new StringBuilder();
        oneLine(text).codePoints().forEach(c -> {
            if (c < 0x80 && PUNCTUATION.indexOf(c) >= 0) {
                shown.append('\\');
            }
            shown.appendCodePoint(c);
        });
        return shown.toString();
    }

    /**
     * Markdown (on one line) made a GitHub table cell: each pipe escaped. The table reads every {@code \|} as a pipe
     * inside the cell, also inside a code span and after another backslash, and hands the Markdown on unchanged.
     */
    public static String tableCell(String markdown) {
        return markdown.replace("|", "\\|");
    }
}
