package vn.tiendo.platform.scope;

import org.springframework.security.access.AccessDeniedException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The agencies one user may see and act on: every agency ({@link #ALL}) or a fixed set. Made by {@link ScopePolicy};
 * carried to the aggregates as command metadata ({@link #METADATA}) and to the query side's SQL as an array.
 */
public final class Scope {

    /** Command metadata: the sender's agencies, comma-separated; absent for those who act on every agency. */
    public static final String METADATA = "actingScope";

    public static final Scope ALL = new Scope(null);

    private final Set<String> agencies;

    private Scope(Set<String> agencies) {
        this.agencies = agencies;
    }

    public static Scope of(Collection<String> agencies) {
        return new Scope(Set.copyOf(agencies));
    }

    /** The scope a command's metadata names; {@link #ALL} when it names none. */
    public static Scope fromMetadata(String value) {
        if (value == null) {
            return ALL;
        }
        return value.isEmpty() ? of(Set.of()) : of(Arrays.asList(value.split(",")));
    }

    /** The metadata value for a restricted scope; null for {@link #ALL}. */
    public String toMetadata() {
        return isAll() ? null : String.join(",", new TreeSet<>(agencies));
    }

    public boolean isAll() {
        return agencies == null;
    }

    public boolean includes(String agencyId) {
        return isAll() || (agencyId != null && agencies.contains(agencyId));
    }

    /** Seeing: true when any of the agencies involved in a record (lead, monitoring, coordinating) is in scope. */
    public boolean includesAny(Collection<String> agencyIds) {
        return isAll() || agencyIds.stream().anyMatch(this::includes);
    }

    /** Acting: the agency that leads the record answers for it, so only it (or a head above it) may act on it. */
    public void requireActsOn(String leadAgencyId, String recordId) {
        if (!includes(leadAgencyId)) {
            throw new AccessDeniedException(recordId + " is led by " + leadAgencyId + ", outside the sender's scope");
        }
    }

    /** The agencies as a SQL array parameter ({@code = any(?)}); only for a restricted scope. */
    public String[] sqlArray() {
        if (isAll()) {
            throw new IllegalStateException("an unrestricted scope has no agency list");
        }
        return agencies.stream().sorted().toArray(String[]::new);
    }

    @Override
    public String toString() {
        return isAll() ? "all agencies" : new TreeSet<>(agencies).toString();
    }
}
