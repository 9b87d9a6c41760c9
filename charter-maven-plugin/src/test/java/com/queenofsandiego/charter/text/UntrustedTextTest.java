package com.queenofsandiego.charter.text;

import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class UntrustedTextTest {

    private static final Parser MARKDOWN =
            Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Test
    void oneLineShowsEveryControlCharacterAsAnEscape() {
        assertThat(UntrustedText.oneLine("a\r::error::x\nb\tc\u001B[2Jd\u202Ee\u2028f"))
                .isEqualTo("a\\r::error::x\\nb\\tc\\u001B[2Jd\\u202Ee\\u2028f");
        assertThat(UntrustedText.oneLine("Café ⛵ plain")).isEqualTo("Café ⛵ plain");
    }

    @Test
    void charactersAreDescribedByCodeAndName() {
        assertThat(UntrustedText.describe('\r')).isEqualTo("U+000D (carriage return)");
        assertThat(UntrustedText.describe(0x202E)).isEqualTo("U+202E (right-to-left override)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"bookings/a.yaml", "a`b", "``x``", "`", "ends with `", " spaced ", "a\n# heading\n- item", "a|b"
            })
    void aCodeSpanShowsExactlyTheTextOnOneLine(String text) {
        String line = "- create " + UntrustedText.codeSpan(text) + " (new)";

        Node document = MARKDOWN.parse(line);

        assertThat(codes(document)).containsExactly(UntrustedText.oneLine(text));
        assertThat(line).doesNotContain("\n", "\r");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a|b",
                "a\\|b",
                "a\\\\|b",
                "`|`",
                "*x* _y_ [l](http://e) ![i](http://e/i.png) <b>z</b> &amp;",
                "a\n| c | d |\n",
                "ends with \\",
                "| x | 1 | error | forged |"
            })
    void aTableCellShowsExactlyTheTextOnOneLineAsCodeOrAsText(String text) {
        String table = "| code | text |\n| --- | --- |\n| " + UntrustedText.tableCell(UntrustedText.codeSpan(text))
                + " | " + UntrustedText.tableCell(UntrustedText.plainMarkdown(text)) + " |\n";

        Node document = MARKDOWN.parse(table);

        TableRow row = (TableRow) document.getFirstChild().getLastChild().getFirstChild();
        assertThat(row.getNext()).isNull();
        TableCell code = (TableCell) row.getFirstChild();
        assertThat(code.getFirstChild()).isInstanceOf(Code.class).isSameAs(code.getLastChild());
        assertThat(((Code) code.getFirstChild()).getLiteral()).isEqualTo(UntrustedText.oneLine(text));
        TableCell plain = (TableCell) code.getNext();
        assertThat(plain.getNext()).isNull();
        assertThat(texts(plain)).isEqualTo(UntrustedText.oneLine(text));
    }

    /** The text of a node, failing if any of it became markup. */
    private static String texts(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            assertThat(child).isInstanceOf(Text.class);
            text.append(((Text) child).getLiteral());
        }
        return text.toString();
    }

    /** The text of every code span in a Markdown document. */
    public static List<String> codes(Node document) {
        List<String> codes = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Code code) {
                codes.add(code.getLiteral());
            }
        });
        return codes;
    }
}
