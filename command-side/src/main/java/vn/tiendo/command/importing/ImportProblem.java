package vn.tiendo.command.importing;

/** Something wrong (or, as a flag, worth a look) in one cell of an imported file: row 0 means the file itself. */
public record ImportProblem(int row, String column, String message) {
}
