package vn.tiendo.command.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.tiendo.events.common.AgencyKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Agencies and the many ways the plans write their names (catalog/agencies.json holds the known spellings). A cell
 * such as "Sở Tài chính; Sở Khoa học và Công nghệ" names several agencies: the first leads, the others coordinate.
 */
public final class AgencyDirectory {

    public record Agency(String id, String name, AgencyKind kind, String parentId) {
    }

    /** The agencies a cell names, the parts of it that name none, and the flags for names taken although they say more. */
    public record Resolution(List<String> agencyIds, List<String> unknownParts, List<String> ambiguities) {
    }

    /**
     * A collective assignee the plans name ("UBND các phường"): the names it goes by, the agency answering for it and
     * its members. A row assigned to it gives each member its own share.
     */
    public record Group(String id, List<String> names, String ownerId, List<String> memberIds) {
    }

    private record Alias(String normalized, String agencyId) {
        /** "Các sở, ban, ngành…": a group phrase, which the plans go on to qualify ("… theo chức năng, nhiệm vụ"). */
        boolean isGroup() {
            return normalized.startsWith("cac ");
        }
    }

    private final List<Agency> agencies;
    private final Map<String, List<String>> aliasesById;
    private final List<Alias> aliases = new ArrayList<>();
    private final Set<String> provinceSuffixes;
    private final List<Group> groups;

    public AgencyDirectory(List<Agency> agencies, Map<String, List<String>> aliasesById) {
        this(agencies, aliasesById, List.of());
    }

    private AgencyDirectory(List<Agency> agencies, Map<String, List<String>> aliasesById, List<Group> groups) {
        this.groups = List.copyOf(groups);
        this.agencies = List.copyOf(agencies);
        this.aliasesById = aliasesById;
        this.provinceSuffixes = provinceSuffixes(agencies);
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

    /** The same spellings and the names users confirmed ({@code recorded}, by agency), applied to the registered agencies. */
    public AgencyDirectory withAgencies(List<Agency> registered, Map<String, List<String>> recorded) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        aliasesById.forEach((id, names) -> all.put(id, new ArrayList<>(names)));
        recorded.forEach((id, names) -> all.computeIfAbsent(id, any -> new ArrayList<>()).addAll(names));
        return new AgencyDirectory(registered, all);
    }

    /** The same agencies and names, and these groups. */
    public AgencyDirectory withGroups(List<Group> groups) {
        return new AgencyDirectory(agencies, aliasesById, groups);
    }

    public List<Agency> agencies() {
        return agencies;
    }

    /** The group a cell names as a whole ("UBND các phường", also "… theo chức năng, nhiệm vụ"), compared as people write it. */
    public Optional<Group> group(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalize(ROLE_PHRASE.matcher(cell).replaceAll(""));
        return groups.stream().filter(g -> g.names().stream().map(Names::normalize).anyMatch(n::equals)).findFirst();
    }

    /** "Bắc Ninh" and "tỉnh Bắc Ninh" after a name still name this province's agency ("Báo và Đài PTTT Bắc Ninh"). */
    private static Set<String> provinceSuffixes(List<Agency> agencies) {
        return agencies.stream().filter(a -> a.kind() == AgencyKind.PROVINCE).map(a -> Names.normalize(a.name()))
                .filter(n -> n.contains("tinh ")).map(n -> n.substring(n.indexOf("tinh ") + 5))
                .flatMap(province -> Stream.of(province, "tinh " + province)).collect(Collectors.toSet());
    }

    /** How a written name relates to an alias it starts with. */
    private enum Fit {
        /** the name itself, or followed by a remark in brackets or after a colon or comma, or by this province's name */
        SAME,
        /** followed by words naming its role ("chủ trì…"), or the alias is a group phrase ("Các sở, ban, ngành…") */
        QUALIFIED,
        /** followed by "tỉnh" and another province's name: another agency */
        ANOTHER_PROVINCE,
        /** followed by other words: probably this agency, but the file must say so plainly (flagged) */
        LONGER
    }

