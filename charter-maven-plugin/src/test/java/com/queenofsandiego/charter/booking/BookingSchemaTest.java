package com.queenofsandiego.charter.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.queenofsandiego.charter.source.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code bookings/booking.schema.json} (what editors check as staff type) in step with {@link BookingParser}.
 */
class BookingSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPOSITORY = Path.of(System.getProperty("charter.repository", ".."));

    private static JsonNode schemaJson;
    private static Schema schema;

    @TempDir
    Path root;

    @BeforeAll
    static void loadSchema() throws IOException {
        schemaJson =
                JSON.readTree(REPOSITORY.resolve("bookings/booking.schema.json").toFile());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson.toString());
    }

    /** What an editor's YAML 1.2 language server sees. */
    private static JsonNode asEditorSeesIt(String yaml) {
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(yaml));
    }

    @Test
    void schemaDeclaresExactlyTheLoadersKeys() {
        assertThat(names(schemaJson.get("properties"))).isEqualTo(BookingParser.KEYS);
        assertThat(names(schemaJson.at("/properties/guest/properties"))).isEqualTo(BookingParser.GUEST_KEYS);
        assertThat(schemaJson.get("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemaJson.at("/properties/guest/additionalProperties").asBoolean(true))
                .isFalse();
        assertThat(schemaJson.at("/properties/id/pattern").asText()).isEqualTo("^" + BookingParser.ID.pattern() + "$");
        assertThat(schemaJson.at("/properties/slug/pattern").asText()).isEqualTo("^" + Slugs.PATTERN.pattern() + "$");
        assertThat(schemaJson
                        .at("/properties/guest/properties/party_size/maximum")
                        .asInt())
                .isEqualTo(BookingParser.MAX_PARTY_SIZE);
    }

    @Test
    void requiredFieldsAgreeWithTheLoader() {
        Set<String> required = new HashSet<>();
        schemaJson.get("required").forEach(n -> required.add(n.asText()));
        List<String> loaderProblems = new BookingFiles(root)
                .booking("b.yaml", "source: direct\n").load().problems().stream()
                        .map(Problem::message)
                        .toList();

        assertThat(required)
                .allSatisfy(key -> assertThat(loaderProblems).anyMatch(m -> m.startsWith("'" + key + "' is required")));
        assertThat(loaderProblems).hasSameSizeAs(required);
    }

    @Test
    void everySampleBookingPassesBothTheSchemaAndTheLoader() throws IOException {
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(REPOSITORY.resolve("bookings"))) {
            samples = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(6);
        for (Path sample : samples) {
            assertThat(schema.validate(asEditorSeesIt(Files.readString(sample))))
                    .as(sample.toString())
                    .isEmpty();
        }
        Bookings bookings = new BookingLoader(REPOSITORY)
                .load(REPOSITORY.resolve("bookings"), REPOSITORY.resolve("site-content/crew.yaml"));
        assertThat(bookings.problems()).isEmpty();
        assertThat(bookings.warnings()).isEmpty();
        assertThat(bookings.bookings()).hasSameSizeAs(samples);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "strat: 10:00",
                "slug: Not_A_Slug",
                "status: canceled",
                "source: airbnb",
                "photos: maybe",
                "id: has space",
                "date: 30/05/2024",
                "start: 25 pm",
                "title: \"Sunset\\rCruise\"",
                "notes: \"Bring ice\\x07\"",
            })
    void aBrokenFieldFailsBothTheSchemaAndTheLoader(String line) {
        String key = line.substring(0, line.indexOf(':'));
        String yaml =
                BookingFiles.VALID.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n")
                        + line + "\n";
        if (key.equals("strat")) {
            yaml = yaml.replace("start: 10:00\n", "");
        }

        assertThat(schema.validate(asEditorSeesIt(yaml)))
                .as("schema errors for " + line)
                .isNotEmpty();
        assertThat(new BookingFiles(root).booking("b.yaml", yaml).load().problems())
                .as("loader problems for " + line)
                .isNotEmpty();
    }

    @Test
    void outOfRangePartySizeFailsBoth() {
        String yaml = BookingFiles.VALID.replace("party_size: 6", "party_size: 150");

        assertThat(schema.validate(asEditorSeesIt(yaml))).isNotEmpty();
        assertThat(new BookingFiles(root).booking("b.yaml", yaml).load().problems())
                .isNotEmpty();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
