package com.queenofsandiego.charter.booking;

import com.queenofsandiego.charter.source.Fields;
import com.queenofsandiego.charter.source.Problems;
import com.queenofsandiego.charter.source.YamlSource;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code crew.yaml}: crew id → name and role. */
public final class RosterLoader {

    public static final Set<String> MEMBER_KEYS = Set.of("name", "role", "email");
    private static final String DEFAULT_ROLE = "Crew";

    private RosterLoader() {}

    /** The roster; a missing file is an empty roster, so sites without crew need no file. */
    public static Roster load(Path file, Problems problems) {
        if (!Files.exists(file)) {
            return Roster.EMPTY;
        }
        return YamlSource.readMapping(file, problems, "crew ids, each with a name and role")
                .map(root -> members(root, problems))
                .orElse(Roster.EMPTY);
    }

    private static Roster members(MappingNode root, Problems problems) {
        Map<String, CrewMember> members = new LinkedHashMap<>();
        for (NodeTuple tuple : root.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                problems.at(tuple.getKeyNode(), "a crew id must be a single word such as maria_lopez");
                continue;
            }
            String id = key.getValue();
            if (!BookingParser.ID.matcher(id).matches()) {
                problems.at(key, "crew id '" + id + "' may only use letters, digits, '.', '_' and '-'");
                continue;
            }
            if (members.containsKey(id)) {
                problems.at(key, "crew id '" + id + "' appears twice; keep one");
                continue;
            }
            if (!(tuple.getValueNode() instanceof MappingNode entry)) {
                problems.at(
                        tuple.getValueNode(), "crew '" + id + "' must hold indented lines 'name: ...' and 'role: ...'");
                continue;
            }
            Fields fields = new Fields(entry, id + ".", MEMBER_KEYS, problems);
            Optional<String> name = fields.requiredText("name", "Maria Lopez").map(String::trim);
            String role = fields.text("role")
                    .map(String::trim)
                    .filter(r -> !r.isEmpty())
                    .orElse(DEFAULT_ROLE);
            fields.text("email");
            name.ifPresent(n -> members.put(id, new CrewMember(id, n, role)));
        }
        return new Roster(members);
    }
}
