package vn.tiendo.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import vn.tiendo.events.common.TextRules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the first sheet of an XLSX file (streamed with Apache POI's SAX reader, cells as Excel displays them) or a
 * UTF-8 CSV file (Apache Commons CSV; comma or semicolon, as Excel writes it in Vietnamese locales). The first row
 * with two or more filled cells is the header.
 * <p>
 * A file is untrusted: the XLSX is never loaded whole (a 5 MB file can inflate to hundreds of MB), its parts may not
 * inflate past {@link #MAX_PART_BYTES} or more than a hundredfold, reading stops once the file has more rows than
 * can be imported, and every cell is checked before any parsing: at most {@link #MAX_CELL} characters and no
 * control characters, each problem named by row and column.
 */
public final class SheetReader {

    /** The longest cell: the longest task of the plans has about 1,000 characters. */
    public static final int MAX_CELL = TextRules.MAX_NAME;
    /** The largest part of an XLSX file once inflated. */
    static final long MAX_PART_BYTES = 64L * 1024 * 1024;
    /** Rows above the header that a file may have besides the rows to import (titles, notes). */
    private static final int TITLE_ROWS = 50;

    private SheetReader() {
    }

    public static Sheet read(String fileName, byte[] content) {
        return read(fileName, content, ImportService.MAX_ROWS);
    }

    public static Sheet read(String fileName, byte[] content, int maxRows) {
        boolean zip = content.length > 2 && content[0] == 'P' && content[1] == 'K';
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (zip || name.endsWith(".xlsx")) {
            return xlsx(content, maxRows);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
            return csv(content, maxRows);
        }
        throw new ImportRejected(List.of(new ImportProblem(0, "file", "only .xlsx and .csv files can be imported")));
    }

    /** Collects rows as they stream in, and stops the reading once there are more than can be imported. */
    private static final class Rows {
        final List<List<String>> lines = new ArrayList<>();
        final List<Integer> numbers = new ArrayList<>();
        final int limit;

        Rows(int maxRows) {
            this.limit = maxRows + TITLE_ROWS;
        }

        void add(int number, List<String> cells) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                return;
            }
            if (lines.size() >= limit) {
                throw new TooManyRows(limit - TITLE_ROWS);
            }
            lines.add(cells);
            numbers.add(number);
        }
    }

    private static final class TooManyRows extends RuntimeException {
        TooManyRows(int maxRows) {
            super("the file has more than " + maxRows + " rows; at most " + maxRows + " can be imported at once");
        }
    }

    private static Sheet xlsx(byte[] content, int maxRows) {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
        Rows rows = new Rows(maxRows);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportRejected(List.of(new ImportProblem(0, "file", "the file is empty")));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new RowCollector(rows),
                        new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows e) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", e.getMessage())));
        } catch (ImportRejected e) {
            throw e;
        } catch (Exception e) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "not a readable .xlsx file: " + e.getMessage())));
        }
        return toSheet(rows);
    }

    /** Rows of the SAX reader, with the cells Excel leaves out (empty ones) put back as null. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Rows rows;
        private List<String> cells;

        RowCollector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            rows.add(rowNum + 1, cells);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            if (column < cells.size()) {
                cells.set(column, formattedValue);
            } else {
                cells.add(formattedValue);
            }
        }
    }

    private static Sheet csv(byte[] content, int maxRows) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // Excel's UTF-8 byte order mark
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars().filter(c -> c == ',').count() ? ';' : ',';
        Rows rows = new Rows(maxRows);
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).build().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add((int) record.getRecordNumber(), record.toList());
            }
        } catch (TooManyRows e) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", e.getMessage())));
        } catch (IOException | RuntimeException e) {
            throw new ImportRejected(List.of(new ImportProblem(0, "file", "not a readable CSV file: " + e.getMessage())));
        }
        return toSheet(rows);
    }

    private static Sheet toSheet(Rows read) {
        List<List<String>> lines = read.lines;
        checkCells(read);
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
            rows.add(new Sheet.Row(read.numbers.get(i), lines.get(i)));
        }
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < header; i++) {
            lines.get(i).stream().filter(c -> c != null && !c.isBlank()).map(c -> Normalizer.normalize(c.trim(), Normalizer.Form.NFC))
                    .forEach(titles::add);
        }
        return new Sheet(lines.get(header).stream().map(h -> h == null ? "" : Normalizer.normalize(h.trim(), Normalizer.Form.NFC)).toList(), rows,
                titles);
    }

    /** Every cell within its length and free of control characters, before anything parses it. */
    private static void checkCells(Rows read) {
        List<ImportProblem> problems = new ArrayList<>();
        for (int i = 0; i < read.lines.size() && problems.size() < 100; i++) {
            List<String> cells = read.lines.get(i);
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (cell == null) {
                    continue;
                }
                String column = CellReference.convertNumToColString(c);
                if (cell.length() > MAX_CELL) {
                    problems.add(new ImportProblem(read.numbers.get(i), column, "the cell has " + cell.length()
                            + " characters; at most " + MAX_CELL + " are accepted"));
                    cells.set(c, cell.substring(0, MAX_CELL));
                }
                int row = read.numbers.get(i);
                TextRules.violationOf(cell).ifPresent(why -> problems.add(new ImportProblem(row, column, "the cell " + why)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejected(problems);
        }
    }
}
