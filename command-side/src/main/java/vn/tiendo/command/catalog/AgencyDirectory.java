package vn.tiendo.command.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tiendo.events.common.AgencyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The province's agencies (catalog/agencies.json) and the many ways the plans write their names. A cell such as
 * "Sở Tài chính; Sở Khoa học và Công nghệ" names several agencies: the first leads, the others coordinate.
 */
public final class AgencyDirectory {

    public record Agency(String id, String name, AgencyKind kind, String parentId) {
    }

    private record Alias(String normalized, String agencyId) {
    }

    private final List<Agency> agencies = new ArrayList<>();
    private final List<Alias> aliases = new ArrayList<>();

    public static AgencyDirectory fromClasspath(ObjectMapper json) {
        try (InputStream in = AgencyDirectory.class.getResourceAsStream("/catalog/agencies.json")) {
            return new AgencyDirectory(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgencyDirectory(JsonNode root) {
        for (JsonNode a : root.get("agencies")) {
            String id = a.get("id").asText();
            agencies.add(new Agency(id, a.get("name").asText(), AgencyKind.valueOf(a.get("kind").asText()),
                    a.hasNonNull("parent") ? a.get("parent").asText() : null));
            aliases.add(new Alias(Names.normalize(a.get("name").asText()), id));
            a.get("aliases").forEach(alias -> aliases.add(new Alias(Names.normalize(alias.asText()), id)));
        }
        // the longest alias first, so "Văn phòng UBND tỉnh (Trung tâm" wins over "Văn phòng UBND tỉnh"
        aliases.sort(Comparator.comparingInt((Alias a) -> a.normalized().length()).reversed());
    }

    /** Parents before children, so they can be registered in this order. */
    public List<Agency> agencies() {
        return List.copyOf(agencies);
    }

    public Agency agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    /** The agency a single name starts with. */
    public Optional<String> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalize(name);
        return aliases.stream().filter(a -> n.startsWith(a.normalized())).map(Alias::agencyId).findFirst();
    }

    /** Every agency a cell names, in order, each once. Parts separated by ";" first, then by "," where needed. */
    public List<String> resolveAll(String cell) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (cell == null) {
            return List.of();
        }
        for (String part : cell.split(";")) {
            Optional<String> whole = resolve(part);
            if (whole.isPresent()) {
                ids.add(whole.get());
                continue;
            }
            for (String piece : part.split(",")) {
                resolve(piece).ifPresent(ids::add);
            }
        }
        return List.copyOf(ids);
    }
}
