package com.queenofsandiego.charter.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lazily read object answers as the tree of the same text would, whatever the text holds and however it is laid out. */
class LazyJsonObjectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Entries enough that "entries" is over the size split on load; text that needs care counting bytes. */
    private static ObjectNode sample() {
        ObjectNode root = JSON.createObjectNode().put("next_id", 2001).put("name", "Zoë \"quoted\" \\ ☃ 🚤");
        ObjectNode entries = root.putObject("entries");
        for (int i = 0; i < 2000; i++) {
            ObjectNode entry = entries.putObject("e-" + i)
                    .put("id", "e-" + i)
                    .put("notes", "Gäst " + i + "\nline two\t✓")
                    .put("price", i * 1.5)
                    .put("big", 12345678901234L + i)
                    .put("paid", i % 2 == 0)
                    .putNull("none");
            entry.putArray("crew").add("maria").add(i).addObject().put("nested", "{not:\"an object\"}");
            entry.putObject("empty");
        }
        root.putArray("list").add(1).add("two");
        root.putObject("small").put("md5", "abc");
        return root;
    }

    private static LazyJsonObject read(String text) throws IOException {
        return LazyJsonObject.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String written(LazyJsonObject object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(bytes)) {
            object.write(generator);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void answersAsTheParsedTreeCompactOrIndented() throws IOException {
        ObjectNode tree = sample();
        assertThat(JSON.writeValueAsBytes(tree.get("entries")).length).isGreaterThan(LazyJsonObject.INDEX_ON_LOAD);
        for (String text : new String[] {
            JSON.writeValueAsString(tree), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
        }) {
            LazyJsonObject object = read(text);

            assertThat(object.get()).isEqualTo(tree);
            assertThat(object.get("entries", "e-1234"))
                    .isEqualTo(tree.get("entries").get("e-1234"));
            assertThat(object.get("entries", "e-7", "notes")).isEqualTo(TextNode.valueOf("Gäst 7\nline two\t✓"));
            assertThat(object.get("name")).isEqualTo(tree.get("name"));
            assertThat(object.get("next_id")).isEqualTo(IntNode.valueOf(2001));
            assertThat(object.get("list")).isEqualTo(tree.get("list"));
            assertThat(object.get("entries", "e-5", "crew", "nested")).isNull();
            assertThat(object.get("entries", "missing")).isNull();
            assertThat(object.has("entries", "e-1999")).isTrue();
            assertThat(object.has("entries", "e-2000")).isFalse();
            assertThat(object.names("entries")).hasSize(2000).startsWith("e-0", "e-1", "e-2");
            assertThat(object.names("name")).isEmpty();
            assertThat(JSON.readTree(written(object))).isEqualTo(tree);
        }
    }

    @Test
    void changesAreSeenByLaterReadsAndWrittenOutWithTheUntouchedText() throws IOException {
        ObjectNode tree = sample();
        LazyJsonObject object = read(JSON.writeValueAsString(tree));

        object.put(TextNode.valueOf("changed"), "entries", "e-3", "notes");
        object.put(IntNode.valueOf(9), "entries", "e-4");
        object.put(IntNode.valueOf(1), "made", "on", "the way");
        object.put(IntNode.valueOf(2), "name", "over a text");
        assertThat(object.remove("entries", "e-5")).isTrue();
        assertThat(object.remove("entries", "e-5")).isFalse();
        assertThat(object.remove("nothing", "here")).isFalse();

        ((ObjectNode) tree.get("entries").get("e-3")).put("notes", "changed");
        ((ObjectNode) tree.get("entries")).put("e-4", 9);
        tree.putObject("made").putObject("on").put("the way", 1);
        tree.putObject("name").put("over a text", 2);
        ((ObjectNode) tree.get("entries")).remove("e-5");
        assertThat(object.get()).isEqualTo(tree);
        assertThat(JSON.readTree(written(object))).isEqualTo(tree);
        // The order members were first set in stays (the sandbox lists entries in it).
        assertThat(object.names("entries")).startsWith("e-0", "e-1", "e-2", "e-3", "e-4", "e-6");
    }

    @Test
    void aValueGivenOutIsACopy() throws IOException {
        LazyJsonObject object = read("{\"a\":{\"b\":1}}");
        object.put(JSON.createObjectNode().put("c", 2), "d");

        ((ObjectNode) object.get("a")).put("b", 99);
        ((ObjectNode) object.get("d")).put("c", 99);

        assertThat(object.get()).isEqualTo(JSON.readTree("{\"a\":{\"b\":1},\"d\":{\"c\":2}}"));
    }

    @Test
    void textsGivesOneFieldOfEveryMemberInOrderWithoutParsingThem() throws IOException {
        LazyJsonObject object = read("""
                {"k1":{"size":3,"md5":"aa"},"k2":{"md5":7},"k3":{"x":{"md5":"deep"}},"k4":"text",
                 "k5":{"md5":"b\\"b"},"k6":{"md5":null},"k7":{"md5":["a"]}}""");
        object.put(JSON.createObjectNode().put("md5", "put"), "k8");
        object.put(JSON.createObjectNode().putNull("md5"), "k9");

        Map<String, String> texts = object.texts("md5");

        assertThat(texts).containsEntry("k1", "aa").containsEntry("k2", "7").containsEntry("k5", "b\"b");
        assertThat(texts).containsEntry("k8", "put");
        assertThat(texts).containsEntry("k3", null).containsEntry("k4", null).containsEntry("k6", null);
        assertThat(texts).containsEntry("k7", null).containsEntry("k9", null);
        assertThat(texts.keySet()).containsExactly("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9");
        assertThat(object.texts("md5", "k3")).containsExactly(Map.entry("x", "deep"));
        assertThat(object.texts("md5", "none")).isEmpty();
    }

    @Test
    void textThatIsNotAnObjectOrNotJsonIsRefusedWhenRead() {
        assertThatThrownBy(() -> read("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read("{\"a\":1} {}")).hasMessageContaining("more after the object");
        assertThatThrownBy(() -> read("{\"a\":{\"b\":1}")).hasMessageContaining("end-of-input");
        assertThatThrownBy(() -> read("{\"a\":{\"b\" 1}}")).isInstanceOf(IOException.class);
    }

    @Test
    void textDeepInAMemberThatIsNotJsonIsRefusedWhenRead() {
        // Members stay unparsed, so nothing later could report these: the scan on reading must.
        assertThatThrownBy(() -> read("{\"a\":{\"b\":\"bad \\q escape\"},\"c\":1}"))
                .hasMessageContaining("Unrecognized character escape");
        byte[] badUtf8 = "{\"a\":{\"b\":[\"x\u00e9y\"]}}".getBytes(StandardCharsets.UTF_8);
        badUtf8[badUtf8.length - 6] = '(';
        assertThatThrownBy(() -> LazyJsonObject.read(badUtf8)).hasMessageContaining("not UTF-8");
    }
}
