package vn.tiendo.command.importing;

import java.util.List;

/** The file is refused as a whole; {@code problems} names every bad row and column. Nothing of it was applied. */
public class ImportRejected extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRejected(List<ImportProblem> problems) {
        super(problems.size() + " problem(s) in the file; nothing was imported");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
