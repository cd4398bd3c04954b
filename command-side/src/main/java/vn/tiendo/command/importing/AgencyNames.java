package vn.tiendo.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import vn.tiendo.command.registry.Registry;

/**
 * The names the province's agencies go by now: each registered agency's name, the spellings the catalog knows
 * (catalog/agencies.json), the aliases users confirmed (AgencyAliasRecorded) and the groups defined (AgencyGroupDefined). Imports read names against it, and a
 * new alias may not already mean another agency in it.
 */
@Component
public class AgencyNames {

    private final Registry registry;
    private final AgencyDirectory catalog;

    public AgencyNames(Registry registry, ObjectMapper json) {
        this.registry = registry;
        this.catalog = AgencyDirectory.fromCatalog(json);
    }

    /** The registered agencies with every name they go by. */
    public AgencyDirectory registered() {
        return catalog.withAgencies(registry.agencies(), registry.recordedAliases()).withGroups(registry.groups());
    }

    /** The catalog's agencies and spellings, before any is registered (how the demo plans its history). */
    AgencyDirectory catalog() {
        return catalog;
    }
}
