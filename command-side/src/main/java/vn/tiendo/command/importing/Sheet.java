package vn.tiendo.command.importing;

import java.text.Normalizer;
import java.util.List;

/**
 * A table read from an uploaded file: its header cells and its rows, each with the row number the user sees in
 * Excel (1-based, counting the header), so that every problem can be reported where it is; and the title lines above
 * the header ("DANH MỤC CÁC CHỈ TIÊU … NĂM 2025"), which may say what year the targets are for. Cells are read
 * composed (Unicode NFC).
 */
public record Sheet(List<String> headers, List<Row> rows, List<String> titles) {

    public Sheet(List<String> headers, List<Row> rows) {
        this(headers, rows, List.of());
    }

    public record Row(int number, List<String> cells) {

        public String cell(int column) {
            if (column < 0 || column >= cells.size()) {
                return null;
            }
            String value = cells.get(column);
            // composed (NFC), as the API stores text: the same words typed on another system are the same value
            return value == null || value.isBlank() ? null : Normalizer.normalize(value.trim(), Normalizer.Form.NFC);
        }
    }
}
