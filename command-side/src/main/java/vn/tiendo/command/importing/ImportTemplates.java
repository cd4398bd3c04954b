package vn.tiendo.command.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.tiendo.command.common.RuleViolation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Templates to download: the header row the importer reads, and one example row taken from the real plans. */
final class ImportTemplates {

    private static final Map<String, List<List<String>>> TEMPLATES = Map.of(
            "agencies", List.of(
                    List.of("Mã", "Tên", "Loại", "Cơ quan cấp trên"),
                    List.of("so-khcn", "Sở Khoa học và Công nghệ", "DEPARTMENT", "ubnd-tinh")),
            "indicators", List.of(
                    List.of("STT", "Chỉ tiêu", "Đơn vị tính", "Giá trị cơ sở", "Mục tiêu 2025", "Mục tiêu 2030", "Cơ quan chủ trì", "Cơ quan theo dõi"),
                    List.of("A.1", "Tỷ lệ phủ sóng 5G trên địa bàn", "% dân số", "", "≥ 60%", "100%", "Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ")),
            "tasks", List.of(
                    List.of("STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
                    List.of("1", "Xây dựng Kiến trúc chính quyền điện tử, chính quyền số tỉnh Bắc Ninh", "Sở Khoa học và Công nghệ",
                            "Văn phòng UBND tỉnh", "Tháng 12/2025", "Kiến trúc được phê duyệt")));

    private ImportTemplates() {
    }

    static byte[] of(String kind, String format) {
        List<List<String>> rows = TEMPLATES.get(kind);
        if (rows == null) {
            throw new RuleViolation("kind", "templates exist for " + TEMPLATES.keySet());
        }
        return switch (format) {
            case "csv" -> csv(rows);
            case "xlsx" -> xlsx(rows);
            default -> throw new RuleViolation("format", "format must be xlsx or csv");
        };
    }

    private static byte[] csv(List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Mẫu");
            XSSFCellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                    if (r == 0) {
                        row.getCell(c).setCellStyle(bold);
                    }
                }
            }
            for (int c = 0; c < rows.get(0).size(); c++) {
                sheet.setColumnWidth(c, 24 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
