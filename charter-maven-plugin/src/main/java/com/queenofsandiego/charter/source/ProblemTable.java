package com.queenofsandiego.charter.source;

import java.util.List;
import java.util.Locale;

import static com.queenofsandiego.charter.text.UntrustedText.codeSpan;
import static com.queenofsandiego.charter.text.UntrustedText.plainMarkdown;
import static com.queenofsandiego.charter.text.UntrustedText.tableCell;

/**
 * Every problem as a Markdown table for the GitHub job summary, which shows all of them: GitHub shows only 10
 * annotations of each kind per step. File names and messages hold booking values, so no cell can end early or
 * become markup.
 */
public final class ProblemTable {

    private ProblemTable() {}

    public static String markdown(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        long files = problems.stream().map(Problem::file).distinct().count();
        StringBuilder table = new StringBuilder("### charter: ")
                .append(count(problems.size(), "problem"))
                .append(" in ")
                .append(count(files, "file"))
                .append(" (")
                .append(count(errors, "error"))
                .append(", ")
                .append(count(warnings, "warning"))
                .append(")\n\n")
                .append("| file | line | severity | message |\n| --- | ---: | --- | --- |\n");
        for (Problem problem : problems.stream().sorted().toList()) {
            table.append("| ")
                    .append(tableCell(codeSpan(problem.file())))
                    .append(" | ")
                    .append(problem.line() <= 0 ? "" : problem.line() + ":" + problem.column())
                    .append(" | ")
                    .append(problem.severity().name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(tableCell(plainMarkdown(problem.message())))
                    .append(" |\n");
        }
        return table.append('\n').toString();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
