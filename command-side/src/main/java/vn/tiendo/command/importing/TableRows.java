package vn.tiendo.command.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The skeleton every imported table shares. A kind of table ({@link Rules}) finds its columns and turns one row into
 * a command; the skeleton walks the rows, collects each row's problems and flags, and keeps a row's command only when
 * that row has no problem. Any problem refuses the file whole (the caller's rule).
 */
public final class TableRows {

    /** One kind of table: agencies, indicators, tasks. An instance reads one sheet. */
    interface Rules<C> {

        /** Finds the columns in the header row; a problem for each required one that is missing. */
        void findColumns(Columns columns, Findings findings);

        /**
         * One row's commands: usually one; one per member where the row is assigned to a group; none for a heading
         * or when the row has problems, which go to {@code findings}.
         */
        List<C> map(Sheet.Row row, RowFindings findings);

        /** A look at every row before they are mapped, for what only the whole table says (how it numbers its rows). */
        default void scan(List<Sheet.Row> rows) {
        }
    }

    /** A command and the number of the row it comes from in the file, which its events record. */
    public record Draft<C>(int row, C command) {
    }

    /** The commands of the good rows, every problem (the file is refused if any), and flags (rows kept as written). */
    public record Result<C>(List<Draft<C>> drafts, List<ImportProblem> problems, List<ImportProblem> flags) {
    }

    /** What reading a file found. */
    static final class Findings {
        final List<ImportProblem> problems = new ArrayList<>();
        final List<ImportProblem> flags = new ArrayList<>();

        void problem(int row, String column, String message) {
            problems.add(new ImportProblem(row, column, message));
        }

        void flag(int row, String column, String message) {
            flags.add(new ImportProblem(row, column, message));
        }
    }

    /** What reading one row found, numbered as the file numbers it. */
    static final class RowFindings {
        private final Findings findings;
        private final int row;
        private final int problemsBefore;

        RowFindings(Findings findings, int row) {
            this.findings = findings;
            this.row = row;
            this.problemsBefore = findings.problems.size();
        }

        void problem(String column, String message) {
            findings.problem(row, column, message);
        }

        /** A cell names no registered agency: the problem says so and carries the agencies {@code name} may mean. */
        void unknownAgency(String column, String name, AgencyDirectory agencies) {
            findings.problems.add(ImportProblem.unknownAgency(row, column, name, agencies));
        }

        void flag(String column, String message) {
            findings.flag(row, column, message);
        }

        boolean hasProblems() {
            return findings.problems.size() > problemsBefore;
        }

        int row() {
            return row;
        }
    }

    private TableRows() {
    }

    static <C> Result<C> map(Sheet sheet, Rules<C> rules) {
        Findings findings = new Findings();
        rules.findColumns(new Columns(sheet.headers(), sheet.titles()), findings);
        if (!findings.problems.isEmpty()) {
            return new Result<>(List.of(), findings.problems, findings.flags);
        }
        rules.scan(sheet.rows());
        List<Draft<C>> drafts = new ArrayList<>();
        for (Sheet.Row row : sheet.rows()) {
            RowFindings rowFindings = new RowFindings(findings, row.number());
            List<C> commands = rules.map(row, rowFindings);
            if (!rowFindings.hasProblems()) {
                commands.forEach(c -> drafts.add(new Draft<>(row.number(), c)));
            }
        }
        return new Result<>(drafts, findings.problems, findings.flags);
    }

    /** A required column: its index, or a problem naming it. */
    static Optional<Integer> required(Optional<Integer> column, String header, Findings findings) {
        if (column.isEmpty()) {
            findings.problem(0, header, "no column \"" + header + "\" in the header row");
        }
        return column;
    }
}
