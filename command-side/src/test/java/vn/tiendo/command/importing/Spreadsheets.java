package vn.tiendo.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Test helper: turns a CSV table into the XLSX file an agency would upload, optionally editing rows on the way. */
final class Spreadsheets {

    private Spreadsheets() {
    }

    static List<List<String>> rows(byte[] csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : CSVFormat.RFC4180.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))) {
            rows.add(new ArrayList<>(r.toList()));
        }
        return rows;
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Phụ lục");
            sheet.createRow(0).createCell(0).setCellValue("PHỤ LỤC"); // a title row above the header, as in the plans
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value != null && !value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx(byte[] csv, UnaryOperator<List<List<String>>> edit) throws IOException {
        return xlsx(edit.apply(rows(csv)));
    }
}