    private record Match(Alias alias, Fit fit) {
    }

    private Optional<Match> match(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = Names.normalize(name);
        for (Alias a : aliases) {
            String alias = a.normalized();
            if (n.equals(alias) || n.startsWith(alias + ":") || n.startsWith(alias + ",") || n.startsWith(alias + "(")
                    || n.startsWith(alias + " (")) {
                return Optional.of(new Match(a, Fit.SAME));
            }
            if (!n.startsWith(alias + " ")) {
                continue;
            }
            String rest = n.substring(alias.length() + 1);
            if (provinceSuffixes.contains(rest) || rest.equals("tinh")) {
                return Optional.of(new Match(a, Fit.SAME));
            }
            if (a.isGroup() || rest.startsWith("chu tri") || rest.startsWith("phoi hop") || rest.startsWith("tinh chu tri")) {
                return Optional.of(new Match(a, Fit.QUALIFIED));
            }
            if (rest.startsWith("tinh ") || rest.startsWith("thanh pho ")) {
                return Optional.of(new Match(a, Fit.ANOTHER_PROVINCE));
            }
            return Optional.of(new Match(a, Fit.LONGER));
        }
        return Optional.empty();
    }

    /**
     * The agency a single name names: the name itself or with a remark ("Sở Tài chính (chủ trì)"), this province's
     * name or a role after it. A name that goes on to another province ("Sở Nội vụ tỉnh Bắc Giang" against "Sở Nội
     * vụ") is another agency: it resolves to nothing and {@link #unknown(String)} says why. A name that merely says
     * more is taken, and {@link #ambiguity(String)} gives the flag the importer shows for it.
     */
    public Optional<String> resolve(String name) {
        return match(name).filter(m -> m.fit() != Fit.ANOTHER_PROVINCE).map(m -> m.alias().agencyId());
    }

    /**
     * The agency a name means as it stands (its registered name, a known spelling or a confirmed alias, with at most a
     * remark or this province's name after it): what a new alias may not already mean for another agency.
     */
    public Optional<String> named(String name) {
        return match(name).filter(m -> m.fit() == Fit.SAME).map(m -> m.alias().agencyId());
    }

    /** The flag for a name taken as a registered agency although it says more than that agency's name. */
    public Optional<String> ambiguity(String name) {
        return match(name).filter(m -> m.fit() == Fit.LONGER).map(m -> "\"" + name.trim() + "\" is taken as " + m.alias().agencyId()
                + ", whose registered name it begins with; if it is another agency, register it and import again");
    }

    /** Why {@code name} names no registered agency. */
    public String unknown(String name) {
        String why = "no registered agency is called \"" + name.trim() + "\"";
        if (match(name).filter(m -> m.fit() == Fit.ANOTHER_PROVINCE).isPresent()) {
            return why + "; it begins with the name of " + match(name).get().alias().agencyId() + " but goes on to another province's, "
                    + "so it is another agency: register it, or write the registered name";
        }
        List<Agency> close = closest(name);
        if (close.isEmpty()) {
            return why + "; import the agency list first";
        }
        return why + "; the closest registered: " + close.stream().map(a -> a.name() + " (" + a.id() + ")").collect(Collectors.joining(", "))
                + " (confirm one as this name's agency, write it so, or register the agency)";
    }

    /**
     * The agencies a user may confirm as what an unknown name means: the closest registered ones; none for a name that
     * goes on to another province's (another agency, never an alias of this one).
     */
    public List<Agency> proposals(String name) {
        return match(name).filter(m -> m.fit() == Fit.ANOTHER_PROVINCE).isPresent() ? List.of() : closest(name);
    }

    /** Short forms the plans write for words of agency names, so that "HĐND-UBND" is near "Hội đồng nhân dân – Ủy ban nhân dân". */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.of(
            "hdnd", List.of("hoi", "dong", "nhan", "dan"), "ubnd", List.of("uy", "ban", "nhan", "dan"),
            "khcn", List.of("khoa", "hoc", "cong", "nghe"), "tp", List.of("thanh", "pho"), "cds", List.of("chuyen", "doi", "so"),
            "nn", List.of("nha", "nuoc"), "vh", List.of("van", "hoa"), "tt", List.of("trung", "tam"));

