package vn.tiendo.query.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.tiendo.events.common.MeasuredValue;
import vn.tiendo.events.common.Period;
import vn.tiendo.query.audit.TamperEvidence;
import vn.tiendo.platform.scope.Scope;
import vn.tiendo.query.indicator.IndicatorQueries;
import vn.tiendo.query.indicator.IndicatorView;
import vn.tiendo.query.status.IndicatorStatus;
import vn.tiendo.query.status.TaskStatus;
import vn.tiendo.query.task.TaskQueries;
import vn.tiendo.query.task.TaskView;
import vn.tiendo.query.web.AsOf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * The monthly progress report (báo cáo định kỳ) as an XLSX workbook laid out like the plans' appendices: indicators
 * (STT, chỉ tiêu, đơn vị tính, mục tiêu, kết quả kỳ báo cáo, đánh giá, cơ quan chủ trì, ghi chú) and tasks, with
 * the figures the projections hold, for any period and as recorded at any moment.
 */
@Component
public class MonthlyReport {

    static final List<String> INDICATOR_COLUMNS = List.of("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu", "Kết quả kỳ báo cáo",
            "Đánh giá", "Cơ quan chủ trì", "Ghi chú");
    static final List<String> TASK_COLUMNS = List.of("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Tiến độ (%)",
            "Đánh giá", "Sản phẩm", "Ghi chú");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final IndicatorQueries indicators;
    private final TaskQueries tasks;
    private final TamperEvidence tamperEvidence;

    public MonthlyReport(IndicatorQueries indicators, TaskQueries tasks, TamperEvidence tamperEvidence) {
        this.indicators = indicators;
        this.tasks = tasks;
        this.tamperEvidence = tamperEvidence;
    }

    /** {@code title} names the scope (a plan, an agency, the province); {@code asOf} null means now. */
    public byte[] xlsx(Period period, String planId, String agencyId, AsOf.Moment at, Instant now, ZoneId zone, String title) {
        List<IndicatorView.Status> rows = indicators.list(new IndicatorQueries.Filter(planId, agencyId, null, period), Scope.ALL, at);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("Chỉ tiêu");
            int r = heading(sheet, styles, "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", period, title, at.isNow() ? now : at.instant(), zone,
                    INDICATOR_COLUMNS.size());
            r = header(sheet, styles, r, INDICATOR_COLUMNS);
            int stt = 1;
            for (IndicatorView.Status i : rows) {
                Row row = sheet.createRow(r++);
                cells(row, styles.body, String.valueOf(stt++), i.code() + ". " + i.name(), i.unit(),
                        i.targetInForce() == null ? "" : i.targetInForce().asWritten(), format(i.value()), assessment(i.status()),
                        i.leadAgencyName() == null ? i.leadAgencyId() : i.leadAgencyName(), note(i));
            }
            // the latest checkpoint, published with the report so that the store can be verified against paper later
            Row seal = sheet.createRow(r + 1);
            seal.createCell(0).setCellValue(tamperEvidence.latest().map(TamperEvidence.Checkpoint::statement)
                    .orElse("Chưa có điểm kiểm tra của kho sự kiện."));
            widths(sheet, 6, 60, 14, 18, 18, 16, 30, 40);
            Sheet taskSheet = workbook.createSheet("Nhiệm vụ");
            int t = heading(taskSheet, styles, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ", period, title, at.isNow() ? now : at.instant(), zone,
                    TASK_COLUMNS.size());
            t = header(taskSheet, styles, t, TASK_COLUMNS);
            int n = 1;
            for (TaskView task : tasks.list(new TaskQueries.Filter(planId, agencyId, null), Scope.ALL, at)) {
                Row row = taskSheet.createRow(t++);
                cells(row, styles.body, String.valueOf(n++), task.content(),
                        task.leadAgencyName() == null ? task.leadAgencyId() : task.leadAgencyName(),
                        task.deadline().asWritten() == null ? String.valueOf(task.deadline().dueDate()) : task.deadline().asWritten(),
                        String.valueOf(task.percentComplete()), task.statusLabel(), task.product() == null ? task.expectedProduct() : task.product(),
                        task.status() == TaskStatus.CANCELLED ? task.cancelReason() : "");
            }
            widths(taskSheet, 6, 70, 30, 22, 12, 20, 30, 30);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String assessment(IndicatorStatus status) {
        return switch (status) {
            case ACHIEVED -> "Đạt";
            case NO_DATA -> "Chưa báo cáo";
            case NOT_ASSESSED -> "Chưa đánh giá";
            default -> "Chưa đạt";
        };
    }

    /** A value as a Vietnamese report writes it: 72,5%; 5/7; Đạt; Mức B. */
    static String format(MeasuredValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof MeasuredValue.Percent p) {
            return number(p.value()) + "%";
        }
        if (value instanceof MeasuredValue.Ratio r) {
            return number(r.numerator()) + "/" + number(r.denominator());
        }
        if (value instanceof MeasuredValue.PassFail pf) {
            return Boolean.TRUE.equals(pf.passed()) ? "Đạt" : "Chưa đạt";
        }
        if (value instanceof MeasuredValue.Level l) {
            return "Mức " + l.level();
        }
        if (value instanceof MeasuredValue.Text t) {
            return t.text();
        }
        return value.asNumber().map(MonthlyReport::number).orElse("");
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String note(IndicatorView.Status i) {
        StringBuilder note = new StringBuilder(i.statusLabel());
        if (i.period() != null && i.value() != null) {
            note.append("; số liệu kỳ ").append(i.period());
        }
        if (i.correctionCount() > 0) {
            note.append("; đã điều chỉnh ").append(i.correctionCount()).append(" lần");
        }
        return note.toString();
    }

    private static int heading(Sheet sheet, Styles styles, String text, Period period, String scope, Instant at, ZoneId zone, int width) {
        String[] lines = {text, scope, period == null ? "Số liệu mới nhất" : "Kỳ báo cáo: " + label(period),
                "Số liệu ghi nhận đến " + WHEN.format(at.atZone(zone))};
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue(lines[i]);
            row.getCell(0).setCellStyle(i == 0 ? styles.title : styles.centered);
            sheet.addMergedRegion(new CellRangeAddress(i, i, 0, width - 1));
        }
        return lines.length + 1;
    }

    private static String label(Period period) {
        return switch (period.granularity()) {
            case MONTH -> "tháng " + period.start().getMonthValue() + "/" + period.start().getYear();
            case QUARTER -> "quý " + ((period.start().getMonthValue() - 1) / 3 + 1) + "/" + period.start().getYear();
            case YEAR -> "năm " + period.start().getYear();
        } + " (" + DAY.format(period.start()) + " – " + DAY.format(period.end()) + ")";
    }

    private static int header(Sheet sheet, Styles styles, int r, List<String> columns) {
        Row row = sheet.createRow(r);
        cells(row, styles.header, columns.toArray(String[]::new));
        return r + 1;
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(fitting(values[c]));
            row.getCell(c).setCellStyle(style);
        }
    }

    /** Excel holds at most 32,767 characters in a cell; text recorded before limits existed is cut, never a failed report. */
    static String fitting(String value) {
        if (value == null) {
            return "";
        }
        int max = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle centered;
        final CellStyle header;
        final CellStyle body;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            title.setAlignment(HorizontalAlignment.CENTER);
            centered = workbook.createCellStyle();
            centered.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            body = bordered(workbook);
        }

        private static CellStyle bordered(XSSFWorkbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
