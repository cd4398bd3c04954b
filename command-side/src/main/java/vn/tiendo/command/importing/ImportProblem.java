package vn.tiendo.command.importing;

import java.util.List;

/**
 * Something wrong (or, as a flag, worth a look) in one cell of an imported file: row 0 means the file itself. When the
 * cell names an agency nobody registered, {@code unknownName} is that name and {@code proposals} the registered
 * agencies it may mean, for the user to confirm one (an alias) and import again.
 */
public record ImportProblem(int row, String column, String message, String unknownName, List<Proposal> proposals) {

    /** A registered agency an unknown name may mean. */
    public record Proposal(String agencyId, String name) {
    }

    public ImportProblem(int row, String column, String message) {
        this(row, column, message, null, List.of());
    }

    /** The problem for a name that names no registered agency, with the agencies it may mean. */
    static ImportProblem unknownAgency(int row, String column, String name, AgencyDirectory agencies) {
        return new ImportProblem(row, column, agencies.unknown(name), name.strip(),
                agencies.proposals(name).stream().map(a -> new Proposal(a.id(), a.name())).toList());
    }
}
