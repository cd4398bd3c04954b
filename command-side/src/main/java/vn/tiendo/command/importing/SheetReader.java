package vn.tiendo.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first sheet of an XLSX file (Apache POI, cells as Excel displays them) or a UTF-8 CSV file (Apache
 * Commons CSV; comma or semicolon, as Excel writes it in Vietnamese locales). The first row with two or more filled cells is the header.
 */
public final class SheetReader {

    private SheetReader() {
    }

    public static Sheet read(String fileName, byte[] content) {
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (zip || name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return csv(content);
        }
        throw new ImportRejected(List.of(new ImportProblem(0, "file", "only .xlsx and .csv files can be imported")));
    }

    private static Sheet xlsx(byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter();
            List<List<String>> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : formatter.formatCellValue(cell));
                }
                lines.add(cells);
                numbers.add(row.getRowNum() + 1);
            }
            return toSheet(lines, numbers);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportRejected rejected) {
                throw rejected;
            }
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "not a readable .xlsx file: " + e.getMessage())));
        }
    }

    private static Sheet csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's UTF-8 byte order mark
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build().parse(new StringReader(text))) {
            List<List<String>> lines = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            for (CSVRecord record : parser) {
                lines.add(record.toList());
                numbers.add((int) record.getRecordNumber());
            }
            return toSheet(lines, numbers);
        } catch (IOException | RuntimeException e) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "not a readable CSV file: " + e.getMessage())));
        }
    }

    private static Sheet toSheet(List<List<String>> lines, List<Integer> numbers) {
        // The header is the first row with two or more filled cells: title rows above it ("PHỤ LỤC I") are skipped.
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).stream().filter(c -> c != null && !c.isBlank()).count() >= 2) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "the file is empty")));
        }
        List<Sheet.Row> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size(); i++) {
            if (lines.get(i).stream().anyMatch(c -> c != null && !c.isBlank())) {
                rows.add(new Sheet.Row(numbers.get(i), lines.get(i)));
            }
        }
        return new Sheet(lines.get(header).stream().map(h -> h == null ? "" : h.trim()).toList(), rows);
    }
}
