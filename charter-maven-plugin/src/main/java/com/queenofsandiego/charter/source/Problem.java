package com.queenofsandiego.charter.source;

import java.util.Comparator;
import java.util.Locale;

/**
 * One thing wrong with an input, at a 1-based line and column; line 0 means the input as a whole.
 * {@code file} is the path as the user should read it (relative to the repository root), or the property at fault.
 * An error stops the build; a warning is shown and the build goes on.
 */
public record Problem(String file, int line, int column, String message, Severity severity)
        implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public enum Severity {
        ERROR,
        WARNING
    }

    /** An error. */
    public Problem(String file, int line, int column, String message) {
        this(file, line, column, message, Severity.ERROR);
    }

    public static Problem at(String file, Position position, String message) {
        return new Problem(file, position.line(), position.column(), message);
    }

    public static Problem warningAt(String file, Position position, String message) {
        return new Problem(file, position.line(), position.column(), message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line editors and CI logs link to: {@code file:line:col: message}. */
    @Override
    public String toString() {
        return line <= 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }

    /** A GitHub Actions workflow command that shows the problem on the file's line in a pull request. */
    public String githubAnnotation() {
        String where = line <= 0 ? "" : ",line=" + line + ",col=" + column;
        return "::" + severity.name().toLowerCase(Locale.ROOT) + " file=" + escapeProperty(file) + where + "::"
                + escapeData(message);
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