    /**
     * The registered agencies whose names come closest to one that names none, best first (at most three), for the
     * person fixing the file: words in common over words in either (short forms spelled out, diacritics ignored), and
     * a name all of whose words are in a registered one ("Văn phòng HĐND-UBND" in "Văn phòng HĐND-UBND thành phố")
     * counts as close. Empty when nothing is near.
     */
    public List<Agency> closest(String name) {
        Set<String> words = words(name);
        if (words.isEmpty()) {
            return List.of();
        }
        Map<String, Double> best = new HashMap<>();
        for (Agency agency : agencies) {
            List<String> spellings = new ArrayList<>(aliasesById.getOrDefault(agency.id(), List.of()));
            spellings.add(agency.name());
            for (String spelling : spellings) {
                Set<String> other = words(spelling);
                if (other.isEmpty()) {
                    continue;
                }
                Set<String> common = new HashSet<>(words);
                common.retainAll(other);
                Set<String> either = new HashSet<>(words);
                either.addAll(other);
                double score = (double) common.size() / either.size();
                if (common.size() == words.size()) {
                    score = Math.max(score, 0.6 + 0.4 * words.size() / other.size());
                }
                best.merge(agency.id(), score, Math::max);
            }
        }
        return best.entrySet().stream().filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> agency(e.getKey())).toList();
    }

    private Agency agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : Names.normalize(text).split("[^a-z0-9]+")) {
            if (!word.isEmpty()) {
                words.addAll(ABBREVIATIONS.getOrDefault(word, List.of(word)));
            }
        }
        return words;
    }

    /** "… theo chức năng, nhiệm vụ" after the agencies a cell lists: each in its own remit, not another agency. */
    private static final Pattern ROLE_PHRASE = Pattern.compile("[\\s,]*theo\\s+ch[ứu]c\\s+n[ăa]ng[\\s,]*(nhi[ệe]m\\s+v[ụu])?[\\s,.]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The agencies a part names when read as a list separated by commas ("Sở KH&CN, Sở Nội vụ, Công an tỉnh"). */
    private List<String> listed(String part) {
        if (!part.contains(",")) {
            return List.of();
        }
        return Arrays.stream(part.split(",")).map(this::resolve).flatMap(Optional::stream).distinct().toList();
    }

    /**
     * Every agency a cell names, in order, each once (a group: its members): parts separated by ";", then by "," where a part names none or
     * where it lists several agencies ("Sở Khoa học và Công nghệ, Sở Nội vụ, Công an tỉnh theo chức năng, nhiệm vụ");
     * a name with a comma of its own ("Sở Văn hóa, Thể thao và Du lịch") stays whole.
     */
    public Resolution resolveAll(String cell) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        List<String> ambiguities = new ArrayList<>();
        if (cell == null || cell.isBlank()) {
            return new Resolution(List.of(), List.of(), List.of());
        }
        for (String written : cell.split(";")) {
            String part = ROLE_PHRASE.matcher(written).replaceAll("");
            if (part.isBlank()) {
                continue;
            }
            Optional<Group> group = group(part);
            if (group.isPresent()) {
                ids.addAll(group.get().memberIds());
                continue;
            }
            Optional<String> whole = resolve(part);
            List<String> listed = listed(part);
            if (whole.isPresent() && listed.size() < 2) {
                ids.add(whole.get());
                ambiguity(part).ifPresent(ambiguities::add);
                continue;
            }
            boolean any = false;
            for (String piece : part.split(",")) {
                Optional<String> id = resolve(piece);
                id.ifPresent(ids::add);
                id.flatMap(found -> ambiguity(piece)).ifPresent(ambiguities::add);
                any |= id.isPresent();
            }
            if (!any) {
                unknown.add(part.trim());
            }
        }
        return new Resolution(List.copyOf(ids), unknown, ambiguities);
    }
}
