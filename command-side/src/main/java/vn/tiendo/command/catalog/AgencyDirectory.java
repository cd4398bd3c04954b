package vn.tiendo.command.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.tiendo.events.common.AgencyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Agencies and the many ways the plans write their names (catalog/agencies.json holds the known spellings). A cell
 * such as "Sở Tài chính; Sở Khoa học và Công nghệ" names several agencies: the first leads, the others coordinate.
 */
public final class AgencyDirectory {

    public record Agency(String id, String name, AgencyKind kind, String parentId) {
    }

    /** The agencies a cell names, and the parts of it that name none. */
    public record Resolution(List<String> agencyIds, List<String> unknownParts) {
    }

    private record Alias(String normalized, String agencyId) {
    }

    private final List<Agency> agencies;
    private final Map<String, List<String>> aliasesById;
    private final List<Alias> aliases = new ArrayList<>();

    public AgencyDirectory(List<Agency> agencies, Map<String, List<String>> aliasesById) {
        this.agencies = List.copyOf(agencies);
        this.aliasesById = aliasesById;
        for (Agency agency : agencies) {
            aliases.add(new Alias(Names.normalize(agency.name()), agency.id()));
            aliases.add(new Alias(Names.normalize(agency.id()), agency.id()));
            aliasesById.getOrDefault(agency.id(), List.of()).forEach(a -> aliases.add(new Alias(Names.normalize(a), agency.id())));
        }
        // the longest alias first, so "Văn phòng UBND tỉnh (Trung tâm" wins over "Văn phòng UBND tỉnh"
        aliases.sort(Comparator.comparingInt((Alias a) -> a.normalized().length()).reversed());
    }

    /** The province's agencies as catalog/agencies.json lists them, parents first. */
    public static AgencyDirectory fromCatalog(ObjectMapper json) {
        try (InputStream in = AgencyDirectory.class.getResourceAsStream("/catalog/agencies.json")) {
            JsonNode root = json.readTree(in);
            List<Agency> agencies = new ArrayList<>();
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            for (JsonNode a : root.get("agencies")) {
                String id = a.get("id").asText();
                agencies.add(new Agency(id, a.get("name").asText(), AgencyKind.valueOf(a.get("kind").asText()),
                        a.hasNonNull("parent") ? a.get("parent").asText() : null));
                List<String> names = new ArrayList<>();
                a.get("aliases").forEach(alias -> names.add(alias.asText()));
                aliases.put(id, names);
            }
            return new AgencyDirectory(agencies, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same spellings, applied to another list of agencies (e.g. those registered so far). */
    public AgencyDirectory withAgencies(List<Agency> registered) {
        return new AgencyDirectory(registered, aliasesById);
    }

    public List<Agency> agencies() {
        return agencies;
    }

    /** The agency a single name starts with. */
    public Optional<String> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalize(name);
        return aliases.stream().filter(a -> n.equals(a.normalized()) || n.startsWith(a.normalized() + " ")
                        || n.startsWith(a.normalized() + ":") || n.startsWith(a.normalized() + ",") || n.startsWith(a.normalized() + "("))
                .map(Alias::agencyId).findFirst();
    }

    /** Every agency a cell names, in order, each once: parts separated by ";", then by "," where a part names none. */
    public Resolution resolveAll(String cell) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return new Resolution(List.of(), List.of());
        }
        for (String part : cell.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<String> whole = resolve(part);
            if (whole.isPresent()) {
                ids.add(whole.get());
                continue;
            }
            boolean any = false;
            for (String piece : part.split(",")) {
                Optional<String> id = resolve(piece);
                id.ifPresent(ids::add);
                any |= id.isPresent();
            }
            if (!any) {
                unknown.add(part.trim());
            }
        }
        return new Resolution(List.copyOf(ids), unknown);
    }
}
