package com.queenofsandiego.charter.site;

import java.nio.charset.StandardCharsets;

/**
 * RFC 5545 content lines: each ends in CRLF and is folded before it passes 75 octets, never inside a UTF-8 sequence;
 * TEXT values are escaped. Calendar files are small and many, so this writes them directly rather than building a
 * model of the calendar first.
 */
final class IcsWriter {

    private static final int MAX_LINE_OCTETS = 75;

    private final StringBuilder out = new StringBuilder(1024);

    /** A property whose value is already in its RFC 5545 form (a date-time, a URI, a fixed word). */
    IcsWriter property(String nameAndParameters, String value) {
        int octets = 0;
        int length = nameAndParameters.length() + 1 + value.length();
        for (int i = 0; i < length; ) {
            int c = i < nameAndParameters.length()
                    ? nameAndParameters.codePointAt(i)
                    : i == nameAndParameters.length() ? ':' : value.codePointAt(i - nameAndParameters.length() - 1);
            int size = utf8Octets(c);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(c);
            octets += size;
            i += Character.charCount(c);
        }
        out.append("\r\n");
        return this;
    }

    /** A property whose value is TEXT: escaped, with line breaks as {@code \n} and other control characters dropped. */
    IcsWriter text(String name, String value) {
        return property(name, escape(value));
    }

    /** Lines written elsewhere (such as a VTIMEZONE), already folded and ending in CRLF. */
    IcsWriter lines(String contentLines) {
        out.append(contentLines);
        return this;
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /**
     * RFC 5545 TEXT: backslash, semicolon and comma escaped, CRLF, CR and LF each written as {@code \n} (a raw CR or
     * LF would end the line, and the rest would be read as a property of its own); other control characters but tab
     * are not TEXT and are left out.
     */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> escaped.append('\\').append(c);
                case '\r' -> {
                    escaped.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c == '\t' || !Character.isISOControl(c)) {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    private static int utf8Octets(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
