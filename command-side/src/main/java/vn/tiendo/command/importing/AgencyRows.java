package vn.tiendo.command.importing;

import vn.tiendo.command.agency.RegisterAgency;
import vn.tiendo.events.common.AgencyKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agency list: Mã, Tên, Loại (PROVINCE, DEPARTMENT, …), Cơ quan cấp trên (its Mã or name). Parents come first. */
final class AgencyRows implements TableRows.Rules<RegisterAgency> {

    /** Registered agencies and those listed above the current row: a parent may be either. */
    private final List<AgencyDirectory.Agency> known;
    private final Set<String> ids = new HashSet<>();
    private Columns columns;
    private Optional<Integer> id;
    private Optional<Integer> name;
    private Optional<Integer> kind;
    private Optional<Integer> parent;

    AgencyRows(AgencyDirectory registered) {
        this.known = new ArrayList<>(registered.agencies());
    }

    @Override
    public void findColumns(Columns columns, TableRows.Findings findings) {
        this.columns = columns;
        id = TableRows.required(columns.find("Mã", "Mã cơ quan"), "Mã", findings);
        name = TableRows.required(columns.find("Tên", "Tên cơ quan"), "Tên", findings);
        kind = TableRows.required(columns.find("Loại", "Loại cơ quan"), "Loại", findings);
        parent = columns.find("Cơ quan cấp trên", "Cấp trên");
    }

    @Override
    public List<RegisterAgency> map(Sheet.Row row, TableRows.RowFindings findings) {
        String agencyId = row.cell(id.get());
        String agencyName = row.cell(name.get());
        String kindText = row.cell(kind.get());
        if (agencyId == null || !agencyId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            findings.problem(columns.header(id.get()), "Mã must be 1-100 letters, digits, '.', '_', ':' or '-'");
            return List.of();
        }
        if (!ids.add(agencyId)) {
            findings.problem(columns.header(id.get()), agencyId + " appears twice in the file");
        }
        if (agencyName == null) {
            findings.problem(columns.header(name.get()), "the name is empty");
        }
        AgencyKind agencyKind = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equalsIgnoreCase(kindText == null ? "" : kindText.trim()))
                .findFirst().orElse(null);
        if (agencyKind == null) {
            findings.problem(columns.header(kind.get()), "Loại must be one of " + Arrays.toString(AgencyKind.values()));
        }
        String parentCell = parent.map(row::cell).orElse(null);
        String parentId = null;
        if (parentCell != null) {
            parentId = new AgencyDirectory(known, Map.of()).resolve(parentCell).orElse(null);
            if (parentId == null) {
                findings.problem(columns.header(parent.get()), "no agency \"" + parentCell + "\" registered or listed above this row");
            }
        } else if (agencyKind != null && agencyKind != AgencyKind.PROVINCE) {
            findings.problem("Cơ quan cấp trên", "every agency but the province needs a parent");
        }
        if (agencyName == null || agencyKind == null) {
            return List.of();
        }
        known.add(new AgencyDirectory.Agency(agencyId, agencyName, agencyKind, parentId));
        return List.of(new RegisterAgency(agencyId, agencyName, agencyKind, parentId));
    }
}
