package vn.tiendo.command.importing;

import vn.tiendo.command.agency.RegisterAgency;
import vn.tiendo.command.catalog.AgencyDirectory;
import vn.tiendo.events.common.AgencyKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agency list: Mã, Tên, Loại (PROVINCE, DEPARTMENT, …), Cơ quan cấp trên (its Mã or name). Parents come first. */
final class AgencyRows {

    record Result(List<Draft> drafts, List<ImportProblem> problems) {
    }

    record Draft(int row, RegisterAgency command) {
    }

    private AgencyRows() {
    }

    static Result map(Sheet sheet, AgencyDirectory registered) {
        Columns columns = new Columns(sheet.headers());
        List<ImportProblem> problems = new ArrayList<>();
        Optional<Integer> id = columns.find("Mã", "Mã cơ quan");
        Optional<Integer> name = columns.find("Tên", "Tên cơ quan");
        Optional<Integer> kind = columns.find("Loại", "Loại cơ quan");
        Optional<Integer> parent = columns.find("Cơ quan cấp trên", "Cấp trên");
        requireColumn(id, "Mã", problems);
        requireColumn(name, "Tên", problems);
        requireColumn(kind, "Loại", problems);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems);
        }
        List<AgencyDirectory.Agency> known = new ArrayList<>(registered.agencies());
        Set<String> ids = new HashSet<>();
        List<Draft> drafts = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            String agencyId = row.cell(id.get());
            String agencyName = row.cell(name.get());
            String kindText = row.cell(kind.get());
            if (agencyId == null || !agencyId.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
                problems.add(new ImportProblem(row.number(), columns.header(id.get()), "Mã must be 1-100 letters, digits, '.', '_', ':' or '-'"));
                continue;
            }
            if (!ids.add(agencyId)) {
                problems.add(new ImportProblem(row.number(), columns.header(id.get()), agencyId + " appears twice in the file"));
            }
            if (agencyName == null) {
                problems.add(new ImportProblem(row.number(), columns.header(name.get()), "the name is empty"));
            }
            AgencyKind agencyKind = Arrays.stream(AgencyKind.values()).filter(k -> k.name().equalsIgnoreCase(kindText == null ? "" : kindText.trim()))
                    .findFirst().orElse(null);
            if (agencyKind == null) {
                problems.add(new ImportProblem(row.number(), columns.header(kind.get()), "Loại must be one of " + Arrays.toString(AgencyKind.values())));
            }
            String parentCell = parent.map(row::cell).orElse(null);
            String parentId = null;
            if (parentCell != null) {
                parentId = new AgencyDirectory(known, Map.of()).resolve(parentCell).orElse(null);
                if (parentId == null) {
                    problems.add(new ImportProblem(row.number(), columns.header(parent.get()),
                            "no agency \"" + parentCell + "\" registered or listed above this row"));
                }
            } else if (agencyKind != null && agencyKind != AgencyKind.PROVINCE) {
                problems.add(new ImportProblem(row.number(), "Cơ quan cấp trên", "every agency but the province needs a parent"));
            }
            if (agencyName != null && agencyKind != null) {
                known.add(new AgencyDirectory.Agency(agencyId, agencyName, agencyKind, parentId));
                drafts.add(new Draft(row.number(), new RegisterAgency(agencyId, agencyName, agencyKind, parentId)));
            }
        }
        return new Result(drafts, problems);
    }

    private static void requireColumn(Optional<Integer> column, String header, List<ImportProblem> problems) {
        if (column.isEmpty()) {
            problems.add(new ImportProblem(0, header, "no column \"" + header + "\" in the header row"));
        }
    }
}
