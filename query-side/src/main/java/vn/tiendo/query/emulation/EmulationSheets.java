package vn.tiendo.query.emulation;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.tiendo.query.emulation.EmulationViews.AgencyScore;
import vn.tiendo.query.emulation.EmulationViews.CampaignView;
import vn.tiendo.query.emulation.EmulationViews.NominationView;
import vn.tiendo.query.emulation.EmulationViews.Ranking;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The council's lists as Excel sheets in the layout award decisions use: STT, tên tập thể/cá nhân, thành tích, hình
 * thức khen thưởng. Every cell is written as text or a number, never as a formula, whatever the text says.
 */
final class EmulationSheets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private EmulationSheets() {
    }

    static byte[] ranking(CampaignView campaign, Ranking ranking, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        for (AgencyScore a : ranking.agencies()) {
            rows.add(List.of(a.rank(), nameOr(a.name(), a.agencyId()), a.score(), a.targetsMet(), a.anomalies()));
        }
        return workbook("Xep hang", campaign.title(), "Bảng xếp hạng đợt " + ranking.round() + " tính đến "
                        + DAY.format(ranking.asOf().atZone(zone)),
                List.of("STT", "Tên tập thể", "Điểm", "Chỉ tiêu đạt", "Cảnh báo bất thường"), rows);
    }

    static byte[] nominations(CampaignView campaign, int round, List<NominationView> nominations) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (NominationView v : nominations) {
            rows.add(List.of(++n, nominee(v), achievements(v), award(campaign, v.proposedAward()), status(v.status())));
        }
        return workbook("De nghi", campaign.title(), "Danh sách đề nghị khen thưởng đợt " + round,
                List.of("STT", "Tên tập thể/cá nhân", "Thành tích", "Hình thức khen thưởng đề nghị", "Tình trạng thẩm định"), rows);
    }

    static byte[] decisions(CampaignView campaign, int round, List<NominationView> decided) {
        List<List<Object>> rows = new ArrayList<>();
        int n = 0;
        for (NominationView v : decided) {
            rows.add(List.of(++n, nominee(v), achievements(v), award(campaign, v.awardForm()),
                    v.decisionNumber() + ", ngày " + DAY.format(v.decidedOn()), v.dossierSha256()));
        }
        return workbook("Quyet dinh", campaign.title(), "Danh sách tập thể, cá nhân được khen thưởng đợt " + round,
                List.of("STT", "Tên tập thể/cá nhân", "Thành tích", "Hình thức khen thưởng", "Quyết định", "SHA-256 hồ sơ"), rows);
    }

    private static String nominee(NominationView v) {
        String agency = nameOr(v.agencyName(), v.agencyId());
        return "INDIVIDUAL".equals(v.kind()) ? v.nomineeName() + ", " + v.nomineePosition() + ", " + agency : agency;
    }

    /** The achievements the council verified; all claimed while none is judged. */
    private static String achievements(NominationView v) {
        boolean judged = v.claimStatus().values().stream().anyMatch("VERIFIED"::equals);
        return v.claims().stream().filter(c -> !judged || "VERIFIED".equals(v.claimStatus().get(c.claimId())))
                .map(c -> c.achievement() + " (" + c.targetCode() + ")").collect(Collectors.joining("; "));
    }

    private static String award(CampaignView campaign, String code) {
        return code == null ? "" : campaign.awards().stream().filter(a -> a.code().equals(code)).map(a -> a.name() + " của " + a.grantedBy())
                .findFirst().orElse(code);
    }

    private static String status(String status) {
        return switch (status) {
            case "SUBMITTED" -> "Đã nộp";
            case "UNDER_REVIEW" -> "Đang thẩm định";
            case "EVIDENCE_REQUESTED" -> "Yêu cầu bổ sung minh chứng";
            case "VERIFIED" -> "Đã xác nhận";
            case "REJECTED" -> "Không xác nhận";
            case "AWARD_PROPOSED" -> "Đã đề nghị khen thưởng";
            case "AWARD_DECIDED" -> "Đã có quyết định khen thưởng";
            default -> status;
        };
    }

    private static String nameOr(String name, String id) {
        return name == null ? id : name;
    }

    private static byte[] workbook(String sheetName, String title, String subtitle, List<String> headers, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            text(sheet.createRow(0).createCell(0), title).setCellStyle(bold);
            text(sheet.createRow(1).createCell(0), subtitle);
            Row header = sheet.createRow(3);
            for (int c = 0; c < headers.size(); c++) {
                text(header.createCell(c), headers.get(c)).setCellStyle(bold);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(4 + r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        text(cell, value == null ? "" : value.toString());
                    }
                }
            }
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, c == 0 ? 6 * 256 : 40 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Excel cells hold at most 32,767 characters. */
    private static Cell text(Cell cell, String value) {
        cell.setCellValue(value.length() > 32_767 ? value.substring(0, 32_767) : value);
        return cell;
    }
}
